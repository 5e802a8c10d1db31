extension ConsoleTemplates {
    static let incident = """
        {{<layout}}{{$main}}
        {{#incident}}
        <p class="muted">[[page.incident.rule]]</p>
        <h1 id="title">{{title}}</h1>
        <p><span class="badge {{severity}}" id="severity">{{severity}} {{severityLabel}}</span> <span class="badge {{status}}" id="status">{{statusText}}</span>{{#peakSeverity}} <span class="muted">[[page.incident.worst]]</span>{{/peakSeverity}}</p>
        <div class="card facts" id="incident-facts">
        <p>[[page.incident.opened_ago]]</p>
        <p id="holder">{{holder}}</p>
        {{#reading}}<p>{{.}}</p>{{/reading}}
        {{#labels}}<p class="muted">{{.}}</p>{{/labels}}
        </div>
        {{/incident}}
        {{#postmortem}}<p><a class="button secondary" id="postmortem" href="/incidents/{{incident.id}}/postmortem">[[page.incident.post_mortem]]</a></p>{{/postmortem}}
        {{#actions}}
        {{#status}}
        <form method="post" class="card" id="status-actions" action="/incidents/{{incident.id}}">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <button type="submit" disabled hidden aria-hidden="true"></button>
        <label for="action-note">[[page.incident.note_for_the_timeline]]</label>
        <input type="text" id="action-note" name="note" maxlength="2000">
        <div class="actions">
        {{#acknowledge}}<button type="submit" formaction="/incidents/{{incident.id}}/acknowledge" id="acknowledge">[[page.incident.acknowledge]]</button>{{/acknowledge}}
        {{#mitigate}}<button type="submit" class="secondary" formaction="/incidents/{{incident.id}}/mitigate" id="mitigate">[[page.incident.mitigated]]</button>{{/mitigate}}
        {{#resolve}}<button type="submit" class="secondary" formaction="/incidents/{{incident.id}}/resolve" id="resolve">[[page.incident.resolve]]</button>{{/resolve}}
        </div>
        </form>
        {{/status}}
        {{#setSeverity}}
        <form method="post" class="card" id="severity-form" action="/incidents/{{incident.id}}/severity">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <label for="severity-choice">[[page.incident.severity]]</label>
        <select id="severity-choice" name="severity">{{#severities}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/severities}}</select>
        <label for="severity-reason">[[page.incident.why]]</label>
        <input type="text" id="severity-reason" name="reason" maxlength="2000" required placeholder="[[page.incident.what_changed]]">
        <button type="submit" class="secondary" id="set-severity">[[page.incident.set_severity]]</button>
        </form>
        {{/setSeverity}}
        {{/actions}}
        <h2>[[page.incident.playbook]]</h2>
        {{^hasSteps}}<p class="muted">[[page.incident.no_playbook_runs_for]]</p>{{/hasSteps}}
        <ol class="plain steps" id="steps">
        {{#steps}}
        <li class="{{emphasis}}" id="step-{{stepID}}">
        <h3>{{title}}</h3>
        <p><span class="badge {{state}} step-state">{{stateText}}</span> <span class="muted">[[page.incident.owner]]</span></p>
        {{#due}}<p>[[page.incident.due]] <span class="countdown" data-due="{{millis}}">{{text}}</span></p>{{/due}}
        {{#doneBy}}<p class="done-by">[[page.incident.done_by_at]]</p>{{/doneBy}}
        {{#note}}<p class="note">“{{.}}”</p>{{/note}}
        {{#hasChecklist}}<ul class="checklist">{{#checklist}}<li>{{.}}</li>{{/checklist}}</ul>{{/hasChecklist}}
        {{#canComplete}}
        <form method="post" action="/incidents/{{incident.id}}/steps/{{stepID}}" class="step-form">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <label for="note-{{stepID}}">[[page.incident.note]]</label>
        <input type="text" id="note-{{stepID}}" name="note" maxlength="2000" placeholder="[[page.incident.what_was_done]]">
        <button type="submit" id="done-{{stepID}}">[[page.incident.mark_done]]</button>
        </form>
        {{/canComplete}}
        {{#approval}}{{>approval}}{{/approval}}
        </li>
        {{/steps}}
        </ol>
        {{#otherApprovals}}{{>approval}}{{/otherApprovals}}
        {{#actions}}
        {{#escalate}}
        <form method="post" class="card" id="escalate-form" action="/incidents/{{incident.id}}/escalate">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <label for="escalate-layer">[[page.incident.escalate_page_the]]</label>
        <select id="escalate-layer" name="layer">{{#layers}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/layers}}</select>
        <label for="escalate-note">[[page.incident.why_optional]]</label>
        <input type="text" id="escalate-note" name="note" maxlength="2000">
        <button type="submit" class="danger" id="escalate">[[page.incident.escalate]]</button>
        </form>
        {{/escalate}}
        {{/actions}}
        {{#instruct}}
        <form method="post" class="card" id="instruct-form" action="/incidents/{{incident.id}}/instruct">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <label for="instruction">[[page.incident.instruction_to_the_execution]]</label>
        <textarea id="instruction" name="text" maxlength="2000" rows="3" required placeholder="[[page.incident.what_to_do_now]]"></textarea>
        <button type="submit" id="instruct">[[page.incident.send_instruction]]</button>
        </form>
        {{/instruct}}
        {{#hasMessages}}
        <h2>[[page.incident.user_notices]]</h2>
        {{#messages}}
        <div class="card">
        <label for="{{element}}">{{title}}</label>
        <textarea id="{{element}}" readonly rows="4">{{text}}</textarea>
        <button type="button" class="secondary small" data-copy="{{element}}">[[page.incident.copy]]</button>
        </div>
        {{/messages}}
        {{/hasMessages}}
        <h2>[[page.incident.severity]]</h2>
        <ul class="plain history" id="history">
        {{#history}}<li><time>{{time}}</time>{{message}}</li>{{/history}}
        </ul>
        <h2>[[page.incident.timeline]] <span class="muted">[[page.incident.newest_first]]</span></h2>
        <p class="filters" id="timeline-filters">{{#filters}}<a href="{{href}}"{{#current}} class="current" aria-current="true"{{/current}}>{{label}}</a> {{/filters}}</p>
        <ul class="plain timeline" id="timeline">
        {{#timeline}}{{#folded}}<li class="folded"><details><summary><time>{{time}}</time><span class="badge">[[page.incident.notifications]]</span> {{message}}</summary><ul class="plain">{{#attempts}}<li><time>{{time}}</time>{{message}}</li>{{/attempts}}</ul></details></li>{{/folded}}{{^folded}}<li><time>{{time}}</time><span class="badge">{{kind}}</span> {{message}} <span class="muted"{{#role}} title="{{.}}"{{/role}}>— {{actor}}</span></li>{{/folded}}{{/timeline}}
        </ul>
        {{/main}}{{/layout}}
        """

    static let approval = """
        <div class="approval" id="approval-{{id}}">
        <p><span class="badge {{state}} approval-state">[[page.approval.approval]]</span> <span class="muted">[[page.approval.asked_expires]]</span></p>
        {{#details}}<div class="approval-details"><p class="muted">[[page.approval.to_approve]]</p><p class="note">{{.}}</p></div>{{/details}}
        {{#answeredBy}}<p class="answered-by">[[page.approval.by_at]]</p>{{/answeredBy}}
        {{#comment}}<p class="note">“{{.}}”</p>{{/comment}}
        {{#canAnswer}}
        <form method="post" action="/approvals/answer/{{id}}">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <input type="hidden" name="return_to" value="incident">
        <label for="comment-{{id}}">[[page.approval.comment_optional]]</label>
        <input type="text" id="comment-{{id}}" name="comment" maxlength="2000">
        <div class="actions">
        <button class="approve" type="submit" name="decision" value="approve" id="approve-{{id}}">[[page.approval.approve]]</button>
        <button class="reject" type="submit" name="decision" value="reject" id="reject-{{id}}">[[page.approval.reject]]</button>
        </div>
        </form>
        {{/canAnswer}}
        </div>

        """

    static let declare = """
        {{<layout}}{{$main}}
        <h1>[[page.declare.declare_an_incident]]</h1>
        <p class="muted">[[page.declare.for_what_no_rule]]</p>
        <form method="post" class="card" id="declare-form" action="/incidents/new">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <label for="declare-title">[[page.declare.title]]</label>
        <input type="text" id="declare-title" name="title" maxlength="200" required placeholder="[[page.declare.what_is_happening]]">
        <label for="declare-category">[[page.declare.category]]</label>
        <select id="declare-category" name="category">{{#categories}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/categories}}</select>
        <label for="declare-severity">[[page.declare.severity]]</label>
        <select id="declare-severity" name="severity">{{#severities}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/severities}}</select>
        <label for="declare-description">[[page.declare.what_is_known_optional]]</label>
        <textarea id="declare-description" name="description" maxlength="2000" rows="3"></textarea>
        <button type="submit" class="danger" id="declare">[[page.declare.declare]]</button>
        </form>
        {{/main}}{{/layout}}
        """
}
