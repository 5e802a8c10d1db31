public import BeaconCore
public import Foundation
import PostgresNIO

extension PostgresStore {
    /// The outbox of this store, as this node's dispatcher works it.
    public var outbox: PostgresOutbox { PostgresOutbox(store: self) }
}

/// The outbox in PostgreSQL, shared by every node: work is claimed, not copied.
///
/// `due` claims the rows it hands out (`FOR UPDATE SKIP LOCKED`, then `claimed_by` and a lease), so two nodes
/// asking at once get different notifications; recording an attempt releases the claim. A node that dies holding
/// claims leaves them to the others when the lease runs out: at most its in-flight notifications go out twice,
/// each with its idempotency key.
public struct PostgresOutbox: OutboxRepository, OutboxFigures {
    let store: PostgresStore

    private var logger: Logger { store.logger }

    public func due(at now: Date, limit: Int, excluding busy: Set<Int64>) async throws -> [OutboxEntry] {
        let until = now.addingTimeInterval(store.lease)
        let rows = try await store.client.query(
            """
            UPDATE notification SET claimed_by = \(store.node), claimed_until = \(until)
            WHERE id IN (
                SELECT id FROM notification
                WHERE state = 'pending' AND next_attempt_at <= \(now)
                  AND (claimed_until IS NULL OR claimed_until <= \(now) OR claimed_by = \(store.node))
                  AND NOT (id = ANY(\(Array(busy))))
                ORDER BY next_attempt_at, id LIMIT \(limit)
                FOR UPDATE SKIP LOCKED)
            RETURNING *
            """, logger: logger)
        return try await Self.entries(rows).sorted { ($0.nextAttemptAt, $0.id ?? 0) < ($1.nextAttemptAt, $1.id ?? 0) }
    }

    public func postpone(_ ids: [Int64], until: Date) async throws {
        guard !ids.isEmpty else { return }
        try await store.client.query(
            """
            UPDATE notification SET next_attempt_at = \(until), claimed_by = NULL, claimed_until = NULL
            WHERE id = ANY(\(ids)) AND state = 'pending'
            """, logger: logger)
    }

    public func recordDelivered(_ entry: OutboxEntry, detail: String, at now: Date) async throws {
        guard let id = entry.id else { return }
        try await store.transaction { connection in
            let rows = try await connection.query(
                """
                UPDATE notification
                SET state = 'delivered', attempts = attempts + 1, delivered_at = \(now), last_error = NULL,
                    claimed_by = NULL, claimed_until = NULL
                WHERE id = \(id) AND state = 'pending'
                RETURNING attempts
                """, logger: logger)
            var attempts: Int?
            for try await count in rows.decode(Int.self) { attempts = count }
            guard let attempts else { return }
            try await Self.note(
                entry, at: now, .delivered(entry.attempt(attempts), detail: detail), on: connection, logger: logger)
            if entry.kind == .invitation { try await forgetLink(of: entry, on: connection) }
        }
    }

    /// What an invitation's rows keep of its link once it reached its person: nothing usable.
    static let forgottenLink = "(sent; the link is not kept)"

    private func forgetLink(of entry: OutboxEntry, on connection: PostgresConnection) async throws {
        let rows = try await connection.query(
            "SELECT * FROM notification WHERE base_key = \(entry.baseKey) FOR UPDATE", logger: logger)
        for var row in try await Self.entries(rows) {
            guard let link = row.message.invitation?.url, link != Self.forgottenLink else { continue }
            row.message.invitation?.url = Self.forgottenLink
            row.message.text = row.message.text.replacingOccurrences(of: link, with: Self.forgottenLink)
            try await connection.query(try PostgresRecord.update(row, in: "notification", key: ["id"]), logger: logger)
        }
    }

    public func recordFailed(
        _ entry: OutboxEntry, reason: String, retryAt: Date?, fallovers: [Fallover], at now: Date
    ) async throws {
        guard let id = entry.id else { return }
        try await store.transaction { connection in
            let rows = try await connection.query(
                "SELECT * FROM notification WHERE id = \(id) AND state = 'pending' FOR UPDATE", logger: logger)
            guard var current = try await Self.entries(rows).first else { return }
            current.attempts += 1
            current.lastError = reason
            let attempt = current.attempt(current.attempts)
            if let retryAt {
                current.nextAttemptAt = retryAt
                try await connection.query(
                    """
                    UPDATE notification SET attempts = \(current.attempts), last_error = \(reason),
                        next_attempt_at = \(retryAt), claimed_by = NULL, claimed_until = NULL
                    WHERE id = \(id)
                    """, logger: logger)
                let wait = max(retryAt.timeIntervalSince(now), 0)
                try await Self.note(
                    current, at: now, .retrying(attempt, reason: reason, retryIn: wait), on: connection, logger: logger)
                return
            }
            try await connection.query(
                """
                UPDATE notification SET attempts = \(current.attempts), last_error = \(reason), state = 'failed',
                    claimed_by = NULL, claimed_until = NULL
                WHERE id = \(id)
                """, logger: logger)
            current.state = .failed
            for fallover in fallovers {
                var next = current.fallingOver(to: fallover)
                next.nextAttemptAt = now
                next.createdAt = now
                try await Self.queue(next, on: connection, logger: logger)
            }
            try await Self.note(
                current, at: now, .gaveUp(attempt, reason: reason, fallovers: fallovers.map(\.channelID)),
                on: connection, logger: logger)
        }
    }

    public func approval(_ id: ApprovalID) async throws -> Approval? {
        let rows = try await store.client.query("SELECT * FROM approval WHERE id = \(id.rawValue)", logger: logger)
        for try await row in rows { return try PostgresRecord.decode(Approval.self, from: row) }
        return nil
    }

    public func createShortLink(
        codeHash: String, approvalID: ApprovalID, person: PersonID, expiresAt: Date, at now: Date
    ) async throws {
        try await store.client.query(
            """
            INSERT INTO approval_link (code_hash, approval_id, person, expires_at, created_at)
            VALUES (\(codeHash), \(approvalID.rawValue), \(person.rawValue), \(expiresAt), \(now))
            """, logger: logger)
    }

    // MARK: - Figures

    public func depth() async throws -> Int {
        let rows = try await store.client.query(
            "SELECT count(*) FROM notification WHERE state = 'pending'", logger: logger)
        for try await count in rows.decode(Int.self) { return count }
        return 0
    }

    public func depthByChannel() async throws -> [String: Int] {
        let rows = try await store.client.query(
            "SELECT channel_id, count(*) FROM notification WHERE state = 'pending' GROUP BY channel_id",
            logger: logger)
        var depths: [String: Int] = [:]
        for try await (channel, count) in rows.decode((String, Int).self) { depths[channel] = count }
        return depths
    }

    public func failingChannels(since: Date) async throws -> [String: String] {
        let rows = try await store.client.query(
            """
            SELECT DISTINCT ON (channel_id) channel_id, state, last_error FROM notification
            WHERE created_at >= \(since) AND attempts > 0
            ORDER BY channel_id, id DESC
            """, logger: logger)
        var failing: [String: String] = [:]
        for try await (channel, state, error) in rows.decode((String, String, String?).self) where state != "delivered"
        {
            if let error { failing[channel] = error }
        }
        return failing
    }

    public func unreachedIncidents() async throws -> [(id: IncidentID, title: String)] {
        let active = IncidentStatus.active.map(\.rawValue)
        let rows = try await store.client.query(
            """
            SELECT id, title FROM incident i
            WHERE status = ANY(\(active))
              AND EXISTS (SELECT 1 FROM notification n
                          WHERE n.incident_id = i.id AND n.attempts > 0 AND n.last_error IS NOT NULL)
              AND NOT EXISTS (SELECT 1 FROM notification n WHERE n.incident_id = i.id AND n.state = 'delivered')
            ORDER BY id
            """, logger: logger)
        var unreached: [(id: IncidentID, title: String)] = []
        for try await (id, title) in rows.decode((Int64, String).self) { unreached.append((IncidentID(id), title)) }
        return unreached
    }

    // MARK: - Shared with the ledger

    /// Queues `entry` unless a notification with its idempotency key exists: planning the same notice twice, on
    /// one node or two, sends it once.
    /// - Returns: whether it was queued.
    @discardableResult
    static func queue(_ entry: OutboxEntry, on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        let rows = try await connection.query(
            try PostgresRecord.insert(
                entry, into: "notification", omitting: ["id"], returning: "id",
                onConflict: "(idempotency_key) DO NOTHING"),
            logger: logger)
        for try await _ in rows.decode(Int64.self) { return true }
        return false
    }

    /// Tells an attempt on the timeline of the incident the notification is about; a handoff or an invitation has
    /// none (its row keeps the attempts).
    static func note(
        _ entry: OutboxEntry, at now: Date, _ fact: TimelineFact, on connection: PostgresConnection, logger: Logger
    ) async throws {
        guard let incidentID = entry.incidentID else { return }
        let event = TimelineEvent(incidentID: incidentID, at: now, actor: TimelineEvent.system, fact: fact)
        try await connection.query(
            try PostgresRecord.insert(event, into: "timeline_event", omitting: ["id"]), logger: logger)
    }

    static func entries(_ rows: PostgresRowSequence) async throws -> [OutboxEntry] {
        var entries: [OutboxEntry] = []
        for try await row in rows { entries.append(try PostgresRecord.decode(OutboxEntry.self, from: row)) }
        return entries
    }
}
