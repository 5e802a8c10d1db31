extension ConsoleTemplates {
    static let dashboard = """
        {{<layout}}{{$main}}
        {{#hasUnreached}}
        <div class="flash error" id="unreached" role="alert"><strong>[[page.dashboard.nobody_was_reached]]</strong> [[page.dashboard.on]]
        {{#unreached}}<a href="/incidents/{{id}}">#{{id}} {{title}}</a> {{/unreached}}[[page.dashboard.every_notification_failed_page]]</div>
        {{/hasUnreached}}
        <p class="holders" id="holders">{{#holders}}<span class="holder{{#gap}} gap{{/gap}}"><strong>{{layerName}}</strong> {{who}}{{#until}} <span class="muted">[[page.dashboard.until]]</span>{{/until}}</span> {{/holders}}<a href="/oncall">[[page.dashboard.on_call]]</a></p>
        <h1>[[page.dashboard.open_incidents]] <span class="muted">({{openCount}})</span></h1>
        {{#noIncidents}}<p class="card" id="no-incidents">[[page.dashboard.no_open_incidents]]</p>{{/noIncidents}}
        {{#groups}}
        <section class="group-{{severity}}" id="group-{{severity}}">
        <h2>{{severity}} · {{label}} <span class="muted">({{count}})</span></h2>
        {{#incidents}}{{>incident-row}}{{/incidents}}
        </section>
        {{/groups}}
        {{#hasPostMortems}}
        <h2>[[page.dashboard.post_mortems_to_write]]</h2>
        <ul class="plain" id="postmortems-due">
        {{#postMortems}}
        <li class="card{{#overdue}} breaching{{/overdue}}"><h3><a href="/incidents/{{id}}/postmortem">#{{id}} {{title}}</a></h3>
        <p class="{{#overdue}}overdue{{/overdue}}{{^overdue}}muted{{/overdue}}">[[page.dashboard.layer_due_overdue]]</p></li>
        {{/postMortems}}
        </ul>
        {{/hasPostMortems}}
        {{#hasQueued}}
        <h2>[[page.dashboard.waiting_to_be_sent]]</h2>
        <ul class="plain" id="outbox-queued">
        {{#queued}}<li class="card"><h3>{{channel}}</h3><p class="muted">[[page.dashboard.notifications_waiting]]</p></li>{{/queued}}
        </ul>
        {{/hasQueued}}
        {{#hasFailingSources}}
        <h2>[[page.dashboard.failing_sources]]</h2>
        <ul class="plain" id="failing-sources">
        {{#failingSources}}
        <li class="card breaching"><h3>{{url}}</h3><p>{{reason}}</p><p class="muted">[[page.dashboard.rules]]</p></li>
        {{/failingSources}}
        </ul>
        {{/hasFailingSources}}
        <h2>[[page.dashboard.rules_last_hour]]</h2>
        {{#noRules}}<p class="muted">[[page.dashboard.no_rules_are_configured]]</p>{{/noRules}}
        <div class="grid" id="rules">
        {{#rules}}
        <div class="card{{#breaching}} breaching{{/breaching}}" id="rule-{{id}}">
        <h3>{{title}}</h3>
        <p class="muted">{{category}} · {{condition}}</p>
        {{#failing}}<p class="overdue">[[page.dashboard.source_failing]]</p>{{/failing}}
        {{#noSamples}}<p class="muted">[[page.dashboard.no_samples_in_the]]</p>{{/noSamples}}
        {{#series}}
        <div class="series">
        <p>{{#labels}}<span class="muted">{{.}}</span> {{/labels}}<span class="value{{#breaching}} overdue{{/breaching}}">{{value}}</span> <span class="muted">{{seen}}</span></p>
        {{#spark}}
        <svg class="spark" viewBox="0 0 {{width}} {{height}}" preserveAspectRatio="none" role="img" aria-label="{{summary}}">
        {{#thresholdY}}<line x1="0" x2="{{width}}" y1="{{.}}" y2="{{.}}"></line>{{/thresholdY}}
        <polyline points="{{points}}"></polyline>
        </svg>
        {{/spark}}
        </div>
        {{/series}}
        {{#hiddenSeries}}<p class="muted">[[page.dashboard.and_more_series]]</p>{{/hiddenSeries}}
        </div>
        {{/rules}}
        </div>
        {{/main}}{{/layout}}
        """

    static let incidents = """
        {{<layout}}{{$main}}
        <h1>[[page.incidents.incidents]]</h1>
        <form method="get" action="/incidents" class="filters" id="filters">
        <div><label for="q">[[page.incidents.title]]</label><input type="search" id="q" name="q" value="{{q}}" placeholder="[[page.incidents.search_titles]]"></div>
        <div><label for="status">[[page.incidents.status]]</label><select id="status" name="status">{{#statuses}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/statuses}}</select></div>
        <div><label for="severity">[[page.incidents.severity]]</label><select id="severity" name="severity">{{#severities}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/severities}}</select></div>
        <div><label for="category">[[page.incidents.category]]</label><select id="category" name="category">{{#categories}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/categories}}</select></div>
        <div><button type="submit">[[page.incidents.filter]]</button>{{#filtered}}<a class="button secondary" href="/incidents">[[page.incidents.clear]]</a>{{/filtered}}</div>
        </form>
        <p class="muted" id="count">[[page.incidents.incident_s_the_newest]]</p>
        {{#none}}<p class="card">[[page.incidents.no_incidents_match]]</p>{{/none}}
        <div id="results">
        {{#rows}}{{>incident-row}}{{/rows}}
        </div>
        {{/main}}{{/layout}}
        """

    static let oncall = """
        {{<layout}}{{$main}}
        <h1>[[page.oncall.on_call]]</h1>
        <p class="muted">[[page.oncall.times_in_today_and]]</p>
        {{#rosters}}
        <section class="card roster" id="roster-{{layer}}">
        <h2>{{layerName}} · {{roster}}</h2>
        <p class="now{{#gapNow}} gap{{/gapNow}}" id="now-{{layer}}">[[page.oncall.on_duty_now]] <strong>{{now}}</strong></p>
        {{#gaps}}<p class="flash error" id="gaps-{{layer}}">[[page.oncall.gap_s_ahead_nobody]]</p>{{/gaps}}
        <ol class="plain spans" id="spans-{{layer}}">
        {{#spans}}<li class="{{#gap}}gap{{/gap}}{{#overridden}} overridden{{/overridden}}"><span class="muted">{{when}}</span> {{who}}{{#overridden}} <span class="badge">[[page.oncall.override]]</span>{{/overridden}}</li>{{/spans}}
        </ol>
        {{#hasOverrides}}
        <h3>[[page.oncall.overrides]]</h3>
        <ul class="plain" id="overrides-{{layer}}">
        {{#overrides}}
        <li id="override-{{id}}">{{who}} · {{when}} <span class="muted">[[page.oncall.by]]</span>
        {{#removable}}<form method="post" action="/oncall/overrides/{{id}}/remove" class="inline"><input type="hidden" name="csrf" value="{{chrome.csrf}}"><button type="submit" id="remove-{{id}}">[[page.oncall.remove]]</button></form>{{/removable}}
        </li>
        {{/overrides}}
        </ul>
        {{/hasOverrides}}
        {{#canChange}}
        <form method="post" action="/oncall/{{roster}}/overrides" class="override-form" id="override-form-{{layer}}">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <label for="person-{{layer}}">[[page.oncall.who_is_on_duty]]</label>
        <select id="person-{{layer}}" name="person">{{#people}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/people}}</select>
        <label for="from-{{layer}}">[[page.oncall.from]]</label>
        <input type="datetime-local" id="from-{{layer}}" name="from" required>
        <label for="to-{{layer}}">[[page.oncall.until]]</label>
        <input type="datetime-local" id="to-{{layer}}" name="to" required>
        <label for="reason-{{layer}}">[[page.oncall.why_optional]]</label>
        <input type="text" id="reason-{{layer}}" name="reason" maxlength="500">
        <button type="submit" id="override-{{layer}}">[[page.oncall.put_on_duty]]</button>
        </form>
        {{/canChange}}
        </section>
        {{/rosters}}
        {{^hasRosters}}<p class="card">[[page.oncall.no_layer_names_a]]</p>{{/hasRosters}}
        {{#unrostered}}<p class="muted">[[page.oncall.everyone_is_paged]]</p>{{/unrostered}}
        {{/main}}{{/layout}}
        """

    static let approvals = """
        {{<layout}}{{$main}}
        <h1>[[page.approvals.approvals]]</h1>
        {{^canAnswer}}<p class="muted">[[page.approvals.only_the_decision_layer]]</p>{{/canAnswer}}
        {{#noQuestions}}<p class="card" id="no-questions">[[page.approvals.nothing_is_waiting_for]]</p>{{/noQuestions}}
        {{#questions}}
        <section class="card" id="approval-{{id}}">
        <h2>{{title}}</h2>
        <p class="muted">[[page.approvals.step_of]] <a href="/incidents/{{incidentID}}">#{{incidentID}} {{incidentTitle}}</a> [[page.approvals.asked_expires]]</p>
        <div class="facts question {{severity}}">
        {{#facts}}<p>{{.}}</p>{{/facts}}
        </div>
        {{#details}}<div class="approval-details"><p class="muted">[[page.approvals.to_approve]]</p><p class="note">{{.}}</p></div>{{/details}}
        {{#canAnswer}}
        <form method="post" action="/approvals/answer/{{id}}">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <input type="hidden" name="return_to" value="inbox">
        <label for="comment-{{id}}">[[page.approvals.comment_optional]]</label>
        <input type="text" id="comment-{{id}}" name="comment" maxlength="2000">
        <div class="actions">
        <button class="approve" type="submit" name="decision" value="approve" id="approve-{{id}}">[[page.approvals.approve]]</button>
        <button class="reject" type="submit" name="decision" value="reject" id="reject-{{id}}">[[page.approvals.reject]]</button>
        </div>
        </form>
        {{/canAnswer}}
        </section>
        {{/questions}}
        {{#hasAnswers}}
        <h2>[[page.approvals.recently_answered]]</h2>
        <ul class="plain" id="answered">
        {{#answers}}
        <li class="card"><span class="badge {{state}}">{{stateText}}</span> {{title}}<div class="muted">[[page.approvals.by_at]] <a href="/incidents/{{incidentID}}">#{{incidentID}} {{incidentTitle}}</a></div>{{#comment}}<div>“{{.}}”</div>{{/comment}}</li>
        {{/answers}}
        </ul>
        {{/hasAnswers}}
        {{/main}}{{/layout}}
        """
}
