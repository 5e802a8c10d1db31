extension ConsoleTemplates {
    static let incident = """
        {{<layout}}{{$main}}
        {{#incident}}
        <p class="muted">#{{id}} · {{category}}{{#rule}} · rule {{.}}{{/rule}}</p>
        <h1 id="title">{{title}}</h1>
        <p><span class="badge {{severity}}" id="severity">{{severity}} {{severityLabel}}</span> <span class="badge {{status}}" id="status">{{status}}</span>{{#peakSeverity}} <span class="muted">worst {{.}}</span>{{/peakSeverity}}</p>
        <div class="card facts">
        <p>Opened {{opened}}, {{age}} ago</p>
        <p id="holder">{{holder}}</p>
        {{#reading}}<p>{{.}}</p>{{/reading}}
        {{#labels}}<p class="muted">{{.}}</p>{{/labels}}
        </div>
        {{/incident}}
        {{#postmortem}}<p><a class="button secondary" id="postmortem" href="/incidents/{{incident.id}}/postmortem">Post-mortem</a></p>{{/postmortem}}
        {{#actions}}
        {{#status}}
        <form method="post" class="card" id="status-actions" action="/incidents/{{incident.id}}">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <button type="submit" disabled hidden aria-hidden="true"></button>
        <label for="action-note">Note for the timeline (optional)</label>
        <input type="text" id="action-note" name="note" maxlength="2000">
        <div class="actions">
        {{#acknowledge}}<button type="submit" formaction="/incidents/{{incident.id}}/acknowledge" id="acknowledge">Acknowledge</button>{{/acknowledge}}
        {{#mitigate}}<button type="submit" class="secondary" formaction="/incidents/{{incident.id}}/mitigate" id="mitigate">Mitigated</button>{{/mitigate}}
        {{#resolve}}<button type="submit" class="secondary" formaction="/incidents/{{incident.id}}/resolve" id="resolve">Resolve</button>{{/resolve}}
        </div>
        </form>
        {{/status}}
        {{#setSeverity}}
        <form method="post" class="card" id="severity-form" action="/incidents/{{incident.id}}/severity">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <label for="severity-choice">Severity</label>
        <select id="severity-choice" name="severity">{{#severities}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/severities}}</select>
        <label for="severity-reason">Why</label>
        <input type="text" id="severity-reason" name="reason" maxlength="2000" required placeholder="what changed">
        <button type="submit" class="secondary" id="set-severity">Set severity</button>
        </form>
        {{/setSeverity}}
        {{/actions}}
        <h2>Playbook</h2>
        {{^hasSteps}}<p class="muted">No playbook runs for this incident.</p>{{/hasSteps}}
        <ol class="plain steps" id="steps">
        {{#steps}}
        <li class="{{emphasis}}" id="step-{{stepID}}">
        <h3>{{title}}</h3>
        <p><span class="badge {{state}} step-state">{{stateText}}</span> <span class="muted">owner {{owner}}{{#every}} · {{.}}{{/every}}</span></p>
        {{#due}}<p>Due {{at}} · <span class="countdown" data-due="{{millis}}">{{text}}</span></p>{{/due}}
        {{#doneBy}}<p class="done-by">Done by {{.}}{{#done}} at {{.}}{{/done}}</p>{{/doneBy}}
        {{#note}}<p class="note">“{{.}}”</p>{{/note}}
        {{#hasChecklist}}<ul class="checklist">{{#checklist}}<li>{{.}}</li>{{/checklist}}</ul>{{/hasChecklist}}
        {{#canComplete}}
        <form method="post" action="/incidents/{{incident.id}}/steps/{{stepID}}" class="step-form">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <label for="note-{{stepID}}">Note</label>
        <input type="text" id="note-{{stepID}}" name="note" maxlength="2000" placeholder="what was done">
        <button type="submit" id="done-{{stepID}}">Mark done</button>
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
        <label for="escalate-layer">Escalate: page the</label>
        <select id="escalate-layer" name="layer">{{#layers}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/layers}}</select>
        <label for="escalate-note">Why (optional)</label>
        <input type="text" id="escalate-note" name="note" maxlength="2000">
        <button type="submit" class="danger" id="escalate">Escalate</button>
        </form>
        {{/escalate}}
        {{/actions}}
        {{#instruct}}
        <form method="post" class="card" id="instruct-form" action="/incidents/{{incident.id}}/instruct">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <label for="instruction">Instruction to the execution layer</label>
        <textarea id="instruction" name="text" maxlength="2000" rows="3" required placeholder="what to do now"></textarea>
        <button type="submit" id="instruct">Send instruction</button>
        </form>
        {{/instruct}}
        {{#hasMessages}}
        <h2>User notices</h2>
        {{#messages}}
        <div class="card">
        <label for="{{element}}">{{title}}</label>
        <textarea id="{{element}}" readonly rows="4">{{text}}</textarea>
        <button type="button" class="secondary small" data-copy="{{element}}">Copy</button>
        </div>
        {{/messages}}
        {{/hasMessages}}
        <h2>Severity</h2>
        <ul class="plain history" id="history">
        {{#history}}<li><time>{{time}}</time>{{message}}</li>{{/history}}
        </ul>
        <h2>Timeline <span class="muted">newest first</span></h2>
        <p class="filters" id="timeline-filters">{{#filters}}<a href="{{href}}"{{#current}} class="current" aria-current="true"{{/current}}>{{label}}</a> {{/filters}}</p>
        <ul class="plain timeline" id="timeline">
        {{#timeline}}{{#folded}}<li class="folded"><details><summary><time>{{time}}</time><span class="badge">notifications</span> {{message}}</summary><ul class="plain">{{#attempts}}<li><time>{{time}}</time>{{message}}</li>{{/attempts}}</ul></details></li>{{/folded}}{{^folded}}<li><time>{{time}}</time><span class="badge">{{kind}}</span> {{message}} <span class="muted"{{#role}} title="{{.}}"{{/role}}>— {{actor}}</span></li>{{/folded}}{{/timeline}}
        </ul>
        {{/main}}{{/layout}}
        """

    static let approval = """
        <div class="approval" id="approval-{{id}}">
        <p><span class="badge {{state}} approval-state">approval {{state}}</span> <span class="muted">asked {{requested}}{{#pending}}, expires {{expires}}{{/pending}}</span></p>
        {{#details}}<div class="approval-details"><p class="muted">To approve:</p><p class="note">{{.}}</p></div>{{/details}}
        {{#answeredBy}}<p class="answered-by">{{state}} by {{.}}{{#answered}} at {{.}}{{/answered}}</p>{{/answeredBy}}
        {{#comment}}<p class="note">“{{.}}”</p>{{/comment}}
        {{#canAnswer}}
        <form method="post" action="/approvals/answer/{{id}}">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <input type="hidden" name="return_to" value="incident">
        <label for="comment-{{id}}">Comment (optional)</label>
        <input type="text" id="comment-{{id}}" name="comment" maxlength="2000">
        <div class="actions">
        <button class="approve" type="submit" name="decision" value="approve" id="approve-{{id}}">Approve</button>
        <button class="reject" type="submit" name="decision" value="reject" id="reject-{{id}}">Reject</button>
        </div>
        </form>
        {{/canAnswer}}
        </div>

        """

    static let declare = """
        {{<layout}}{{$main}}
        <h1>Declare an incident</h1>
        <p class="muted">For what no rule sees, or sees too late: the playbook of its category starts and its severity pages the layers at once.</p>
        <form method="post" class="card" id="declare-form" action="/incidents/new">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <label for="declare-title">Title</label>
        <input type="text" id="declare-title" name="title" maxlength="200" required placeholder="what is happening">
        <label for="declare-category">Category</label>
        <select id="declare-category" name="category">{{#categories}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/categories}}</select>
        <label for="declare-severity">Severity</label>
        <select id="declare-severity" name="severity">{{#severities}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/severities}}</select>
        <label for="declare-description">What is known (optional)</label>
        <textarea id="declare-description" name="description" maxlength="2000" rows="3"></textarea>
        <button type="submit" class="danger" id="declare">Declare</button>
        </form>
        {{/main}}{{/layout}}
        """
}
