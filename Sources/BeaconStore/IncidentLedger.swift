public import BeaconCore
public import Foundation
import GRDB

/// Records incident changes: loads what the decider needs, asks `IncidentDecider` (in Core) what the change is,
/// and commits the decision (the incident, its events and everything it sets in motion) in one transaction.
///
/// A process builds one, with everything it needs to page: `beacon serve` on the configuration in force (read at
/// every change, so a reload applies), a command on the configuration it loaded. A ledger that pages nobody is
/// asked for by name (`recordingOnly`), never the accident of a missing argument.
public struct IncidentLedger: IncidentCommands {
    public let store: BeaconStore
    private let makeDecider: @Sendable () -> IncidentDecider

    /// Decides every change, with the configuration in force; the ledger only loads and records.
    public var decider: IncidentDecider { makeDecider() }
    /// Plans playbook runs, paging and escalation; `nil` only for a ledger that records and pages nobody.
    public var planner: CommandPlanner? { decider.planner }
    /// Where post-mortem due dates count working days.
    public var calendar: Calendar { decider.calendar }

    /// The ledger of a running service: pages as the configuration `configuration()` returns now says.
    public init(_ store: BeaconStore, configuration: @escaping @Sendable () -> BeaconConfig) {
        self.store = store
        makeDecider = { IncidentDecider(planner: CommandPlanner(config: configuration())) }
    }

    /// The decider for a change at `now`: with the rosters' overrides in force then, read in the change's
    /// transaction.
    func decider(_ db: Database, at now: Date) throws -> IncidentDecider {
        let base = decider
        guard let planner = base.planner, !planner.config.rosters.isEmpty else { return base }
        let overrides = try RosterOverride.filter(
            sql: "removed_at IS NULL AND from_at <= ? AND to_at > ?",
            arguments: [now.timeIntervalSince1970, now.timeIntervalSince1970]
        ).fetchAll(db)
        guard !overrides.isEmpty else { return base }
        return IncidentDecider(
            planner: CommandPlanner(config: planner.config, overrides: overrides), calendar: base.calendar)
    }

    /// A ledger that pages as `planner` plans.
    /// - Parameter calendar: where post-mortem due dates count working days (the configuration's by default).
    public init(_ store: BeaconStore, planner: CommandPlanner, calendar: Calendar? = nil) {
        self.store = store
        let decider = IncidentDecider(planner: planner, calendar: calendar)
        makeDecider = { decider }
    }

    private init(_ store: BeaconStore, decider: IncidentDecider) {
        self.store = store
        makeDecider = { decider }
    }

    /// A ledger that records incidents and pages nobody: no playbook runs, no paging, post-mortems on the default
    /// policy. For tools and tests that want exactly that.
    public static func recordingOnly(_ store: BeaconStore, calendar: Calendar? = nil) -> IncidentLedger {
        IncidentLedger(store, decider: IncidentDecider(planner: nil, calendar: calendar))
    }

    /// Applies what the evaluator decided, waiting for the database without blocking the calling thread.
    /// - Returns: the change made, or `nil` when there was nothing to change.
    @discardableResult
    public func commit(
        _ transition: Transition, rule: Rule, labels: Labels, at now: Date
    ) async throws
        -> IncidentChange?
    {
        try await store.writer.write { db in try apply(db, transition, rule: rule, labels: labels, at: now) }
    }

    public func note(_ fact: TimelineFact, on ids: [IncidentID], by actor: String, at now: Date) async throws {
        guard !ids.isEmpty else { return }
        try await store.writer.write { db in
            for id in ids {
                var event = TimelineEvent(incidentID: id, at: now, actor: actor, fact: fact)
                try event.insert(db)
            }
        }
    }

    /// Applies a burst of changes in one transaction.
    public func commit(_ changes: [PendingChange]) async throws -> [IncidentChange] {
        try await store.writer.write { db in
            try changes.compactMap { try apply(db, $0.transition, rule: $0.rule, labels: $0.labels, at: $0.at) }
        }
    }

    private func apply(
        _ db: Database, _ transition: Transition, rule: Rule, labels: Labels, at now: Date
    ) throws
        -> IncidentChange?
    {
        let active = try BeaconStore.activeIncident(db, Fingerprint(rule: rule.id, labels: labels))
        let resolves = if case .resolve = transition { true } else { false }
        let state = try active.map { try Self.state(db, $0, paged: resolves) }
        guard let decision = try decider(db, at: now).apply(transition, rule: rule, labels: labels, to: state, at: now)
        else {
            return nil
        }
        return try record(db, decision, over: state, at: now).change
    }

    /// Commits a decision: the incident (inserted when new), the steps and approval it changes, its events, then
    /// what it sets in motion.
    /// - Returns: the change, with its first event (`nil` when the decision itself recorded none: a new peak
    ///   value, a deadline whose effects tell it), and how many notifications it queued.
    func record(
        _ db: Database, _ decision: Decision, over state: IncidentState?, at now: Date
    ) throws
        -> (change: IncidentChange?, queued: Int)
    {
        var incident = decision.incident
        if incident.id == nil {
            try incident.insert(db)
        } else if incident != state?.incident {
            try incident.update(db)
        }
        guard let id = incident.id else { throw StoreError(code: .notFound, key: "storage.unsaved_incident") }
        for step in decision.steps { try step.update(db) }
        if let approval = decision.approval { try approval.update(db) }
        var first: TimelineEvent?
        for entry in decision.events {
            var event = TimelineEvent(incidentID: id, at: now, actor: entry.actor, fact: entry.fact)
            try event.insert(db)
            first = first ?? event
        }
        let queued = try Self.persist(db, decision.effects(incident), incidentID: id, at: now)
        return (first.map { IncidentChange(incident: incident, event: $0, notificationsQueued: queued) }, queued)
    }
}
