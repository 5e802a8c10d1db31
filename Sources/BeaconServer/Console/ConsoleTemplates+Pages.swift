extension ConsoleTemplates {
    static let dashboard = """
        {{<layout}}{{$main}}
        {{#hasUnreached}}
        <div class="flash error" id="unreached" role="alert"><strong>Nobody was reached</strong> on
        {{#unreached}}<a href="/incidents/{{id}}">#{{id}} {{title}}</a> {{/unreached}}— every notification failed.
        Page people by phone and check the channels.</div>
        {{/hasUnreached}}
        <p class="holders" id="holders">{{#holders}}<span class="holder{{#gap}} gap{{/gap}}"><strong>{{layer}}</strong> {{who}}{{#until}} <span class="muted">until {{.}}</span>{{/until}}</span> {{/holders}}<a href="/oncall">On call</a></p>
        <h1>Open incidents <span class="muted">({{openCount}})</span></h1>
        {{#noIncidents}}<p class="card" id="no-incidents">No open incidents.</p>{{/noIncidents}}
        {{#groups}}
        <section class="group-{{severity}}" id="group-{{severity}}">
        <h2>{{severity}} · {{label}} <span class="muted">({{count}})</span></h2>
        {{#incidents}}{{>incident-row}}{{/incidents}}
        </section>
        {{/groups}}
        {{#hasPostMortems}}
        <h2>Post-mortems to write</h2>
        <ul class="plain" id="postmortems-due">
        {{#postMortems}}
        <li class="card{{#overdue}} breaching{{/overdue}}"><h3><a href="/incidents/{{id}}/postmortem">#{{id}} {{title}}</a></h3>
        <p class="{{#overdue}}overdue{{/overdue}}{{^overdue}}muted{{/overdue}}">{{owner}} layer · due {{due}}{{#overdue}} · overdue{{/overdue}}</p></li>
        {{/postMortems}}
        </ul>
        {{/hasPostMortems}}
        {{#hasQueued}}
        <h2>Waiting to be sent</h2>
        <ul class="plain" id="outbox-queued">
        {{#queued}}<li class="card"><h3>{{channel}}</h3><p class="muted">{{count}} notifications waiting</p></li>{{/queued}}
        </ul>
        {{/hasQueued}}
        {{#hasFailingSources}}
        <h2>Failing sources</h2>
        <ul class="plain" id="failing-sources">
        {{#failingSources}}
        <li class="card breaching"><h3>{{url}}</h3><p>{{reason}}</p><p class="muted">Rules: {{rules}}</p></li>
        {{/failingSources}}
        </ul>
        {{/hasFailingSources}}
        <h2>Rules · last hour</h2>
        {{#noRules}}<p class="muted">No rules are configured.</p>{{/noRules}}
        <div class="grid" id="rules">
        {{#rules}}
        <div class="card{{#breaching}} breaching{{/breaching}}" id="rule-{{id}}">
        <h3>{{title}}</h3>
        <p class="muted">{{category}} · {{condition}}</p>
        {{#failing}}<p class="overdue">Source failing: {{.}}</p>{{/failing}}
        {{#noSamples}}<p class="muted">No samples in the last hour.</p>{{/noSamples}}
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
        {{#hiddenSeries}}<p class="muted">and {{.}} more series</p>{{/hiddenSeries}}
        </div>
        {{/rules}}
        </div>
        {{/main}}{{/layout}}
        """

    static let incidents = """
        {{<layout}}{{$main}}
        <h1>Incidents</h1>
        <form method="get" action="/incidents" class="filters" id="filters">
        <div><label for="q">Title</label><input type="search" id="q" name="q" value="{{q}}" placeholder="search titles"></div>
        <div><label for="status">Status</label><select id="status" name="status">{{#statuses}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/statuses}}</select></div>
        <div><label for="severity">Severity</label><select id="severity" name="severity">{{#severities}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/severities}}</select></div>
        <div><label for="category">Category</label><select id="category" name="category">{{#categories}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/categories}}</select></div>
        <div><button type="submit">Filter</button>{{#filtered}}<a class="button secondary" href="/incidents">Clear</a>{{/filtered}}</div>
        </form>
        <p class="muted" id="count">{{count}} incident(s){{#limited}}, the newest; narrow the filters to find older ones{{/limited}}</p>
        {{#none}}<p class="card">No incidents match.</p>{{/none}}
        <div id="results">
        {{#rows}}{{>incident-row}}{{/rows}}
        </div>
        {{/main}}{{/layout}}
        """

    static let oncall = """
        {{<layout}}{{$main}}
        <h1>On call</h1>
        <p class="muted">Times in {{zone}}. Today and the next 14 days; later layers of a roster win, overrides win over all.</p>
        {{#rosters}}
        <section class="card roster" id="roster-{{layer}}">
        <h2>{{layer}} · {{roster}}</h2>
        <p class="now{{#gapNow}} gap{{/gapNow}}" id="now-{{layer}}">On duty now: <strong>{{now}}</strong></p>
        {{#gaps}}<p class="flash error" id="gaps-{{layer}}">{{.}} gap(s) ahead: nobody on duty, the whole layer would be paged.</p>{{/gaps}}
        <ol class="plain spans" id="spans-{{layer}}">
        {{#spans}}<li class="{{#gap}}gap{{/gap}}{{#overridden}} overridden{{/overridden}}"><span class="muted">{{when}}</span> {{who}}{{#overridden}} <span class="badge">override</span>{{/overridden}}</li>{{/spans}}
        </ol>
        {{#hasOverrides}}
        <h3>Overrides</h3>
        <ul class="plain" id="overrides-{{layer}}">
        {{#overrides}}
        <li id="override-{{id}}">{{who}} · {{when}} <span class="muted">by {{by}}{{#reason}} — {{.}}{{/reason}}</span>
        {{#removable}}<form method="post" action="/oncall/overrides/{{id}}/remove" class="inline"><input type="hidden" name="csrf" value="{{chrome.csrf}}"><button type="submit" id="remove-{{id}}">Remove</button></form>{{/removable}}
        </li>
        {{/overrides}}
        </ul>
        {{/hasOverrides}}
        {{#canChange}}
        <form method="post" action="/oncall/{{roster}}/overrides" class="override-form" id="override-form-{{layer}}">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <label for="person-{{layer}}">Who is on duty (take a shift yourself, or give it to a colleague)</label>
        <select id="person-{{layer}}" name="person">{{#people}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/people}}</select>
        <label for="from-{{layer}}">From</label>
        <input type="datetime-local" id="from-{{layer}}" name="from" required>
        <label for="to-{{layer}}">Until</label>
        <input type="datetime-local" id="to-{{layer}}" name="to" required>
        <label for="reason-{{layer}}">Why (optional)</label>
        <input type="text" id="reason-{{layer}}" name="reason" maxlength="500">
        <button type="submit" id="override-{{layer}}">Put on duty</button>
        </form>
        {{/canChange}}
        </section>
        {{/rosters}}
        {{^hasRosters}}<p class="card">No layer names a roster: every page reaches every person of the layer.</p>{{/hasRosters}}
        {{#unrostered}}<p class="muted">{{layer}}: everyone is paged — {{people}}</p>{{/unrostered}}
        {{/main}}{{/layout}}
        """

    static let approvals = """
        {{<layout}}{{$main}}
        <h1>Approvals</h1>
        {{^canAnswer}}<p class="muted">Only the decision layer answers approvals; you can follow them here.</p>{{/canAnswer}}
        {{#noQuestions}}<p class="card" id="no-questions">Nothing is waiting for an answer.</p>{{/noQuestions}}
        {{#questions}}
        <section class="card" id="approval-{{id}}">
        <h2>{{title}}</h2>
        <p class="muted">Step {{stepID}} of <a href="/incidents/{{incidentID}}">#{{incidentID}} {{incidentTitle}}</a> · asked {{requested}}, expires {{expires}}</p>
        <div class="facts question {{severity}}">
        {{#facts}}<p>{{.}}</p>{{/facts}}
        </div>
        {{#details}}<div class="approval-details"><p class="muted">To approve:</p><p class="note">{{.}}</p></div>{{/details}}
        {{#canAnswer}}
        <form method="post" action="/approvals/answer/{{id}}">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <input type="hidden" name="return_to" value="inbox">
        <label for="comment-{{id}}">Comment (optional)</label>
        <input type="text" id="comment-{{id}}" name="comment" maxlength="2000">
        <div class="actions">
        <button class="approve" type="submit" name="decision" value="approve" id="approve-{{id}}">Approve</button>
        <button class="reject" type="submit" name="decision" value="reject" id="reject-{{id}}">Reject</button>
        </div>
        </form>
        {{/canAnswer}}
        </section>
        {{/questions}}
        {{#hasAnswers}}
        <h2>Recently answered</h2>
        <ul class="plain" id="answered">
        {{#answers}}
        <li class="card"><span class="badge {{state}}">{{state}}</span> {{title}}<div class="muted">by {{answeredBy}} at {{answered}} · <a href="/incidents/{{incidentID}}">#{{incidentID}} {{incidentTitle}}</a></div>{{#comment}}<div>“{{.}}”</div>{{/comment}}</li>
        {{/answers}}
        </ul>
        {{/hasAnswers}}
        {{/main}}{{/layout}}
        """
}
