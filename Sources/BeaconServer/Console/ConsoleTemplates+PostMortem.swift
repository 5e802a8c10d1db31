extension ConsoleTemplates {
    /// The post-mortem page. The written fields are one form whose inputs sit in Where (impact) and Why (root
    /// cause, trigger); each section has a button that saves the whole form, so nothing typed in the other
    /// section is lost.
    static let postmortem = """
        {{<layout}}{{$main}}
        {{#header}}
        <p class="muted"><a href="/incidents/{{id}}">#{{id}}</a> · post-mortem · <span class="badge {{status}}" id="status">{{status}}</span></p>
        <h1 id="title">{{title}}</h1>
        {{#owner}}<p id="owner-due">Owner: {{.}} layer{{#header.due}} · due {{header.due}} · <span{{#header.overdue}} class="overdue"{{/header.overdue}} id="due">{{header.dueIn}}</span>{{/header.due}}{{#header.closed}} · <span id="closed-at">closed {{.}}</span>{{/header.closed}}</p>{{/owner}}
        {{/header}}
        {{#absent}}
        <p class="card" id="no-postmortem">{{message}}</p>
        {{#canOpen}}
        <form method="post" action="/incidents/{{header.id}}/postmortem/open">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <button type="submit" id="open-postmortem">Open post-mortem</button>
        </form>
        {{/canOpen}}
        {{/absent}}
        {{#body}}
        {{#refused}}
        <div class="flash error" role="alert" id="refused"><p>Nothing was saved. <a href="#{{anchor}}">Correct the form</a>:</p>
        <ul>{{#errors}}<li>{{.}}</li>{{/errors}}</ul></div>
        {{/refused}}
        {{#banner}}
        {{#blocked}}
        <div class="flash error" role="status" id="missing"><p>This incident cannot close yet. The post-mortem needs:</p>
        <ul>{{#missing}}<li>{{.}}</li>{{/missing}}</ul></div>
        {{/blocked}}
        {{#ready}}<p class="flash" role="status" id="ready">The post-mortem has what closing needs.</p>{{/ready}}
        {{#closed}}<p class="flash" role="status" id="closed">The incident is closed: its post-mortem is read, its follow-ups are still tracked. Reopen it to change the rest.</p>{{/closed}}
        {{/banner}}
        <div class="actions">
        <a class="button secondary" id="export" href="/incidents/{{header.id}}/postmortem.md">Export Markdown</a>
        {{#canWrite}}{{#banner.canClose}}
        <form method="post" class="inline" action="/incidents/{{header.id}}/postmortem/close">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <button type="submit" id="close">Close incident</button>
        </form>
        {{/banner.canClose}}{{/canWrite}}
        </div>
        {{#canWrite}}{{#banner.closed}}
        <form method="post" class="card" id="reopen-form" action="/incidents/{{header.id}}/postmortem/reopen">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <label for="reopen-reason">Why reopen</label>
        <input type="text" id="reopen-reason" name="reason" maxlength="2000" required>
        <button type="submit" class="secondary" id="reopen">Reopen</button>
        </form>
        {{/banner.closed}}{{/canWrite}}
        {{#canWrite}}<form method="post" id="fields" action="/incidents/{{header.id}}/postmortem/fields"><input type="hidden" name="csrf" value="{{chrome.csrf}}"></form>{{/canWrite}}
        {{#what}}
        <h2>What</h2>
        <div class="card facts" id="what">
        <p>{{title}}</p>
        <p><span class="badge {{severity}}">{{severity}} {{severityLabel}}</span> <span class="muted">{{category}} · {{#rule}}rule {{.}}{{/rule}}{{^rule}}declared by a person{{/rule}}</span></p>
        {{#peak}}<p>Peak {{.}}</p>{{/peak}}
        </div>
        {{/what}}
        {{#when}}
        <h2>When <span class="muted">UTC</span></h2>
        <table class="list" id="milestones">
        <thead><tr><th>Milestone</th><th>At</th><th>After</th></tr></thead>
        <tbody>{{#milestones}}<tr><td>{{name}}</td><td>{{at}}</td><td>{{offset}}</td></tr>{{/milestones}}</tbody>
        </table>
        {{#hasDurations}}<ul class="plain facts" id="durations">{{#durations}}<li>{{name}}: <strong>{{value}}</strong></li>{{/durations}}</ul>{{/hasDurations}}
        {{/when}}
        {{#who}}
        <h2>Who</h2>
        <div class="card facts" id="who-acted">
        <p>People who acted: {{#nobody}}none recorded{{/nobody}}{{#people}}<span class="person">{{.}}</span> {{/people}}</p>
        {{#noLayers}}<p class="muted">No layer was paged.</p>{{/noLayers}}
        {{#layers}}<p>Paged {{name}}: {{value}}</p>{{/layers}}
        </div>
        {{/who}}
        <h2>Where</h2>
        <div class="card" id="where">
        {{#whereAffected}}<p>Series: {{#noLabels}}<span class="muted">no labels</span>{{/noLabels}}{{#labels}}<code>{{.}}</code> {{/labels}}</p>{{/whereAffected}}
        {{#fields}}
        {{#canWrite}}
        <div class="impact">
        <div><label for="orders_affected">Orders affected</label><input type="text" inputmode="numeric" id="orders_affected" name="orders_affected" form="fields" value="{{ordersAffected}}"></div>
        <div><label for="users_affected">Users affected</label><input type="text" inputmode="numeric" id="users_affected" name="users_affected" form="fields" value="{{usersAffected}}"></div>
        <div><label for="revenue_at_risk">Revenue at risk</label><input type="text" inputmode="decimal" id="revenue_at_risk" name="revenue_at_risk" form="fields" value="{{revenueAtRisk}}"></div>
        </div>
        <button type="submit" form="fields" class="secondary" id="save-impact">Save impact</button>
        {{/canWrite}}
        {{^canWrite}}
        {{#impactShown}}<p>{{name}}: {{value}}</p>{{/impactShown}}
        {{/canWrite}}
        {{/fields}}
        </div>
        {{#how}}
        <h2>How</h2>
        {{#nothing}}<p class="muted">No steps or approvals recorded.</p>{{/nothing}}
        <ul class="plain timeline" id="how">
        {{#steps}}<li><span class="badge done">done</span> {{title}} <span class="muted">— {{owner}}, by {{by}} at {{at}}</span></li>{{/steps}}
        {{#approvals}}<li><span class="badge {{outcome}}">{{outcome}}</span> {{title}}{{#answer}} <span class="muted">— {{.}}</span>{{/answer}}</li>{{/approvals}}
        </ul>
        {{/how}}
        <h2>Why</h2>
        <div class="card" id="why">
        {{#fields}}
        {{#canWrite}}
        <label for="root_cause">Root cause</label>
        <textarea id="root_cause" name="root_cause" form="fields" rows="4" maxlength="8000" placeholder="why it could happen">{{rootCause}}</textarea>
        <label for="trigger">Trigger</label>
        <textarea id="trigger" name="trigger" form="fields" rows="2" maxlength="8000" placeholder="what set it off">{{trigger}}</textarea>
        <button type="submit" form="fields" id="save-fields">Save</button>
        {{/canWrite}}
        {{^canWrite}}
        {{#whyShown}}<p>{{name}}: {{value}}</p>{{/whyShown}}
        {{/canWrite}}
        {{/fields}}
        </div>
        <h2>Findings</h2>
        {{#findings}}
        <section class="card finding" id="finding-{{kind}}">
        <h3>{{question}} <span class="badge {{#yes}}yes{{/yes}}{{^yes}}no{{/yes}} verdict">{{verdict}}</span></h3>
        <ul class="evidence">{{#evidence}}<li>{{.}}</li>{{/evidence}}</ul>
        {{#canWrite}}
        <form method="post" action="/incidents/{{header.id}}/postmortem/comments/{{kind}}">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <label for="comment-{{kind}}">The team's comment</label>
        <textarea id="comment-{{kind}}" name="comment" rows="2" maxlength="4000">{{comment}}</textarea>
        <button type="submit" class="secondary small" id="save-comment-{{kind}}">Save comment</button>
        </form>
        {{/canWrite}}
        {{^canWrite}}{{#hasComment}}<p class="note">Team: “{{comment}}”</p>{{/hasComment}}{{/canWrite}}
        </section>
        {{/findings}}
        <h2>Follow-ups</h2>
        {{^hasFollowUps}}<p class="muted" id="no-follow-ups">No follow-ups yet.</p>{{/hasFollowUps}}
        {{#hasFollowUps}}
        <table class="list cards" id="follow-ups">
        <thead><tr><th>Type</th><th>Action</th><th>Owner</th><th>Due</th><th>Status</th><th>Reason</th>{{#canWrite}}<th></th>{{/canWrite}}</tr></thead>
        <tbody>
        {{#followUps}}
        <tr id="follow-up-{{id}}"{{#overdue}} class="late"{{/overdue}}>
        <td data-label="Type">{{kind}}</td><td data-label="Action">{{description}}</td><td data-label="Owner">{{owner}}</td>
        <td data-label="Due"{{#overdue}} class="overdue"{{/overdue}}>{{due}}{{#overdue}} · overdue{{/overdue}}</td>
        <td data-label="Status"><span class="badge {{status}} follow-up-state">{{statusLabel}}</span></td>
        <td{{#reason}} data-label="Reason"{{/reason}}>{{reason}}</td>
        {{#canWrite}}
        <td>
        <form method="post" action="/incidents/{{header.id}}/postmortem/follow-ups/{{id}}">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        {{#isOpen}}
        <button type="submit" disabled hidden aria-hidden="true"></button>
        <button type="submit" class="small" name="status" value="done" id="done-{{id}}">Done</button>
        <label for="reason-{{id}}">Or won't do, because</label>
        <input type="text" id="reason-{{id}}" name="reason" maxlength="2000">
        <button type="submit" class="secondary small" name="status" value="wont_do" id="wont-do-{{id}}">Won't do</button>
        {{/isOpen}}
        {{^isOpen}}<button type="submit" class="secondary small" name="status" value="open" id="reopen-{{id}}">Reopen</button>{{/isOpen}}
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
        <h3>Add a follow-up</h3>
        <label for="follow-up-kind">Type</label>
        <select id="follow-up-kind" name="kind">{{#kinds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/kinds}}</select>
        <label for="follow-up-description">Action</label>
        <input type="text" id="follow-up-description" name="description" maxlength="2000" value="{{description}}" required>
        <label for="follow-up-owner">Owner</label>
        <input type="text" id="follow-up-owner" name="owner" list="chain-people" maxlength="200" value="{{owner}}" required>
        <datalist id="chain-people">{{#people}}<option value="{{.}}"></option>{{/people}}</datalist>
        <label for="follow-up-due">Due</label>
        <input type="date" id="follow-up-due" name="due" min="{{today}}" value="{{due}}" required>
        <p><button type="submit" id="add-follow-up-button">Add follow-up</button></p>
        </form>
        {{/newFollowUp}}
        {{/canWrite}}
        {{#noAction}}
        {{#canWrite}}
        <form method="post" class="card" id="no-action" action="/incidents/{{header.id}}/postmortem/no-action">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <label for="no-action-reason">Or: why no action is needed</label>
        <textarea id="no-action-reason" name="reason" rows="2" maxlength="4000">{{reason}}</textarea>
        <button type="submit" class="secondary small" id="save-no-action">Save reason</button>
        </form>
        {{/canWrite}}
        {{^canWrite}}{{#reason}}<p class="card">No action needed: {{.}}</p>{{/reason}}{{/canWrite}}
        {{/noAction}}
        {{/body}}
        {{/main}}{{/layout}}
        """
}
