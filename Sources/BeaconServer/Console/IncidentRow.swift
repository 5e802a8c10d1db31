import BeaconCore
import Foundation

/// An incident in a list: enough to decide whether to open it.
struct IncidentRow {
    var id: Int64
    var title: String
    var severity: String
    var status: String
    var category: String
    var opened: String
    var age: String
    /// Who holds it: `Acknowledged by zhangmin`, `Declared by lina · not acknowledged`.
    var holder: String

    init(_ incident: Incident, acknowledgedBy: String?, now: Date) {
        id = incident.id?.rawValue ?? 0
        title = incident.title
        severity = incident.severity.rawValue
        status = incident.status.rawValue
        category = incident.category.rawValue
        opened = ConsoleFormat.time(incident.openedAt, now: now)
        age = ConsoleFormat.span(now.timeIntervalSince(incident.openedAt))
        holder = Self.holder(incident, acknowledgedBy: acknowledgedBy)
    }

    static func holder(_ incident: Incident, acknowledgedBy: String?) -> String {
        switch incident.status {
        case .open:
            incident.declaredBy.map { "Declared by \(ConsoleFormat.name($0)) · not acknowledged" } ?? "Not acknowledged"
        case .acknowledged:
            "Acknowledged by \(acknowledgedBy.map(ConsoleFormat.name) ?? "someone")"
        case .mitigated:
            "Mitigated" + (acknowledgedBy.map { " · held by \(ConsoleFormat.name($0))" } ?? "")
        case .resolved, .closed:
            incident.status.rawValue.capitalized + (acknowledgedBy.map { " · held by \(ConsoleFormat.name($0))" } ?? "")
        }
    }
}
