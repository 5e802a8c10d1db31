public import BeaconCore
public import Foundation
import GRDB

extension IncidentLedger {
    /// Opens, raises or resolves the incident of an external alert, with the same playbook runs and paging as
    /// Beacon's own rules.
    /// - Returns: the change made, or `nil` when the alert changes nothing (a repeat, a resolved unknown alert).
    @discardableResult
    public func receive(_ alert: ExternalAlert, by actor: String, at now: Date) throws -> IncidentChange? {
        let fingerprint = Fingerprint(rawValue: "alertmanager:\(alert.fingerprint)")
        return try store.writer.write { db in
            let active = try BeaconStore.activeIncident(db, fingerprint)
            switch (alert.firing, active) {
            case (true, nil):
                var incident = Incident(
                    fingerprint: fingerprint, ruleID: nil, title: alert.title, category: alert.category,
                    severity: alert.severity, origin: .alertmanager, labels: alert.labels,
                    firstBreachAt: alert.startsAt,
                    openedAt: now, declaredBy: actor)
                try incident.insert(db)
                var change = try record(db, incident, .openedByAlertmanager(severity: alert.severity), at: now)
                change.notificationsQueued = try planOpened(db, incident, at: now)
                return change
            case (true, var incident?):
                guard alert.severity > incident.severity, let id = incident.id else { return nil }
                let previous = incident.severity
                incident.severity = alert.severity
                incident.peakSeverity = max(incident.peakSeverity, alert.severity)
                incident.updatedAt = now
                try incident.update(db)
                var change = try record(
                    db, incident, .raisedByAlertmanager(from: previous, to: alert.severity), at: now)
                if let planner {
                    change.notificationsQueued = try Self.persist(
                        db, planner.raised(incident, from: previous, steps: try Self.steps(db, id), at: now),
                        incidentID: id, at: now)
                }
                return change
            case (false, var incident?):
                incident.status = .resolved
                incident.resolvedAt = now
                incident.updatedAt = now
                try incident.update(db)
                var change = try record(db, incident, .resolvedByAlertmanager, at: now)
                change.notificationsQueued = try planResolved(db, incident, at: now)
                return change
            case (false, nil):
                return nil
            }
        }
    }
}
