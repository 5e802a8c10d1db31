import BeaconCore
public import Foundation
import PostgresNIO

extension PostgresLedger {
    /// Fires every deadline due at `now`, each in its own transaction with what it causes. A deadline is taken
    /// with `FOR UPDATE SKIP LOCKED` and marked fired in the transaction that acts on it, so of several nodes
    /// exactly one fires it, and a node dying mid-way leaves it unfired for the others.
    @discardableResult
    public func fireDueDeadlines(at now: Date, limit: Int) async throws -> (fired: Int, queued: Int) {
        guard planner != nil else { return (0, 0) }
        let due = try await store.fetch(
            Deadline.self,
            "SELECT * FROM deadline WHERE fired_at IS NULL AND due_at <= \(now) ORDER BY due_at, id LIMIT \(limit)")
        var fired = 0
        var queued = 0
        for deadline in due {
            guard let deadlineID = deadline.id else { continue }
            let outcome: Int? = try await store.transaction { connection in
                guard
                    let current = try await PostgresStore.fetch(
                        Deadline.self,
                        "SELECT * FROM deadline WHERE id = \(deadlineID) AND fired_at IS NULL FOR UPDATE SKIP LOCKED",
                        on: connection, logger: logger
                    ).first
                else { return nil }
                guard
                    let incident = try await PostgresStore.fetch(
                        Incident.self, "SELECT * FROM incident WHERE id = \(current.incidentID.rawValue) FOR UPDATE",
                        on: connection, logger: logger
                    ).first
                else {
                    try await connection.query(
                        "UPDATE deadline SET fired_at = \(now) WHERE id = \(deadlineID)", logger: logger)
                    return 0
                }
                let state = try await self.state(connection, incident, decisionActed: true)
                let (done, decision) = try await decider(connection, at: now).fire(current, of: state, at: now)
                try await connection.query(try PostgresRecord.update(done, in: "deadline", key: ["id"]), logger: logger)
                return try await record(connection, decision, over: state, at: now).queued
            }
            guard let outcome else { continue }
            fired += 1
            queued += outcome
        }
        return (fired, queued)
    }

    /// Reminds the owners of follow-ups open past their due date, as the SQLite ledger does; each reminder is a
    /// deadline row whose unique key lets one node, once, send it.
    @discardableResult
    public func remindOverdueFollowUps(at now: Date, limit: Int) async throws -> (reminded: Int, queued: Int) {
        guard let planner else { return (0, 0) }
        let every = max(planner.config.postMortem.followUpRemindEvery.seconds, 60)
        let overdue = try await store.fetch(
            FollowUp.self,
            """
            SELECT * FROM follow_up f
            WHERE f.status = 'open' AND f.due_at <= \(now) AND NOT EXISTS (
                SELECT 1 FROM deadline d
                WHERE d.incident_id = f.incident_id AND d.kind = 'follow_up_overdue'
                    AND d.step_id = 'follow-up:' || f.id
                    AND d.occurrence = 1 + floor(extract(epoch FROM (\(now) - f.due_at)) / \(every))::integer)
            ORDER BY f.due_at LIMIT \(limit)
            """)
        var reminded = 0
        var queued = 0
        for followUp in overdue {
            guard let followUpID = followUp.id else { continue }
            let occurrence = 1 + Int(now.timeIntervalSince(followUp.dueAt) / every)
            let sent: Int? = try await store.transaction { connection in
                guard
                    let current = try await PostgresStore.fetch(
                        FollowUp.self, "SELECT * FROM follow_up WHERE id = \(followUpID)", on: connection,
                        logger: logger
                    ).first
                else { return nil }
                let state = try await self.state(connection, current.incidentID)
                guard
                    let (deadline, decision) = try await decider(connection, at: now).remind(
                        current, of: state, occurrence: occurrence, every: every, at: now)
                else { return nil }
                let inserted = try await connection.query(
                    try PostgresRecord.insert(
                        deadline, into: "deadline", omitting: ["id"], returning: "id", onConflict: "DO NOTHING"),
                    logger: logger)
                var claimed = false
                for try await _ in inserted.decode(Int64.self) { claimed = true }
                guard claimed else { return nil }
                return try await record(connection, decision, over: state, at: now).queued
            }
            guard let sent else { continue }
            reminded += 1
            queued += sent
        }
        return (reminded, queued)
    }

    /// Where the last handoff check ended, in the `setting` table.
    static let handoffCheckpoint = "handoffs.checked_through"
    /// The advisory lock the handoff check runs under: one node at a time tells a shift change.
    static let handoffLock: Int64 = 0x6265_6163_0001

    /// Queues the messages of every shift change since the last check, as the SQLite ledger does: the checkpoint
    /// and the messages commit together under a cluster-wide lock, and each message's key names the roster and
    /// the instant, so neither a restart nor a second node tells a change twice.
    public func announceHandoffs(at now: Date) async throws -> Int {
        guard let planner, !planner.config.rosters.isEmpty else { return 0 }
        let config = planner.config
        return try await store.transaction { connection in
            let locked = try await connection.query(
                "SELECT pg_try_advisory_xact_lock(\(Self.handoffLock))", logger: logger)
            var mine = false
            for try await got in locked.decode(Bool.self) { mine = got }
            guard mine else { return 0 }
            var checked: Date?
            let rows = try await connection.query(
                "SELECT convert_from(value, 'UTF8') FROM setting WHERE key = \(Self.handoffCheckpoint)", logger: logger)
            for try await text in rows.decode(String.self) {
                checked = Double(text).map(Date.init(timeIntervalSince1970:))
            }
            try await connection.query(
                """
                INSERT INTO setting (key, value) VALUES (\(Self.handoffCheckpoint),
                    convert_to(\(String(now.timeIntervalSince1970)), 'UTF8'))
                ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """, logger: logger)
            guard let checked else { return 0 }
            let from = max(checked, now.addingTimeInterval(-BeaconConfig.handoffLookback))
            guard now > from else { return 0 }
            let overrides = try await PostgresStore.fetch(
                RosterOverride.self,
                """
                SELECT * FROM roster_override
                WHERE removed_at IS NULL AND to_at > \(from) AND from_at <= \(now.addingTimeInterval(14 * 86_400))
                """, on: connection, logger: logger)
            let handoffs = config.handoffs(after: from, through: now, overrides: overrides)
            guard !handoffs.isEmpty else { return 0 }
            let planner = CommandPlanner(config: config, overrides: overrides)
            var queued = 0
            for handoff in handoffs {
                let held = try await incidents(connection, heldBy: handoff.layer, paging: planner)
                for planned in PlannedNotification.grouped(planner.handoff(handoff, holding: held, at: now)) {
                    let entry = OutboxEntry(planned, approvalID: nil, at: now)
                    if try await PostgresOutbox.queue(entry, on: connection, logger: logger) { queued += 1 }
                }
            }
            if queued > 0 {
                try await connection.query("NOTIFY \(unescaped: PostgresStore.outboxChannel)", logger: logger)
            }
            return queued
        }
    }

    /// The open incidents a layer holds: those whose severity pages it, and those it was paged on since, most
    /// severe first, then oldest.
    private func incidents(
        _ connection: PostgresConnection, heldBy layer: Layer, paging planner: CommandPlanner
    ) async throws -> [Incident] {
        let active = IncidentStatus.active.map(\.rawValue)
        let open = try await PostgresStore.fetch(
            Incident.self, "SELECT * FROM incident WHERE status = ANY(\(active))", on: connection, logger: logger)
        let rows = try await connection.query(
            """
            SELECT DISTINCT n.incident_id FROM notification n JOIN incident i ON i.id = n.incident_id
            WHERE i.status = ANY(\(active)) AND n.layer = \(layer.rawValue)
              AND n.kind IN ('page', 'raised', 'escalation')
            """, logger: logger)
        var paged = Set<Int64>()
        for try await id in rows.decode(Int64.self) { paged.insert(id) }
        return open.filter { incident in
            planner.paged(incident.severity).contains(layer) || incident.id.map { paged.contains($0.rawValue) } == true
        }.sorted { $0.severity != $1.severity ? $0.severity > $1.severity : $0.openedAt < $1.openedAt }
    }
}
