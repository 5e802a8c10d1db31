public import Foundation

extension Repositories {
    /// Checks and stores an override, and notes it on every active incident whose severity pages the roster's
    /// layer: what the command line, the API and the console all do.
    /// - Throws: `IncidentError` when the override is refused (see `BeaconConfig.check`).
    public func addOverride(
        _ override: RosterOverride, config: BeaconConfig, actorIsAdmin: Bool = false
    ) async throws -> RosterOverride {
        let layer = try config.check(override, actorIsAdmin: actorIsAdmin)
        let stored = try await rosters.addOverride(override)
        try await note(stored, removedBy: nil, layer: layer, config: config, at: override.createdAt)
        return stored
    }

    /// Removes an override on behalf of `actor`, under the same rule as making one.
    /// - Returns: the override removed; `nil` when there is none in force with that id (or of that roster).
    public func removeOverride(
        _ id: Int64, of roster: String? = nil, by actor: String, actorIsAdmin: Bool = false, config: BeaconConfig,
        at now: Date
    ) async throws -> RosterOverride? {
        guard var existing = try await rosters.override(id), roster == nil || existing.roster == roster else {
            return nil
        }
        existing.createdBy = actor
        let layer = try config.check(existing, actorIsAdmin: actorIsAdmin)
        guard let removed = try await rosters.removeOverride(id, by: actor, at: now) else { return nil }
        try await note(removed, removedBy: actor, layer: layer, config: config, at: now)
        return removed
    }

    private func note(
        _ override: RosterOverride, removedBy: String?, layer: Layer, config: BeaconConfig, at now: Date
    ) async throws {
        let affected = try await incidents.activeIncidents().filter {
            config.paging[$0.severity]?.contains(layer) == true
        }
        let actor = removedBy ?? override.createdBy
        let fact = TimelineFact.rosterOverride(
            roster: override.roster, person: override.person.rawValue, from: override.from.timeIntervalSince1970,
            to: override.to.timeIntervalSince1970, zone: config.rosterZone.identifier, by: actor,
            reason: override.reason, removed: removedBy != nil)
        try await commands.note(fact, on: affected.compactMap(\.id), by: actor, at: now)
    }
}
