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
        <h1>Weekly report {{week}}</h1>
        <p class="muted" id="report-period">{{firstDay}} to {{lastDay}} ({{timeZone}}) · statuses as of {{generated}}</p>
        <nav class="actions weeks" aria-label="Weeks">
        <a class="button secondary" id="previous-week" href="/reports/weekly?week={{previousWeek}}">← {{previousWeek}}</a>
        {{#nextWeek}}<a class="button secondary" id="next-week" href="/reports/weekly?week={{.}}">{{.}} →</a>{{/nextWeek}}
        <a class="button secondary" id="markdown" href="/api/reports/weekly.md?week={{week}}">Markdown</a>
        </nav>
        <h2>Summary</h2>
        <div class="scroll"><table class="report" id="summary">
        <thead><tr><th></th><th class="num">{{week}}</th><th class="num">{{previousWeek}}</th></tr></thead>
        <tbody>{{#summary}}<tr><td>{{label}}</td><td class="num">{{current}}</td><td class="num">{{previous}}</td></tr>{{/summary}}</tbody>
        </table></div>
        <h2>By category and severity</h2>
        {{#categoryChart}}{{>bar-chart}}{{/categoryChart}}
        <div class="scroll"><table class="report" id="categories">
        <thead><tr><th>Category</th><th class="num">Incidents</th><th class="num">Share</th></tr></thead>
        <tbody>{{#categories}}<tr><td>{{label}}</td><td class="num">{{count}}</td><td class="num">{{share}}</td></tr>{{/categories}}</tbody>
        </table></div>
        {{#severityChart}}{{>bar-chart}}{{/severityChart}}
        <div class="scroll"><table class="report" id="severities">
        <thead><tr><th>Peak severity</th><th class="num">Incidents</th><th class="num">Share</th></tr></thead>
        <tbody>{{#severities}}<tr><td>{{label}}</td><td class="num">{{count}}</td><td class="num">{{share}}</td></tr>{{/severities}}</tbody>
        </table></div>
        <h2>Response times by peak severity</h2>
        {{#mttaChart}}{{>bar-chart}}{{/mttaChart}}
        {{#mttrChart}}{{>bar-chart}}{{/mttrChart}}
        <div class="scroll"><table class="report" id="responses">
        <thead><tr><th>Severity</th><th class="num">MTTA mean</th><th class="num">MTTA median</th><th class="num">Acknowledged</th><th class="num">MTTR mean</th><th class="num">MTTR median</th><th class="num">Resolved</th></tr></thead>
        <tbody>{{#responses}}<tr><td>{{severity}}</td><td class="num">{{acknowledgeMean}}</td><td class="num">{{acknowledgeMedian}}</td><td class="num">{{acknowledged}}</td><td class="num">{{resolveMean}}</td><td class="num">{{resolveMedian}}</td><td class="num">{{resolved}}</td></tr>{{/responses}}</tbody>
        </table></div>
        <h2>Deadline compliance by layer</h2>
        {{#deadlineChart}}{{>bar-chart}}{{/deadlineChart}}
        <div class="scroll"><table class="report" id="deadlines">
        <thead><tr><th>Layer</th><th class="num">Met</th><th class="num">Missed</th><th class="num">Met %</th><th class="num">Still running</th><th class="num">Not owed</th></tr></thead>
        <tbody>{{#deadlines}}<tr><td>{{layer}}</td><td class="num">{{met}}</td><td class="num">{{missed}}</td><td class="num">{{percent}}</td><td class="num">{{running}}</td><td class="num">{{notOwed}}</td></tr>{{/deadlines}}</tbody>
        </table></div>
        <h2>Rules that fired most</h2>
        {{#noRules}}<p class="muted" id="no-rules">No incident was opened by a rule.</p>{{/noRules}}
        {{^noRules}}<div class="scroll"><table class="report" id="rules">
        <thead><tr><th>Rule</th><th>Title</th><th class="num">Incidents</th></tr></thead>
        <tbody>{{#rules}}<tr><td>{{ruleID}}</td><td>{{title}}</td><td class="num">{{count}}</td></tr>{{/rules}}</tbody>
        </table></div>{{/noRules}}
        <h2>Follow-ups</h2>
        <ul id="follow-ups">
        <li>Opened this week: {{followUpsOpened}}</li>
        <li>Closed this week: {{followUpsClosed}}</li>
        <li>Overdue at {{overdueAt}}: {{overdueCount}}</li>
        </ul>
        {{#hasOverdue}}<div class="scroll"><table class="report" id="overdue">
        <thead><tr><th>Incident</th><th>Action</th><th>Owner</th><th>Due</th></tr></thead>
        <tbody>{{#overdue}}<tr><td><a href="/incidents/{{incidentID}}">#{{incidentID}}</a></td><td>{{description}}</td><td>{{owner}}</td><td>{{due}}</td></tr>{{/overdue}}</tbody>
        </table></div>{{/hasOverdue}}
        <h2>Workload by person</h2>
        {{#noWorkload}}<p class="muted" id="no-workload">Nobody was paged.</p>{{/noWorkload}}
        {{^noWorkload}}<div class="scroll"><table class="report" id="workload">
        <thead><tr><th>Person</th><th class="num">Pages</th><th class="num">Working hours</th><th class="num">Off hours</th><th class="num">Nights (22–08)</th><th class="num">Acknowledged</th><th class="num">Median to acknowledge</th></tr></thead>
        <tbody>{{#workload}}<tr><td>{{person}}</td><td class="num">{{pages}}</td><td class="num">{{workingHours}}</td><td class="num">{{offHours}}</td><td class="num">{{nights}}</td><td class="num">{{acknowledged}}</td><td class="num">{{medianAcknowledge}}</td></tr>{{/workload}}</tbody>
        </table></div>{{/noWorkload}}
        {{/main}}{{/layout}}
        """
}
