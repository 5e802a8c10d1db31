import BeaconCore
import Foundation

/// What every console page shows around its content: the title, who is signed in, the navigation, the
/// result of the last form, and whether the page refreshes itself.
struct PageChrome {
    /// The page's section in the navigation.
    enum Section { case dashboard, incidents, approvals, oncall, reports, none }

    /// The signed-in person, as the header shows them.
    struct Person {
        var name: String
        var login: String
        var layer: String
    }

    /// The result of the form that led here, shown once.
    struct Flash: Hashable {
        enum Kind: String { case ok, error }
        var kind: String
        var text: String

        init(_ kind: Kind, _ text: String) {
            self.kind = kind.rawValue
            self.text = text
        }
    }

    /// A link of the language switch.
    struct LanguageLink {
        var tag: String
        var name: String
        var current: Bool
    }

    var title: String
    /// The page's language (`zh-CN`, `en`), for `<html lang>`.
    var lang: String
    /// The page's zone as an offset (`UTC+8`), for headings of times.
    var zone: String
    var languages: [LanguageLink]
    /// This page, query-escaped: where the language switch comes back to (a Referer may be withheld).
    var here: String
    var user: Person?
    /// The session's CSRF token, for every form on the page; empty for API-token callers, who need none.
    var csrf: String
    var nowMillis: Int64
    var refresh: Bool
    var refreshSeconds: Int
    var onDashboard: Bool
    var onIncidents: Bool
    var onApprovals: Bool
    var onReports: Bool
    var onOnCall: Bool
    /// Pending approvals, for the decision layer's navigation; nil when there are none or it is not theirs.
    var pendingApprovals: Int?
    var flash: Flash?

    init(
        title: String, identity: Identity?, section: Section, now: Date, refreshSeconds: Int? = nil,
        pendingApprovals: Int? = nil, flash: Flash? = nil
    ) {
        self.title = title
        let words = ConsoleFormat.words
        lang = words.language.rawValue
        zone = ConsoleFormat.offset(now)
        here = ConsoleResponse.queryEscaped(ConsoleFormat.page)
        languages = Language.allCases.map {
            LanguageLink(tag: $0.rawValue, name: $0.ownName, current: $0 == words.language)
        }
        user = identity.map { Person(name: $0.user.name, login: $0.user.login, layer: words.layer($0.user.layer)) }
        csrf = identity?.csrf ?? ""
        nowMillis = ConsoleFormat.millis(now)
        refresh = (refreshSeconds ?? 0) > 0
        self.refreshSeconds = refreshSeconds ?? 0
        onDashboard = section == .dashboard
        onIncidents = section == .incidents
        onApprovals = section == .approvals
        onReports = section == .reports
        onOnCall = section == .oncall
        self.pendingApprovals = (pendingApprovals ?? 0) > 0 ? pendingApprovals : nil
        self.flash = flash
    }
}

/// One `<option>` of a `<select>`.
struct SelectOption {
    var value: String
    var label: String
    var selected: Bool
}

/// A page that only says what went wrong: 400, 403, 404, 413.
struct ErrorPage {
    var chrome: PageChrome
    var heading: String
    var message: String
}

/// The sign-in form.
struct LoginPage {
    var chrome: PageChrome
    var login: String
    var next: String
    var error: String?
    /// The double-submit token: also in the `beacon_login` cookie; a forged form cannot know it.
    var csrf: String
}
