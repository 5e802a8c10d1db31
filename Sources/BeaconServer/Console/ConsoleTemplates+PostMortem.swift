extension ConsoleTemplates {
    /// The post-mortem page. The written fields are one form whose inputs sit in Where (impact) and Why (root
    /// cause, trigger); each section has a button that saves the whole form, so nothing typed in the other
    /// section is lost.
    static let postmortem = """
        {{<layout}}{{$main}}
        {{#header}}
        <p class="muted"><a href="/incidents/{{id}}">#{{id}}</a> [[page.postmortem.post_mortem]] <span class="badge {{status}}" id="status">{{statusText}}</span></p>
        <h1 id="title">{{title}}</h1>
        {{#owner}}<p id="owner-due">[[page.postmortem.owner_line]]{{#header.due}} [[page.postmortem.due_line]] <span{{#header.overdue}} class="overdue"{{/header.overdue}} id="due">{{header.dueIn}}</span>{{/header.due}}{{#header.closed}} · <span id="closed-at">[[page.postmortem.closed]]</span>{{/header.closed}}</p>{{/owner}}
        {{/header}}
        {{#absent}}
        <p class="card" id="no-postmortem">{{message}}</p>
        {{#canOpen}}
        <form method="post" action="/incidents/{{header.id}}/postmortem/open">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <button type="submit" id="open-postmortem">[[page.postmortem.open_post_mortem]]</button>
        </form>
        {{/canOpen}}
        {{/absent}}
        {{#body}}
        {{#refused}}
        <div class="flash error" role="alert" id="refused"><p>[[page.postmortem.nothing_was_saved]] <a href="#{{anchor}}">[[page.postmortem.correct_the_form]]</a>:</p>
        <ul>{{#errors}}<li>{{.}}</li>{{/errors}}</ul></div>
        {{/refused}}
        {{#banner}}
        {{#blocked}}
        <div class="flash error" role="status" id="missing"><p>[[page.postmortem.this_incident_cannot_close]]</p>
        <ul>{{#missing}}<li>{{.}}</li>{{/missing}}</ul></div>
        {{/blocked}}
        {{#ready}}<p class="flash" role="status" id="ready">[[page.postmortem.the_post_mortem_has]]</p>{{/ready}}
        {{#closed}}<p class="flash" role="status" id="closed">[[page.postmortem.the_incident_is_closed]]</p>{{/closed}}
        {{/banner}}
        <div class="actions">
        <a class="button secondary" id="export" href="/incidents/{{header.id}}/postmortem.md">[[page.postmortem.export_markdown]]</a>
        {{#canWrite}}{{#banner.canClose}}
        <form method="post" class="inline" action="/incidents/{{header.id}}/postmortem/close">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <button type="submit" id="close">[[page.postmortem.close_incident]]</button>
        </form>
        {{/banner.canClose}}{{/canWrite}}
        </div>
        {{#canWrite}}{{#banner.closed}}
        <form method="post" class="card" id="reopen-form" action="/incidents/{{header.id}}/postmortem/reopen">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <label for="reopen-reason">[[page.postmortem.why_reopen]]</label>
        <input type="text" id="reopen-reason" name="reason" maxlength="2000" required>
        <button type="submit" class="secondary" id="reopen">[[page.postmortem.reopen]]</button>
        </form>
        {{/banner.closed}}{{/canWrite}}
        {{#canWrite}}<form method="post" id="fields" action="/incidents/{{header.id}}/postmortem/fields"><input type="hidden" name="csrf" value="{{chrome.csrf}}"></form>{{/canWrite}}
        {{#what}}
        <h2>[[page.postmortem.what]]</h2>
        <div class="card facts" id="what">
        <p>{{title}}</p>
        <p><span class="badge {{severity}}">{{severity}} {{severityLabel}}</span> <span class="muted">[[page.postmortem.rule_declared_by_a]]</span></p>
        {{#peak}}<p>[[page.postmortem.peak]]</p>{{/peak}}
        </div>
        {{/what}}
        {{#when}}
        <h2>[[page.postmortem.when]] <span class="muted">{{chrome.zone}}</span></h2>
        <table class="list" id="milestones">
        <thead><tr><th>[[page.postmortem.milestone]]</th><th>[[page.postmortem.at]]</th><th>[[page.postmortem.after]]</th></tr></thead>
        <tbody>{{#milestones}}<tr><td>{{name}}</td><td>{{at}}</td><td>{{offset}}</td></tr>{{/milestones}}</tbody>
        </table>
        {{#hasDurations}}<ul class="plain facts" id="durations">{{#durations}}<li>{{name}}: <strong>{{value}}</strong></li>{{/durations}}</ul>{{/hasDurations}}
        {{/when}}
        {{#who}}
        <h2>[[page.postmortem.who]]</h2>
        <div class="card facts" id="who-acted">
        <p>[[page.postmortem.people_who_acted_none]]{{#people}}<span class="person">{{.}}</span> {{/people}}</p>
        {{#noLayers}}<p class="muted">[[page.postmortem.no_layer_was_paged]]</p>{{/noLayers}}
        {{#layers}}<p>[[page.postmortem.paged]]</p>{{/layers}}
        </div>
        {{/who}}
        <h2>[[page.postmortem.where]]</h2>
        <div class="card" id="where">
        {{#whereAffected}}<p>[[page.postmortem.series]] {{#noLabels}}<span class="muted">[[page.postmortem.no_labels]]</span>{{/noLabels}}{{#labels}}<code>{{.}}</code> {{/labels}}</p>{{/whereAffected}}
        {{#fields}}
        {{#canWrite}}
        <div class="impact">
        <div><label for="orders_affected">[[page.postmortem.orders_affected]]</label><input type="text" inputmode="numeric" id="orders_affected" name="orders_affected" form="fields" value="{{ordersAffected}}"></div>
        <div><label for="users_affected">[[page.postmortem.users_affected]]</label><input type="text" inputmode="numeric" id="users_affected" name="users_affected" form="fields" value="{{usersAffected}}"></div>
        <div><label for="revenue_at_risk">[[page.postmortem.revenue_at_risk]]</label><input type="text" inputmode="decimal" id="revenue_at_risk" name="revenue_at_risk" form="fields" value="{{revenueAtRisk}}"></div>
        </div>
        <button type="submit" form="fields" class="secondary" id="save-impact">[[page.postmortem.save_impact]]</button>
        {{/canWrite}}
        {{^canWrite}}
        {{#impactShown}}<p>{{name}}: {{value}}</p>{{/impactShown}}
        {{/canWrite}}
        {{/fields}}
        </div>
        {{#how}}
        <h2>[[page.postmortem.how]]</h2>
        {{#nothing}}<p class="muted">[[page.postmortem.no_steps_or_approvals]]</p>{{/nothing}}
        <ul class="plain timeline" id="how">
        {{#steps}}<li><span class="badge done">[[page.postmortem.done]]</span> {{title}} <span class="muted">[[page.postmortem.by_at]]</span></li>{{/steps}}
        {{#approvals}}<li><span class="badge {{outcome}}">{{outcomeText}}</span> {{title}}{{#answer}} <span class="muted">— {{.}}</span>{{/answer}}</li>{{/approvals}}
        </ul>
        {{/how}}
        <h2>[[page.postmortem.why]]</h2>
        <div class="card" id="why">
        {{#fields}}
        {{#canWrite}}
        <label for="root_cause">[[page.postmortem.root_cause]]</label>
        <textarea id="root_cause" name="root_cause" form="fields" rows="4" maxlength="8000" placeholder="[[page.postmortem.why_it_could_happen]]">{{rootCause}}</textarea>
        <label for="trigger">[[page.postmortem.trigger]]</label>
        <textarea id="trigger" name="trigger" form="fields" rows="2" maxlength="8000" placeholder="[[page.postmortem.what_set_it_off]]">{{trigger}}</textarea>
        <button type="submit" form="fields" id="save-fields">[[page.postmortem.save]]</button>
        {{/canWrite}}
        {{^canWrite}}
        {{#whyShown}}<p>{{name}}: {{value}}</p>{{/whyShown}}
        {{/canWrite}}
        {{/fields}}
        </div>
        <h2>[[page.postmortem.findings]]</h2>
        {{#findings}}
        <section class="card finding" id="finding-{{kind}}">
        <h3>{{question}} <span class="badge {{#yes}}yes{{/yes}}{{^yes}}no{{/yes}} verdict">{{verdict}}</span></h3>
        <ul class="evidence">{{#evidence}}<li>{{.}}</li>{{/evidence}}</ul>
        {{#canWrite}}
        <form method="post" action="/incidents/{{header.id}}/postmortem/comments/{{kind}}">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <label for="comment-{{kind}}">[[page.postmortem.the_team_s_comment]]</label>
        <textarea id="comment-{{kind}}" name="comment" rows="2" maxlength="4000">{{comment}}</textarea>
        <button type="submit" class="secondary small" id="save-comment-{{kind}}">[[page.postmortem.save_comment]]</button>
        </form>
        {{/canWrite}}
        {{^canWrite}}{{#hasComment}}<p class="note">[[page.postmortem.team]]</p>{{/hasComment}}{{/canWrite}}
        </section>
        {{/findings}}
        <h2>[[page.postmortem.follow_ups]]</h2>
        {{^hasFollowUps}}<p class="muted" id="no-follow-ups">[[page.postmortem.no_follow_ups_yet]]</p>{{/hasFollowUps}}
        {{#hasFollowUps}}
        <table class="list cards" id="follow-ups">
        <thead><tr><th>[[page.postmortem.type]]</th><th>[[page.postmortem.action]]</th><th>[[page.postmortem.owner]]</th><th>[[page.postmortem.due]]</th><th>[[page.postmortem.status]]</th><th>[[page.postmortem.reason]]</th>{{#canWrite}}<th></th>{{/canWrite}}</tr></thead>
        <tbody>
        {{#followUps}}
        <tr id="follow-up-{{id}}"{{#overdue}} class="late"{{/overdue}}>
        <td data-label="[[page.postmortem.type]]">{{kind}}</td><td data-label="[[page.postmortem.action]]">{{description}}</td><td data-label="[[page.postmortem.owner]]">{{owner}}</td>
        <td data-label="[[page.postmortem.due]]"{{#overdue}} class="overdue"{{/overdue}}>[[page.postmortem.overdue]]</td>
        <td data-label="[[page.postmortem.status]]"><span class="badge {{status}} follow-up-state">{{statusLabel}}</span></td>
        <td{{#reason}} data-label="[[page.postmortem.reason]]"{{/reason}}>{{reason}}</td>
        {{#canWrite}}
        <td>
        <form method="post" action="/incidents/{{header.id}}/postmortem/follow-ups/{{id}}">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        {{#isOpen}}
        <button type="submit" disabled hidden aria-hidden="true"></button>
        <button type="submit" class="small" name="status" value="done" id="done-{{id}}">[[page.postmortem.done_2]]</button>
        <label for="reason-{{id}}">[[page.postmortem.or_won_t_do]]</label>
        <input type="text" id="reason-{{id}}" name="reason" maxlength="2000">
        <button type="submit" class="secondary small" name="status" value="wont_do" id="wont-do-{{id}}">[[page.postmortem.won_t_do]]</button>
        {{/isOpen}}
        {{^isOpen}}<button type="submit" class="secondary small" name="status" value="open" id="reopen-{{id}}">[[page.postmortem.reopen]]</button>{{/isOpen}}
        </form>
        </td>
        {{/canWrite}}
        </tr>
        {{/followUps}}
        </tbody>
        </table>
        {{/hasFollowUps}}
        {{#canWrite}}
        {{#newFollowUp}}
        <form method="post" class="card" id="add-follow-up" action="/incidents/{{header.id}}/postmortem/follow-ups">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <h3>[[page.postmortem.add_a_follow_up]]</h3>
        <label for="follow-up-kind">[[page.postmortem.type]]</label>
        <select id="follow-up-kind" name="kind">{{#kinds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/kinds}}</select>
        <label for="follow-up-description">[[page.postmortem.action]]</label>
        <input type="text" id="follow-up-description" name="description" maxlength="2000" value="{{description}}" required>
        <label for="follow-up-owner">[[page.postmortem.owner]]</label>
        <input type="text" id="follow-up-owner" name="owner" list="chain-people" maxlength="200" value="{{owner}}" required>
        <datalist id="chain-people">{{#people}}<option value="{{.}}"></option>{{/people}}</datalist>
        <label for="follow-up-due">[[page.postmortem.due]]</label>
        <input type="date" id="follow-up-due" name="due" min="{{today}}" value="{{due}}" required>
        <p><button type="submit" id="add-follow-up-button">[[page.postmortem.add_follow_up]]</button></p>
        </form>
        {{/newFollowUp}}
        {{/canWrite}}
        {{#noAction}}
        {{#canWrite}}
        <form method="post" class="card" id="no-action" action="/incidents/{{header.id}}/postmortem/no-action">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <label for="no-action-reason">[[page.postmortem.or_why_no_action]]</label>
        <textarea id="no-action-reason" name="reason" rows="2" maxlength="4000">{{reason}}</textarea>
        <button type="submit" class="secondary small" id="save-no-action">[[page.postmortem.save_reason]]</button>
        </form>
        {{/canWrite}}
        {{^canWrite}}{{#reason}}<p class="card">[[page.postmortem.no_action_needed]]</p>{{/reason}}{{/canWrite}}
        {{/noAction}}
        {{/body}}
        {{/main}}{{/layout}}
        """
}
