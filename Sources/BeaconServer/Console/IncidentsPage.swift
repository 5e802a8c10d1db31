import BeaconCore
import Foundation

/// `GET /incidents`: every incident, filtered by status, severity and category, searched by title.
struct IncidentsPage {
    /// The status filter's extra choice: open, acknowledged or mitigated.
    static let activeChoice = "active"

    var chrome: PageChrome
    var q: String
    var statuses: [SelectOption]
    var severities: [SelectOption]
    var categories: [SelectOption]
    var rows: [IncidentRow]
    var count: Int
    /// Whether the list stops at the query's limit: older incidents need narrower filters.
    var limited: Bool
    var none: Bool
    var filtered: Bool

    /// The filters as the form sent them, each one value or empty.
    struct Filters {
        var status = ""
        var severity = ""
        var category = ""
        var q = ""

        var isEmpty: Bool { status.isEmpty && severity.isEmpty && category.isEmpty && q.isEmpty }
    }

    init(
        chrome: PageChrome, filters: Filters, incidents: [Incident], limit: Int, acknowledgers: [IncidentID: String],
        now: Date
    ) {
        self.chrome = chrome
        q = filters.q
        statuses = Self.options(
            [(Self.activeChoice, ConsoleFormat.t("filter.active"))]
                + IncidentStatus.allCases.map { ($0.rawValue, ConsoleFormat.words.status($0)) },
            selected: filters.status, any: ConsoleFormat.t("filter.any_status"))
        severities = Self.options(
            Severity.worstFirst.map { ($0.rawValue, "\($0.rawValue) \(ConsoleFormat.words.label($0))") },
            selected: filters.severity, any: ConsoleFormat.t("filter.any_severity"))
        categories = Self.options(
            Category.allCases.map { ($0.rawValue, ConsoleFormat.words.category($0)) }, selected: filters.category,
            any: ConsoleFormat.t("filter.any_category"))
        rows = incidents.map { incident in
            IncidentRow(incident, acknowledgedBy: incident.id.flatMap { acknowledgers[$0] }, now: now)
        }
        count = rows.count
        limited = rows.count >= limit
        none = rows.isEmpty
        filtered = !filters.isEmpty
    }

    static func options(_ choices: [(String, String)], selected: String, any: String) -> [SelectOption] {
        [SelectOption(value: "", label: any, selected: selected.isEmpty)]
            + choices.map { SelectOption(value: $0.0, label: $0.1, selected: $0.0 == selected) }
    }
}
