import BeaconCore
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

    /// One library per language: each template's `[[key]]` marks replaced by the catalog's text (escaped for
    /// HTML; a text may use the template's `{{names}}`, in the order its language puts them).
    static let libraries: [Language: MustacheLibrary] = {
        var libraries: [Language: MustacheLibrary] = [:]
        for language in Language.allCases {
            do {
                libraries[language] = try compile(language)
            } catch {
                // The templates and catalogs are constants of this program, and a test compiles every one of them.
                preconditionFailure("A console template does not parse in \(language.rawValue): \(error)")
            }
        }
        return libraries
    }()

    static func compile(_ language: Language) throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for name in Name.allCases { try library.register(localized(source(name), language), named: name.rawValue) }
        return library
    }

    /// `source` with every `[[key]]` replaced by the key's text in `language`.
    static func localized(_ source: String, _ language: Language) -> String {
        var result = ""
        var rest = source[...]
        while let open = rest.range(of: "[["), let close = rest[open.upperBound...].range(of: "]]") {
            result += rest[..<open.lowerBound]
            result += HTML.escape(language.catalog(String(rest[open.upperBound..<close.lowerBound])))
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    /// `page` rendered with `name` in the language of the request (`ConsoleFormat.words`).
    static func render(_ page: Any, _ name: Name) -> String {
        libraries[ConsoleFormat.words.language]?.render(page, withTemplate: name.rawValue) ?? ""
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
        <html lang="{{chrome.lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        {{#chrome.refresh}}<noscript><meta http-equiv="refresh" content="{{chrome.refreshSeconds}}"></noscript>{{/chrome.refresh}}
        <title>{{chrome.title}} · Beacon</title>
        <link rel="stylesheet" href="/assets/console.css">
        <script src="/assets/console.js" defer></script>
        </head>
        <body data-now="{{chrome.nowMillis}}" data-span="[[console.span.units]]" data-in="[[console.countdown.in]]" data-overdue="[[console.countdown.overdue]]"{{#chrome.refresh}} data-refresh="{{chrome.refreshSeconds}}"{{/chrome.refresh}}>
        {{#chrome.user}}
        <header class="bar">
        <div class="top">
        <a class="brand" href="/">Beacon</a>
        <span class="who" id="who">{{name}} · {{layer}}</span>
        <a class="declare" href="/incidents/new" id="nav-declare">[[page.layout.declare]]</a>
        <form method="post" action="/logout"><input type="hidden" name="csrf" value="{{chrome.csrf}}"><button type="submit" id="sign-out">[[page.layout.sign_out]]</button></form>
        </div>
        <nav class="tabs">
        <a href="/"{{#chrome.onDashboard}} class="current"{{/chrome.onDashboard}}>[[page.layout.dashboard]]</a>
        <a href="/incidents"{{#chrome.onIncidents}} class="current"{{/chrome.onIncidents}}>[[page.layout.incidents]]</a>
        <a href="/approvals"{{#chrome.onApprovals}} class="current"{{/chrome.onApprovals}}>[[page.layout.approvals]]{{#chrome.pendingApprovals}} <span class="count">{{.}}</span>{{/chrome.pendingApprovals}}</a>
        <a href="/oncall" id="nav-oncall"{{#chrome.onOnCall}} class="current"{{/chrome.onOnCall}}>[[page.layout.on_call]]</a>
        <a href="/reports/weekly" id="nav-report"{{#chrome.onReports}} class="current"{{/chrome.onReports}}>[[page.layout.weekly_report]]</a>
        </nav>
        </header>
        {{/chrome.user}}
        <main>
        {{#chrome.flash}}
        <p class="flash {{kind}}" role="status" id="flash">{{text}}</p>
        {{/chrome.flash}}
        {{$main}}{{/main}}
        </main>
        <footer class="languages" id="languages">{{#chrome.languages}}<a href="/language/{{tag}}?next={{chrome.here}}" lang="{{tag}}"{{#current}} aria-current="true" class="current"{{/current}}>{{name}}</a> {{/chrome.languages}}</footer>
        </body>
        </html>

        """

    static let incidentRow = """
        <a class="row" href="/incidents/{{id}}" id="incident-{{id}}">
        <span class="badge {{severity}}">{{severity}}</span> <span class="badge {{status}}">{{statusText}}</span>
        <span class="muted">#{{id}} · {{category}}</span>
        <div class="title">{{title}}</div>
        <div class="muted">[[page.row.old_opened]]</div>
        </a>

        """

    static let login = """
        {{<layout}}{{$main}}
        <div class="login">
        <h1>[[page.login.sign_in_to_beacon]]</h1>
        {{#error}}<p class="flash error" role="alert" id="login-error">{{.}}</p>{{/error}}
        <form method="post" action="/login">
        <input type="hidden" name="next" value="{{next}}">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label for="login">[[page.login.login]]</label>
        <input type="text" id="login" name="login" value="{{login}}" autocomplete="username" autocapitalize="none" autofocus required>
        <label for="password">[[page.login.password]]</label>
        <input type="password" id="password" name="password" autocomplete="current-password" required>
        <p><button type="submit" id="sign-in">[[page.login.sign_in]]</button></p>
        </form>
        </div>
        {{/main}}{{/layout}}
        """

    static let invite = """
        {{<layout}}{{$main}}
        <div class="login">
        <h1>[[page.invite.welcome_to_beacon]]</h1>
        <p class="muted">[[page.invite.choose_a_password_for]]</p>
        {{#error}}<p class="flash error" role="alert" id="invite-error">{{.}}</p>{{/error}}
        <form method="post" action="/invite/{{code}}">
        <input type="text" name="username" value="{{login}}" autocomplete="username" hidden>
        <label for="password">[[page.invite.new_password_at_least]]</label>
        <input type="password" id="password" name="password" autocomplete="new-password" minlength="10" required autofocus>
        <label for="again">[[page.invite.the_same_again]]</label>
        <input type="password" id="again" name="again" autocomplete="new-password" required>
        <p><button type="submit" id="set-password">[[page.invite.set_password]]</button></p>
        </form>
        </div>
        {{/main}}{{/layout}}
        """

    static let error = """
        {{<layout}}{{$main}}
        <h1>{{heading}}</h1>
        <p class="flash error" role="alert">{{message}}</p>
        <p><a class="button secondary" href="/">[[page.error.back_to_the_dashboard]]</a></p>
        {{/main}}{{/layout}}
        """
}
