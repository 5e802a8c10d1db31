import Mustache

/// The console's Mustache templates, compiled once into one library.
///
/// Every value goes through `{{ }}`, which escapes HTML; nothing is inserted unescaped, so no title, note or
/// comment can add markup. Pages extend `layout` and fill its `main` block.
enum ConsoleTemplates {
    enum Name: String, CaseIterable {
        case layout
        case incidentRow = "incident-row"
        case approval, login, invite, error, dashboard, incidents, incident, approvals, oncall, declare
        case postmortem
        case barChart = "bar-chart"
        case weeklyReport = "weekly-report"
    }

    static let library: MustacheLibrary = {
        do {
            return try compile()
        } catch {
            // The templates are constants of this module, and a test compiles every one of them.
            preconditionFailure("A console template does not parse: \(error)")
        }
    }()

    static func compile() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for name in Name.allCases { try library.register(source(name), named: name.rawValue) }
        return library
    }

    static func render(_ page: Any, _ name: Name) -> String {
        library.render(page, withTemplate: name.rawValue) ?? ""
    }

    static func source(_ name: Name) -> String {
        switch name {
        case .layout: layout
        case .incidentRow: incidentRow
        case .declare: declare
        case .approval: approval
        case .login: login
        case .invite: invite
        case .error: error
        case .dashboard: dashboard
        case .incidents: incidents
        case .incident: incident
        case .approvals: approvals
        case .oncall: oncall
        case .postmortem: postmortem
        case .barChart: barChart
        case .weeklyReport: weeklyReport
        }
    }

    static let layout = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        {{#chrome.refresh}}<noscript><meta http-equiv="refresh" content="{{chrome.refreshSeconds}}"></noscript>{{/chrome.refresh}}
        <title>{{chrome.title}} · Beacon</title>
        <link rel="stylesheet" href="/assets/console.css">
        <script src="/assets/console.js" defer></script>
        </head>
        <body data-now="{{chrome.nowMillis}}"{{#chrome.refresh}} data-refresh="{{chrome.refreshSeconds}}"{{/chrome.refresh}}>
        {{#chrome.user}}
        <header class="bar">
        <div class="top">
        <a class="brand" href="/">Beacon</a>
        <span class="who" id="who">{{name}} · {{layer}}</span>
        <a class="declare" href="/incidents/new" id="nav-declare">Declare</a>
        <form method="post" action="/logout"><input type="hidden" name="csrf" value="{{chrome.csrf}}"><button type="submit" id="sign-out">Sign out</button></form>
        </div>
        <nav class="tabs">
        <a href="/"{{#chrome.onDashboard}} class="current"{{/chrome.onDashboard}}>Dashboard</a>
        <a href="/incidents"{{#chrome.onIncidents}} class="current"{{/chrome.onIncidents}}>Incidents</a>
        <a href="/approvals"{{#chrome.onApprovals}} class="current"{{/chrome.onApprovals}}>Approvals{{#chrome.pendingApprovals}} <span class="count">{{.}}</span>{{/chrome.pendingApprovals}}</a>
        <a href="/oncall" id="nav-oncall"{{#chrome.onOnCall}} class="current"{{/chrome.onOnCall}}>On call</a>
        <a href="/reports/weekly" id="nav-report"{{#chrome.onReports}} class="current"{{/chrome.onReports}}>Weekly report</a>
        </nav>
        </header>
        {{/chrome.user}}
        <main>
        {{#chrome.flash}}
        <p class="flash {{kind}}" role="status" id="flash">{{text}}</p>
        {{/chrome.flash}}
        {{$main}}{{/main}}
        </main>
        </body>
        </html>

        """

    static let incidentRow = """
        <a class="row" href="/incidents/{{id}}" id="incident-{{id}}">
        <span class="badge {{severity}}">{{severity}}</span> <span class="badge {{status}}">{{status}}</span>
        <span class="muted">#{{id}} · {{category}}</span>
        <div class="title">{{title}}</div>
        <div class="muted">{{age}} old, opened {{opened}} · {{holder}}</div>
        </a>

        """

    static let login = """
        {{<layout}}{{$main}}
        <div class="login">
        <h1>Sign in to Beacon</h1>
        {{#error}}<p class="flash error" role="alert" id="login-error">{{.}}</p>{{/error}}
        <form method="post" action="/login">
        <input type="hidden" name="next" value="{{next}}">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label for="login">Login</label>
        <input type="text" id="login" name="login" value="{{login}}" autocomplete="username" autocapitalize="none" autofocus required>
        <label for="password">Password</label>
        <input type="password" id="password" name="password" autocomplete="current-password" required>
        <p><button type="submit" id="sign-in">Sign in</button></p>
        </form>
        </div>
        {{/main}}{{/layout}}
        """

    static let invite = """
        {{<layout}}{{$main}}
        <div class="login">
        <h1>Welcome to Beacon, {{name}}</h1>
        <p class="muted">Choose a password for {{login}} ({{layer}} layer). This link works once.</p>
        {{#error}}<p class="flash error" role="alert" id="invite-error">{{.}}</p>{{/error}}
        <form method="post" action="/invite/{{code}}">
        <input type="text" name="username" value="{{login}}" autocomplete="username" hidden>
        <label for="password">New password (at least 10 characters)</label>
        <input type="password" id="password" name="password" autocomplete="new-password" minlength="10" required autofocus>
        <label for="again">The same again</label>
        <input type="password" id="again" name="again" autocomplete="new-password" required>
        <p><button type="submit" id="set-password">Set password</button></p>
        </form>
        </div>
        {{/main}}{{/layout}}
        """

    static let error = """
        {{<layout}}{{$main}}
        <h1>{{heading}}</h1>
        <p class="flash error" role="alert">{{message}}</p>
        <p><a class="button secondary" href="/">Back to the dashboard</a></p>
        {{/main}}{{/layout}}
        """
}
