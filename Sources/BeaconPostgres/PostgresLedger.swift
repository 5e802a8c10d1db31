public import BeaconCore
public import Foundation
import PostgresNIO

/// Records incident changes in PostgreSQL as `IncidentLedger` does in SQLite: loads what the decider needs, asks
/// `IncidentDecider` (in Core) what the change is, and commits the decision and everything it sets in motion in
/// one transaction.
///
/// Several nodes run ledgers on one database, so every change first takes the lock of what it changes: the
/// incident's row (`FOR UPDATE`) for a person's change, an advisory lock on the fingerprint for what a rule or
/// Alertmanager reports (so two nodes seeing one breach open one incident, and the partial unique index on the
/// active fingerprint stands behind it), the deadline's row for a deadline (`SKIP LOCKED`: one node fires it).
public struct PostgresLedger: IncidentCommands {
    public let store: PostgresStore
    private let makeDecider: @Sendable () -> IncidentDecider

    /// Decides every change, with the configuration in force; the ledger only loads and records.
    public var decider: IncidentDecider { makeDecider() }
    public var planner: CommandPlanner? { decider.planner }

    var logger: Logger { store.logger }

    /// The ledger of a running service: pages as the configuration `configuration()` returns now says.
    public init(_ store: PostgresStore, configuration: @escaping @Sendable () -> BeaconConfig) {
        self.store = store
        makeDecider = { IncidentDecider(planner: CommandPlanner(config: configuration())) }
    }

    /// A ledger that pages as `planner` plans.
    public init(_ store: PostgresStore, planner: CommandPlanner?, calendar: Calendar? = nil) {
        self.store = store
        let decider = IncidentDecider(planner: planner, calendar: calendar)
        makeDecider = { decider }
    }

    /// The decider for a change at `now`, with the rosters' overrides in force then.
    func decider(_ connection: PostgresConnection, at now: Date) async throws -> IncidentDecider {
        let base = decider
        guard let planner = base.planner, !planner.config.rosters.isEmpty else { return base }
        let overrides = try await PostgresStore.fetch(
            RosterOverride.self,
            "SELECT * FROM roster_override WHERE removed_at IS NULL AND from_at <= \(now) AND to_at > \(now)",
            on: connection, logger: logger)
        guard !overrides.isEmpty else { return base }
        return IncidentDecider(
            planner: CommandPlanner(config: planner.config, overrides: overrides), calendar: base.calendar)
    }

    // MARK: - What rules and Alertmanager report

    @discardableResult
    public func commit(
        _ transition: Transition, rule: Rule, labels: Labels, at now: Date
    ) async throws
        -> IncidentChange?
    {
        try await store.transaction { connection in
            try await apply(connection, transition, rule: rule, labels: labels, at: now)
        }
    }

    public func commit(_ changes: [PendingChange]) async throws -> [IncidentChange] {
        guard !changes.isEmpty else { return [] }
        return try await store.transaction { connection in
            var made: [IncidentChange] = []
            for change in changes {
                if let done = try await apply(
                    connection, change.transition, rule: change.rule, labels: change.labels, at: change.at)
                {
                    made.append(done)
                }
            }
            return made
        }
    }

    private func apply(
        _ connection: PostgresConnection, _ transition: Transition, rule: Rule, labels: Labels, at now: Date
    ) async throws -> IncidentChange? {
        let fingerprint = Fingerprint(rule: rule.id, labels: labels)
        let active = try await activeIncident(connection, fingerprint)
        let resolves = if case .resolve = transition { true } else { false }
        var state: IncidentState?
        if let active { state = try await self.state(connection, active, paged: resolves) }
        guard
            let decision = try await decider(connection, at: now).apply(
                transition, rule: rule, labels: labels, to: state, at: now)
        else { return nil }
        return try await record(connection, decision, over: state, at: now).change
    }

    @discardableResult
    public func receive(_ alert: ExternalAlert, by actor: String, at now: Date) async throws -> IncidentChange? {
        try await store.transaction { connection in
            let fingerprint = IncidentDecider.fingerprint(alert)
            let active = try await activeIncident(connection, fingerprint)
            var state: IncidentState?
            if let active { state = try await self.state(connection, active, paged: !alert.firing) }
            // A replayed firing notice must not reopen what already resolved.
            var lastResolved: Date?
            if active == nil && alert.firing {
                let rows = try await connection.query(
                    "SELECT max(resolved_at) FROM incident WHERE fingerprint = \(fingerprint.rawValue)",
                    logger: logger)
                for try await resolved in rows.decode(Date?.self) { lastResolved = resolved }
            }
            guard
                let decision = try await decider(connection, at: now).receive(
                    alert, by: actor, active: state, lastResolvedAt: lastResolved, at: now)
            else { return nil }
            return try await record(connection, decision, over: state, at: now).change
        }
    }

    /// The active incident with this fingerprint, under the fingerprint's lock for the rest of the transaction.
    private func activeIncident(_ connection: PostgresConnection, _ fingerprint: Fingerprint) async throws -> Incident?
    {
        try await connection.query(
            "SELECT pg_advisory_xact_lock(hashtextextended(\(fingerprint.rawValue), 0))", logger: logger)
        return try await PostgresStore.fetch(
            Incident.self,
            """
            SELECT * FROM incident
            WHERE fingerprint = \(fingerprint.rawValue) AND status = ANY(\(IncidentStatus.active.map(\.rawValue)))
            FOR UPDATE
            """, on: connection, logger: logger
        ).first
    }

    // MARK: - What people do

    @discardableResult
    public func declare(
        title: String, category: Category, severity: Severity, by actor: String, labels: Labels,
        description: String?, at now: Date
    ) async throws -> IncidentChange {
        try await store.transaction { connection in
            let decision = try await decider(connection, at: now).declare(
                title: title, category: category, severity: severity, by: actor, labels: labels,
                description: description, at: now)
            guard let change = try await record(connection, decision, over: nil, at: now).change else {
                throw IncidentError(code: .invalidInput, message: "Not stored.")
            }
            return change
        }
    }

    @discardableResult
    public func perform(
        _ action: IncidentAction, on id: IncidentID, by actor: String, note: String?, at now: Date
    ) async throws -> IncidentChange {
        try await store.transaction { connection in
            let state = try await self.state(
                connection, id, followUps: action == .close, paged: action == .resolve)
            let decision = try await decider(connection, at: now).perform(
                action, on: state, by: actor, note: note, at: now)
            guard let change = try await record(connection, decision, over: state, at: now).change else {
                throw IncidentError.notFound(id)
            }
            return change
        }
    }

    @discardableResult
    public func completeStep(
        _ stepID: StepID, of id: IncidentID, by actor: String, layer: Layer, note: String?, at now: Date
    ) async throws -> RunStep {
        try await store.transaction { connection in
            let state = try await self.state(connection, id)
            let decision = try await decider(connection, at: now).completeStep(
                stepID, of: state, by: actor, layer: layer, note: note, at: now)
            _ = try await record(connection, decision, over: state, at: now)
            return decision.steps[0]
        }
    }

    @discardableResult
    public func answer(
        _ approvalID: ApprovalID, approve: Bool, by actor: String, layer: Layer, comment: String?, at now: Date
    ) async throws -> Approval {
        // An approval found expired is recorded so, then refused: the refusal leaves the transaction committed.
        let result: Result<Approval, IncidentError> = try await store.transaction { connection in
            guard
                let found = try await PostgresStore.fetch(
                    Approval.self, "SELECT * FROM approval WHERE id = \(approvalID.rawValue)", on: connection,
                    logger: logger
                ).first
            else {
                return .failure(IncidentError(code: .notFound, message: "No approval \(approvalID)."))
            }
            let state = try await self.state(connection, found.incidentID)
            // Read again under the incident's lock: the first answer wins.
            let approval =
                try await PostgresStore.fetch(
                    Approval.self, "SELECT * FROM approval WHERE id = \(approvalID.rawValue)", on: connection,
                    logger: logger
                ).first ?? found
            let decider = try await decider(connection, at: now)
            let decision: Decision
            do throws(IncidentError) {
                decision = try decider.answer(
                    approval, of: state, approve: approve, by: actor, layer: layer, comment: comment, at: now)
            } catch {
                return .failure(error)
            }
            _ = try await record(connection, decision, over: state, at: now)
            if let refusal = decision.refusal { return .failure(refusal) }
            return .success(decision.approval ?? approval)
        }
        return try result.get()
    }

    @discardableResult
    public func reopen(
        _ id: IncidentID, reason: String, by actor: String, layer: Layer, at now: Date
    ) async throws -> IncidentChange {
        try await personChange(id, at: now) { decider, state in
            try decider.reopen(state, reason: reason, by: actor, layer: layer, at: now)
        }
    }

    @discardableResult
    public func changeSeverity(
        _ id: IncidentID, to severity: Severity, reason: String, by actor: String, layer: Layer, at now: Date
    ) async throws -> IncidentChange {
        try await personChange(id, at: now) { decider, state in
            try decider.changeSeverity(state, to: severity, reason: reason, by: actor, layer: layer, at: now)
        }
    }

    @discardableResult
    public func instruct(
        _ id: IncidentID, text: String, by actor: String, layer: Layer, at now: Date
    ) async throws -> IncidentChange {
        try await personChange(id, at: now) { decider, state in
            try decider.instruct(state, text: text, by: actor, layer: layer, at: now)
        }
    }

    @discardableResult
    public func escalate(
        _ id: IncidentID, to layer: Layer?, by actor: String, note: String?, at now: Date
    ) async throws -> Int {
        try await store.transaction { connection in
            let state = try await self.state(connection, id)
            guard
                let decision = try await decider(connection, at: now).escalate(
                    state, to: layer, by: actor, note: note, at: now)
            else { return 0 }
            return try await record(connection, decision, over: state, at: now).queued
        }
    }

    private func personChange(
        _ id: IncidentID, at now: Date,
        _ decide: @escaping @Sendable (IncidentDecider, IncidentState) throws -> Decision
    ) async throws -> IncidentChange {
        try await store.transaction { connection in
            let state = try await self.state(connection, id)
            let decision = try decide(try await decider(connection, at: now), state)
            guard let change = try await record(connection, decision, over: state, at: now).change else {
                throw IncidentError(code: .invalidInput, message: "Not stored.")
            }
            return change
        }
    }

    public func note(_ fact: TimelineFact, on ids: [IncidentID], by actor: String, at now: Date) async throws {
        guard !ids.isEmpty else { return }
        try await store.transaction { connection in
            for id in ids {
                let event = TimelineEvent(incidentID: id, at: now, actor: actor, fact: fact)
                try await connection.query(
                    try PostgresRecord.insert(event, into: "timeline_event", omitting: ["id"]), logger: logger)
            }
        }
    }

    // MARK: - Recording

    /// Commits a decision: the incident (inserted when new), the steps and approval it changes, its events, then
    /// what it sets in motion.
    func record(
        _ connection: PostgresConnection, _ decision: Decision, over state: IncidentState?, at now: Date
    ) async throws -> (change: IncidentChange?, queued: Int) {
        var incident = decision.incident
        if incident.id == nil {
            let rows = try await connection.query(
                try PostgresRecord.insert(incident, into: "incident", omitting: ["id"], returning: "id"),
                logger: logger)
            for try await id in rows.decode(Int64.self) { incident.id = IncidentID(id) }
        } else if incident != state?.incident {
            try await connection.query(try PostgresRecord.update(incident, in: "incident", key: ["id"]), logger: logger)
        }
        guard let id = incident.id else { throw StoreError(code: .notFound, key: "storage.unsaved_incident") }
        for step in decision.steps {
            try await connection.query(
                try PostgresRecord.update(step, in: "run_step", key: ["incident_id", "step_id"]), logger: logger)
        }
        if let approval = decision.approval {
            try await connection.query(try PostgresRecord.update(approval, in: "approval", key: ["id"]), logger: logger)
        }
        var first: TimelineEvent?
        for entry in decision.events {
            var event = TimelineEvent(incidentID: id, at: now, actor: entry.actor, fact: entry.fact)
            let rows = try await connection.query(
                try PostgresRecord.insert(event, into: "timeline_event", omitting: ["id"], returning: "id"),
                logger: logger)
            for try await eventID in rows.decode(Int64.self) { event.id = eventID }
            first = first ?? event
        }
        let queued = try await persist(connection, decision.effects(incident), incidentID: id, at: now)
        return (first.map { IncidentChange(incident: incident, event: $0, notificationsQueued: queued) }, queued)
    }

    /// Stores what a change set in motion, inside the change's transaction.
    /// - Returns: the number of notifications queued.
    func persist(
        _ connection: PostgresConnection, _ effects: CommandEffects, incidentID: IncidentID, at now: Date
    ) async throws -> Int {
        if let postMortem = effects.postMortem {
            try await connection.query(try PostgresRecord.insert(postMortem, into: "post_mortem"), logger: logger)
        }
        for step in effects.steps {
            try await connection.query(
                try PostgresRecord.upsert(step, into: "run_step", key: ["incident_id", "step_id"]), logger: logger)
        }
        for deadline in effects.deadlines {
            try await connection.query(
                try PostgresRecord.insert(deadline, into: "deadline", omitting: ["id"], onConflict: "DO NOTHING"),
                logger: logger)
        }
        for stepID in effects.approvals {
            var title = stepID.rawValue
            let rows = try await connection.query(
                "SELECT title FROM run_step WHERE incident_id = \(incidentID.rawValue) AND step_id = \(stepID.rawValue)",
                logger: logger)
            for try await found in rows.decode(String.self) { title = found }
            let approval = Approval(
                incidentID: incidentID, stepID: stepID, title: title, state: .pending, requestedAt: now,
                expiresAt: now.addingTimeInterval(PostgresLedger.approvalLifetime))
            try await connection.query(
                try PostgresRecord.insert(approval, into: "approval", omitting: ["id"], onConflict: "DO NOTHING"),
                logger: logger)
        }
        var approvalIDs: [StepID: ApprovalID] = [:]
        if effects.notifications.contains(where: { $0.approvalStepID != nil }) {
            let rows = try await connection.query(
                "SELECT id, step_id FROM approval WHERE incident_id = \(incidentID.rawValue)", logger: logger)
            for try await (approvalID, stepID) in rows.decode((Int64, String).self) {
                approvalIDs[StepID(stepID)] = ApprovalID(approvalID)
            }
        }
        var queued = 0
        for planned in PlannedNotification.grouped(effects.notifications) {
            let entry = OutboxEntry(planned, approvalID: planned.approvalStepID.flatMap { approvalIDs[$0] }, at: now)
            if try await PostgresOutbox.queue(entry, on: connection, logger: logger) { queued += 1 }
        }
        for entry in effects.timeline {
            let event = TimelineEvent(incidentID: incidentID, at: now, actor: entry.actor, fact: entry.fact)
            try await connection.query(
                try PostgresRecord.insert(event, into: "timeline_event", omitting: ["id"]), logger: logger)
        }
        if queued > 0 { try await connection.query("NOTIFY \(unescaped: PostgresStore.outboxChannel)", logger: logger) }
        return queued
    }

    /// How long an approval request stays answerable.
    static let approvalLifetime: TimeInterval = 24 * 3600

    // MARK: - Loading

    /// What the decider needs of an incident, its row locked for the rest of the transaction.
    func state(
        _ connection: PostgresConnection, _ id: IncidentID, followUps: Bool = false, paged: Bool = false,
        decisionActed: Bool = false
    ) async throws -> IncidentState {
        guard
            let incident = try await PostgresStore.fetch(
                Incident.self, "SELECT * FROM incident WHERE id = \(id.rawValue) FOR UPDATE", on: connection,
                logger: logger
            ).first
        else { throw IncidentError.notFound(id) }
        return try await state(
            connection, incident, followUps: followUps, paged: paged, decisionActed: decisionActed)
    }

    func state(
        _ connection: PostgresConnection, _ incident: Incident, followUps: Bool = false, paged: Bool = false,
        decisionActed: Bool = false
    ) async throws -> IncidentState {
        guard let id = incident.id else { throw StoreError(code: .notFound, key: "storage.unsaved_incident") }
        let steps = try await PostgresStore.fetch(
            RunStep.self, "SELECT * FROM run_step WHERE incident_id = \(id.rawValue) ORDER BY position",
            on: connection, logger: logger)
        let postMortem = try await PostgresStore.fetch(
            PostMortem.self, "SELECT * FROM post_mortem WHERE incident_id = \(id.rawValue)", on: connection,
            logger: logger
        ).first
        let followUpRows =
            followUps
            ? try await PostgresStore.fetch(
                FollowUp.self, "SELECT * FROM follow_up WHERE incident_id = \(id.rawValue) ORDER BY id",
                on: connection, logger: logger) : []
        return IncidentState(
            incident: incident, steps: steps, postMortem: postMortem, followUps: followUpRows,
            paged: paged ? try await pagedRecipients(connection, id) : [],
            decisionActed: decisionActed ? try await self.decisionActed(connection, id) : false)
    }

    /// The people paged about an incident so far, once each.
    func pagedRecipients(_ connection: PostgresConnection, _ id: IncidentID) async throws -> [Recipient] {
        let rows = try await connection.query(
            """
            SELECT recipient::text, (message -> 'mentions')::text FROM notification
            WHERE incident_id = \(id.rawValue) AND kind IN ('page', 'raised', 'escalation') ORDER BY id
            """, logger: logger)
        let decoder = JSONDecoder()
        var seen = Set<PersonID>()
        var recipients: [Recipient] = []
        for try await (recipient, mentions) in rows.decode((String, String?).self) {
            let people =
                if let mentions, mentions != "null" {
                    try decoder.decode([Recipient].self, from: Data(mentions.utf8))
                } else {
                    [try decoder.decode(Recipient.self, from: Data(recipient.utf8))]
                }
            recipients += people.filter { seen.insert($0.id).inserted }
        }
        return recipients
    }

    /// Whether the decision layer has acted: done a step, answered an approval or given an instruction.
    func decisionActed(_ connection: PostgresConnection, _ id: IncidentID) async throws -> Bool {
        let rows = try await connection.query(
            """
            SELECT EXISTS (SELECT 1 FROM run_step
                           WHERE incident_id = \(id.rawValue) AND owner = 'decision' AND done_at IS NOT NULL)
                OR EXISTS (SELECT 1 FROM approval
                           WHERE incident_id = \(id.rawValue) AND state IN ('approved', 'rejected'))
                OR EXISTS (SELECT 1 FROM timeline_event WHERE incident_id = \(id.rawValue) AND kind = 'instruction')
            """, logger: logger)
        for try await acted in rows.decode(Bool.self) { return acted }
        return false
    }
}
