public import BeaconCore
public import Foundation
import GRDB

extension BeaconStore {
    /// The outbox of this store, as the dispatcher works it.
    public var outbox: SQLiteOutbox { SQLiteOutbox(store: self) }
}

/// The outbox in SQLite: each method one transaction. The dispatcher calls it for every attempt, so it runs on the
/// caller's thread: hopping to GRDB's queues and back for each of thousands of short transactions costs half as
/// much CPU again in the alert-storm benchmark.
public struct SQLiteOutbox: OutboxRepository {
    let store: BeaconStore

    /// Notifications due for an attempt, oldest first, leaving out those in `busy` (attempts in flight).
    ///
    /// The dispatcher asks after every finished attempt, so the statement is fixed and cached: the busy ids go
    /// in as one JSON array argument rather than as a different `NOT IN (…)` list each time.
    public func due(at now: Date, limit: Int, excluding busy: Set<Int64>) async throws -> [OutboxEntry] {
        try onThisThread {
            try store.writer.read { db in
                let statement = try db.cachedStatement(
                    sql: """
                        SELECT * FROM notification
                        WHERE state = 'pending' AND next_attempt_at <= ?
                          AND id NOT IN (SELECT value FROM json_each(?))
                        ORDER BY next_attempt_at, id LIMIT ?
                        """)
                let ids = "[" + busy.map(String.init).joined(separator: ",") + "]"
                return try OutboxEntry.fetchAll(statement, arguments: [now.timeIntervalSince1970, ids, limit])
            }
        }
    }

    /// Moves pending notifications to `until` (their channel's rate limit lets nothing through before then).
    public func postpone(_ ids: [Int64], until: Date) async throws {
        guard !ids.isEmpty else { return }
        try onThisThread {
            try store.writer.write { db in
                _ = try OutboxEntry.filter(ids.contains(Column("id")) && Column("state") == "pending")
                    .updateAll(db, Column("next_attempt_at").set(to: until.timeIntervalSince1970))
            }
        }
    }

    /// Records a delivered notification and its timeline entry; nothing when the row is no longer pending.
    ///
    /// One cached `UPDATE` rather than fetch, decode, encode and save: the outbox's hottest write.
    public func recordDelivered(_ entry: OutboxEntry, detail: String, at now: Date) async throws {
        guard let id = entry.id else { return }
        try onThisThread {
            try store.writer.write { db in
                let statement = try db.cachedStatement(
                    sql: """
                        UPDATE notification
                        SET state = 'delivered', attempts = attempts + 1, delivered_at = ?, last_error = NULL
                        WHERE id = ? AND state = 'pending'
                        RETURNING attempts
                        """)
                guard let attempts = try Int.fetchOne(statement, arguments: [now.timeIntervalSince1970, id]) else {
                    return
                }
                try BeaconStore.note(db, entry, at: now, .delivered(entry.attempt(attempts), detail: detail))
                if entry.kind == .invitation { try Self.forgetLink(of: entry, db) }
            }
        }
    }

    /// What an invitation's rows keep of its link once it reached its person: nothing usable.
    package static let forgottenLink = "(sent; the link is not kept)"

    /// Removes a delivered invitation's one-time link from every row that carried it (the person's other
    /// channels too): the store keeps only the code's hash, and the outbox should not keep a working copy.
    static func forgetLink(of entry: OutboxEntry, _ db: Database) throws {
        for var row in try OutboxEntry.filter(Column("base_key") == entry.baseKey).fetchAll(db) {
            guard let link = row.message.invitation?.url, link != forgottenLink else { continue }
            row.message.invitation?.url = forgottenLink
            row.message.text = row.message.text.replacingOccurrences(of: link, with: forgottenLink)
            try row.update(db)
        }
    }

    /// Records a failed attempt: a retry at `retryAt`, or, when `retryAt` is `nil`, giving up on this channel and
    /// queueing every channel in `fallovers` (none: nobody else to try). For a
    /// group message, each person it named falls over to their own next channel, and those whose next channel is
    /// the same group share one message again.
    public func recordFailed(
        _ entry: OutboxEntry, reason: String, retryAt: Date?, fallovers: [Fallover], at now: Date
    ) async throws {
        try onThisThread {
            try store.writer.write { db in
                guard var current = try OutboxEntry.fetchOne(db, key: entry.id), current.state == .pending else {
                    return
                }
                current.attempts += 1
                current.lastError = reason
                let attempt = current.attempt(current.attempts)
                if let retryAt {
                    current.nextAttemptAt = retryAt
                    try current.update(db)
                    let wait = max(retryAt.timeIntervalSince(now), 0)
                    try BeaconStore.note(db, current, at: now, .retrying(attempt, reason: reason, retryIn: wait))
                    return
                }
                current.state = .failed
                try current.update(db)
                guard !fallovers.isEmpty else {
                    try BeaconStore.note(db, current, at: now, .gaveUp(attempt, reason: reason, fallovers: []))
                    return
                }
                for fallover in fallovers {
                    var next = current.fallingOver(to: fallover)
                    next.nextAttemptAt = now
                    next.createdAt = now
                    try next.insert(db, onConflict: .ignore)
                }
                try BeaconStore.note(
                    db, current, at: now, .gaveUp(attempt, reason: reason, fallovers: fallovers.map(\.channelID)))
            }
        }
    }

    public func approval(_ id: ApprovalID) async throws -> Approval? {
        try onThisThread { try store.writer.read { db in try Approval.fetchOne(db, key: id.rawValue) } }
    }

    public func createShortLink(
        codeHash: String, approvalID: ApprovalID, person: PersonID, expiresAt: Date, at now: Date
    ) async throws {
        try onThisThread {
            try store.writer.write { db in
                try BeaconStore.insertShortLink(
                    db, codeHash: codeHash, approvalID: approvalID, person: person, expiresAt: expiresAt, at: now)
            }
        }
    }
}

/// Runs `body` on the calling thread: inside it GRDB's synchronous API is chosen, even from an async function.
func onThisThread<T>(_ body: () throws -> T) rethrows -> T { try body() }

extension SQLiteOutbox: OutboxFigures {
    public func depth() async throws -> Int { try onThisThread { try store.outboxDepth() } }

    public func depthByChannel() async throws -> [String: Int] { try onThisThread { try store.outboxDepthByChannel() } }

    public func failingChannels(since: Date) async throws -> [String: String] {
        try onThisThread { try store.failingChannels(since: since) }
    }

    public func unreachedIncidents() async throws -> [(id: IncidentID, title: String)] {
        try onThisThread { try store.unreachedIncidents() }
    }
}
