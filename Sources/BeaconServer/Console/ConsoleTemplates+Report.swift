extension ConsoleTemplates {
    /// A horizontal bar chart drawn from `BarChart`: every text through `{{ }}`, colours from the stylesheet.
    static let barChart = """
        <figure class="chart" id="chart-{{id}}">
        <svg viewBox="0 0 {{width}} {{height}}" role="img" aria-label="{{title}}: {{summary}}">
        <title>{{title}}: {{summary}}</title>
        {{#rows}}
        <text class="label" x="0" y="{{textY}}">{{label}}</text>
        {{#segments}}<rect class="{{kind}}" x="{{x}}" y="{{y}}" width="{{width}}" height="{{height}}"></rect>{{/segments}}
        <text class="amount" x="{{valueX}}" y="{{textY}}">{{value}}</text>
        {{/rows}}
        </svg>
        <figcaption>{{title}}</figcaption>
        </figure>

        """

    static let weeklyReport = """
        {{<layout}}{{$main}}
        <h1>[[page.report.weekly_report]]</h1>
        <p class="muted" id="report-period">[[page.report.to_statuses_as_of]]</p>
        <nav class="actions weeks" aria-label="[[page.report.weeks]]">
        <a class="button secondary" id="previous-week" href="/reports/weekly?week={{previousWeek}}">← {{previousWeek}}</a>
        {{#nextWeek}}<a class="button secondary" id="next-week" href="/reports/weekly?week={{.}}">{{.}} →</a>{{/nextWeek}}
        <a class="button secondary" id="markdown" href="/reports/weekly.md?week={{week}}">[[page.report.markdown]]</a>
        </nav>
        <h2>[[page.report.summary]]</h2>
        <div class="scroll"><table class="report" id="summary">
        <thead><tr><th></th><th class="num">{{week}}</th><th class="num">{{previousWeek}}</th></tr></thead>
        <tbody>{{#summary}}<tr><td>{{label}}</td><td class="num">{{current}}</td><td class="num">{{previous}}</td></tr>{{/summary}}</tbody>
        </table></div>
        <h2>[[page.report.by_category_and_severity]]</h2>
        {{#categoryChart}}{{>bar-chart}}{{/categoryChart}}
        <div class="scroll"><table class="report" id="categories">
        <thead><tr><th>[[page.report.category]]</th><th class="num">[[page.report.incidents]]</th><th class="num">[[page.report.share]]</th></tr></thead>
        <tbody>{{#categories}}<tr><td>{{label}}</td><td class="num">{{count}}</td><td class="num">{{share}}</td></tr>{{/categories}}</tbody>
        </table></div>
        {{#severityChart}}{{>bar-chart}}{{/severityChart}}
        <div class="scroll"><table class="report" id="severities">
        <thead><tr><th>[[page.report.peak_severity]]</th><th class="num">[[page.report.incidents]]</th><th class="num">[[page.report.share]]</th></tr></thead>
        <tbody>{{#severities}}<tr><td>{{label}}</td><td class="num">{{count}}</td><td class="num">{{share}}</td></tr>{{/severities}}</tbody>
        </table></div>
        <h2>[[page.report.response_times_by_peak]]</h2>
        {{#mttaChart}}{{>bar-chart}}{{/mttaChart}}
        {{#mttrChart}}{{>bar-chart}}{{/mttrChart}}
        <div class="scroll"><table class="report" id="responses">
        <thead><tr><th>[[page.report.severity]]</th><th class="num">[[page.report.mtta_mean]]</th><th class="num">[[page.report.mtta_median]]</th><th class="num">[[page.report.acknowledged]]</th><th class="num">[[page.report.mttr_mean]]</th><th class="num">[[page.report.mttr_median]]</th><th class="num">[[page.report.resolved]]</th></tr></thead>
        <tbody>{{#responses}}<tr><td>{{severity}}</td><td class="num">{{acknowledgeMean}}</td><td class="num">{{acknowledgeMedian}}</td><td class="num">{{acknowledged}}</td><td class="num">{{resolveMean}}</td><td class="num">{{resolveMedian}}</td><td class="num">{{resolved}}</td></tr>{{/responses}}</tbody>
        </table></div>
        <h2>[[page.report.deadline_compliance_by_layer]]</h2>
        {{#deadlineChart}}{{>bar-chart}}{{/deadlineChart}}
        <div class="scroll"><table class="report" id="deadlines">
        <thead><tr><th>[[page.report.layer]]</th><th class="num">[[page.report.met]]</th><th class="num">[[page.report.missed]]</th><th class="num">[[page.report.met_2]]</th><th class="num">[[page.report.still_running]]</th><th class="num">[[page.report.not_owed]]</th></tr></thead>
        <tbody>{{#deadlines}}<tr><td>{{layer}}</td><td class="num">{{met}}</td><td class="num">{{missed}}</td><td class="num">{{percent}}</td><td class="num">{{running}}</td><td class="num">{{notOwed}}</td></tr>{{/deadlines}}</tbody>
        </table></div>
        <h2>[[page.report.rules_that_fired_most]]</h2>
        {{#noRules}}<p class="muted" id="no-rules">[[page.report.no_incident_was_opened]]</p>{{/noRules}}
        {{^noRules}}<div class="scroll"><table class="report" id="rules">
        <thead><tr><th>[[page.report.rule]]</th><th>[[page.report.title]]</th><th class="num">[[page.report.incidents]]</th></tr></thead>
        <tbody>{{#rules}}<tr><td>{{ruleID}}</td><td>{{title}}</td><td class="num">{{count}}</td></tr>{{/rules}}</tbody>
        </table></div>{{/noRules}}
        <h2>[[page.report.follow_ups]]</h2>
        <ul id="follow-ups">
        <li>[[page.report.opened_this_week]]</li>
        <li>[[page.report.closed_this_week]]</li>
        <li>[[page.report.overdue_at]]</li>
        </ul>
        {{#hasOverdue}}<div class="scroll"><table class="report" id="overdue">
        <thead><tr><th>[[page.report.incident]]</th><th>[[page.report.action]]</th><th>[[page.report.owner]]</th><th>[[page.report.due]]</th></tr></thead>
        <tbody>{{#overdue}}<tr><td><a href="/incidents/{{incidentID}}">#{{incidentID}}</a></td><td>{{description}}</td><td>{{owner}}</td><td>{{due}}</td></tr>{{/overdue}}</tbody>
        </table></div>{{/hasOverdue}}
        <h2>[[page.report.workload_by_person]]</h2>
        {{#noWorkload}}<p class="muted" id="no-workload">[[page.report.nobody_was_paged]]</p>{{/noWorkload}}
        {{^noWorkload}}<div class="scroll"><table class="report" id="workload">
        <thead><tr><th>[[page.report.person]]</th><th class="num">[[page.report.pages]]</th><th class="num">[[page.report.working_hours]]</th><th class="num">[[page.report.off_hours]]</th><th class="num">[[page.report.nights]]</th><th class="num">[[page.report.acknowledged]]</th><th class="num">[[page.report.median_to_acknowledge]]</th></tr></thead>
        <tbody>{{#workload}}<tr><td>{{person}}</td><td class="num">{{pages}}</td><td class="num">{{workingHours}}</td><td class="num">{{offHours}}</td><td class="num">{{nights}}</td><td class="num">{{acknowledged}}</td><td class="num">{{medianAcknowledge}}</td></tr>{{/workload}}</tbody>
        </table></div>{{/noWorkload}}
        {{/main}}{{/layout}}
        """
}
