public import BeaconCore
public import Foundation
import GRDB

extension IncidentLedger {
    /// Opens, raises or resolves the incident of an external alert, with the same playbook runs and paging as
    /// Beacon's own rules.
    /// - Returns: the change made, or `nil` when the alert changes nothing (a repeat, a resolved unknown alert).
    @discardableResult
    public func receive(_ alert: ExternalAlert, by actor: String, at now: Date) async throws -> IncidentChange? {
        try await store.writer.write { db in
            let fingerprint = IncidentDecider.fingerprint(alert)
            let active = try BeaconStore.activeIncident(db, fingerprint)
            let state = try active.map { try Self.state(db, $0, paged: !alert.firing) }
            // A replayed firing notice must not reopen what already resolved.
            let lastResolved =
                active == nil && alert.firing
                ? try Double.fetchOne(
                    db, sql: "SELECT MAX(resolved_at) FROM incident WHERE fingerprint = ?",
                    arguments: [fingerprint.rawValue]
                ).map(Date.init(timeIntervalSince1970:)) : nil
            guard
                let decision = try decider(db, at: now).receive(
                    alert, by: actor, active: state, lastResolvedAt: lastResolved, at: now)
            else {
                return nil
            }
            return try record(db, decision, over: state, at: now).change
        }
    }
}
