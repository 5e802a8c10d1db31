public import BeaconCore
public import Foundation
import GRDB

extension IncidentLedger {
    /// Opens an incident that a person declares (no rule saw it, or a rule cannot).
    @discardableResult
    public func declare(
        title: String, category: Category, severity: Severity, by actor: String, labels: Labels = Labels(),
        at now: Date
    ) throws -> IncidentChange {
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw IncidentError(code: .invalidInput, message: "An incident needs a title.")
        }
        let stamp = Int64((now.timeIntervalSince1970 * 1_000).rounded())
        var incident = Incident(
            fingerprint: Fingerprint(rawValue: "declared:\(stamp):\(trimmed)"), ruleID: nil, title: trimmed,
            category: category, severity: severity, origin: .declared, labels: labels, openedAt: now,
            declaredBy: actor)
        return try store.writer.write { db in
            try incident.insert(db)
            guard let id = incident.id else { throw IncidentError(code: .invalidInput, message: "Not stored.") }
            var event = TimelineEvent(
                incidentID: id, at: now, actor: actor,
                fact: .declared(by: actor, severity: severity, category: category))
            try event.insert(db)
            return IncidentChange(
                incident: incident, event: event, notificationsQueued: try planOpened(db, incident, at: now))
        }
    }

    /// Acknowledges, mitigates, resolves or closes an incident on a person's behalf.
    /// - Throws: `IncidentError` when there is no such incident or its status does not allow the action.
    @discardableResult
    public func perform(
        _ action: IncidentAction, on id: IncidentID, by actor: String, note: String? = nil, at now: Date
    )
        throws -> IncidentChange
    {
        try store.writer.write { db in
            guard var incident = try Incident.fetchOne(db, key: id.rawValue) else { throw IncidentError.notFound(id) }
            guard action.allowedFrom.contains(incident.status) else {
                throw IncidentError.invalidTransition(id, action, from: incident.status)
            }
            if action == .close { try Self.checkClosable(db, id) }
            incident.status = action.result
            incident.updatedAt = now
            switch action {
            case .acknowledge: incident.acknowledgedAt = now
            case .mitigate: incident.mitigatedAt = now
            case .resolve: incident.resolvedAt = now
            case .close: incident.closedAt = now
            }
            try incident.update(db)
            let trimmed = note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            var event = TimelineEvent(
                incidentID: id, at: now, actor: actor,
                fact: .statusChanged(to: action.result, by: actor, note: trimmed.isEmpty ? nil : trimmed))
            try event.insert(db)
            let queued = action == .resolve ? try planResolved(db, incident, at: now) : 0
            return IncidentChange(incident: incident, event: event, notificationsQueued: queued)
        }
    }
}
