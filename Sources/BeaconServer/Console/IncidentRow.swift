import BeaconCore
import Foundation

/// An incident in a list: enough to decide whether to open it.
struct IncidentRow {
    var id: Int64
    var title: String
    var severity: String
    var status: String
    var statusText: String
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
        statusText = ConsoleFormat.words.status(incident.status)
        category = ConsoleFormat.words.category(incident.category)
        opened = ConsoleFormat.time(incident.openedAt, now: now)
        age = ConsoleFormat.span(now.timeIntervalSince(incident.openedAt))
        holder = Self.holder(incident, acknowledgedBy: acknowledgedBy)
    }

    static func holder(_ incident: Incident, acknowledgedBy: String?) -> String {
        let held = acknowledgedBy.map { ConsoleFormat.t("holder.held_by", ["name": ConsoleFormat.name($0)]) } ?? ""
        return switch incident.status {
        case .open:
            incident.declaredBy.map { ConsoleFormat.t("holder.declared_by", ["name": ConsoleFormat.name($0)]) }
                ?? ConsoleFormat.t("holder.not_acknowledged")
        case .acknowledged:
            ConsoleFormat.t(
                "holder.acknowledged_by",
                ["name": acknowledgedBy.map(ConsoleFormat.name) ?? ConsoleFormat.t("holder.someone")])
        case .mitigated, .resolved, .closed: ConsoleFormat.t("holder.\(incident.status.rawValue)") + held
        }
    }
}
