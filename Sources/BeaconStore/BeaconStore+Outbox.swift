public import BeaconCore
public import Foundation
import GRDB

extension BeaconStore {
    /// Notifications due for an attempt, oldest first, leaving out those in `busy` (attempts in flight).
    ///
    /// The dispatcher asks after every finished attempt, so the statement is fixed and cached: the busy ids go
    /// in as one JSON array argument rather than as a different `NOT IN (…)` list each time.
    public func dueNotifications(at now: Date, limit: Int, excluding busy: Set<Int64> = []) throws -> [OutboxEntry] {
        try writer.read { db in
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

    /// Moves pending notifications to `until` (their channel's rate limit lets nothing through before then).
    public func postpone(_ ids: [Int64], until: Date) throws {
        guard !ids.isEmpty else { return }
        try writer.write { db in
            _ = try OutboxEntry.filter(ids.contains(Column("id")) && Column("state") == "pending")
                .updateAll(db, Column("next_attempt_at").set(to: until.timeIntervalSince1970))
        }
    }

    /// Pending notifications by channel: what `/metrics` and the dashboard show while a channel holds them back.
    public func outboxDepthByChannel() throws -> [String: Int] {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT channel_id, COUNT(*) AS n FROM notification WHERE state = 'pending' GROUP BY channel_id")
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["channel_id"] as String, $0["n"] as Int) })
        }
    }

    /// When the next pending notification is due, if any.
    public func nextNotificationDue() throws -> Date? {
        try writer.read { db in
            try Double.fetchOne(db, sql: "SELECT MIN(next_attempt_at) FROM notification WHERE state = 'pending'")
                .map(Date.init(timeIntervalSince1970:))
        }
    }

    /// The outbox of one incident, oldest first.
    public func notifications(_ id: IncidentID) throws -> [OutboxEntry] {
        try writer.read { db in
            try OutboxEntry.filter(Column("incident_id") == id.rawValue).order(Column("id")).fetchAll(db)
        }
    }

    /// How many notifications wait to be sent.
    public func outboxDepth() throws -> Int {
        try writer.read { db in try OutboxEntry.filter(Column("state") == "pending").fetchCount(db) }
    }

    /// Records a delivered notification and its timeline entry; nothing when the row is no longer pending.
    ///
    /// One cached `UPDATE` rather than fetch, decode, encode and save: the outbox's hottest write.
    public func recordDelivered(_ entry: OutboxEntry, detail: String, at now: Date) throws {
        guard let id = entry.id else { return }
        try writer.write { db in
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
            try Self.note(db, entry, at: now, .delivered(entry.attempt(attempts), detail: detail))
        }
    }

    /// Records a failed attempt: a retry at `retryAt`, or, when `retryAt` is `nil`, giving up on this channel and
    /// queueing every channel in `fallovers` (none: nobody else to try). For a
    /// group message, each person it named falls over to their own next channel, and those whose next channel is
    /// the same group share one message again.
    public func recordFailed(
        _ entry: OutboxEntry, reason: String, retryAt: Date?, fallovers: [Fallover], at now: Date
    ) throws {
        try writer.write { db in
            guard var current = try OutboxEntry.fetchOne(db, key: entry.id), current.state == .pending else { return }
            current.attempts += 1
            current.lastError = reason
            let attempt = current.attempt(current.attempts)
            if let retryAt {
                current.nextAttemptAt = retryAt
                try current.update(db)
                let wait = max(retryAt.timeIntervalSince(now), 0)
                try Self.note(db, current, at: now, .retrying(attempt, reason: reason, retryIn: wait))
                return
            }
            current.state = .failed
            try current.update(db)
            guard !fallovers.isEmpty else {
                try Self.note(db, current, at: now, .gaveUp(attempt, reason: reason, fallovers: []))
                return
            }
            for fallover in fallovers {
                var next = current.fallingOver(to: fallover)
                next.nextAttemptAt = now
                next.createdAt = now
                try next.insert(db, onConflict: .ignore)
            }
            try Self.note(
                db, current, at: now, .gaveUp(attempt, reason: reason, fallovers: fallovers.map(\.channelID)))
        }
    }

    /// Channels whose latest attempts all failed, with the latest reason: reported, never silently dropped.
    public func failingChannels(since: Date) throws -> [String: String] {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT channel_id, state, last_error FROM notification
                    WHERE created_at >= ? AND attempts > 0 ORDER BY id
                    """, arguments: [since.timeIntervalSince1970])
            var latest: [String: String?] = [:]
            for row in rows {
                let channel: String = row["channel_id"]
                latest[channel] = (row["state"] as String) == "delivered" ? nil : (row["last_error"] as String?)
            }
            return latest.compactMapValues { $0 }
        }
    }

    /// Active incidents on which nobody has been reached: attempts were made and failed, and not one
    /// notification was delivered. What the dashboard's banner and `/healthz` report.
    public func unreachedIncidents() throws -> [(id: IncidentID, title: String)] {
        let active = IncidentStatus.active.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, title FROM incident i
                    WHERE status IN (\(active))
                    AND EXISTS (SELECT 1 FROM notification n
                                WHERE n.incident_id = i.id AND n.attempts > 0 AND n.last_error IS NOT NULL)
                    AND NOT EXISTS (SELECT 1 FROM notification n WHERE n.incident_id = i.id AND n.state = 'delivered')
                    ORDER BY id
                    """
            ).map { (IncidentID($0["id"] as Int64), $0["title"] as String) }
        }
    }

    private static func note(_ db: Database, _ entry: OutboxEntry, at now: Date, _ fact: TimelineFact) throws {
        var event = TimelineEvent(incidentID: entry.incidentID, at: now, actor: TimelineEvent.system, fact: fact)
        try event.insert(db)
    }

    /// A secret kept in the store, made on first use (the key that signs approval links).
    public func secret(_ name: String, bytes: Int = 32) throws -> [UInt8] {
        try writer.write { db in
            if let existing = try Data.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [name]) {
                return Array(existing)
            }
            var generator = SystemRandomNumberGenerator()
            let value = (0..<bytes).map { _ in UInt8.random(in: 0...255, using: &generator) }
            try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?)", arguments: [name, Data(value)])
            return value
        }
    }
}

/// Where a notification that gave up on its channel goes next.
public struct Fallover: Sendable, Hashable {
    public var channelID: String
    /// The channel's place in the (first) person's list.
    public var index: Int
    /// Who the new notification is for; empty for "the same person" (a personal notification's next channel).
    public var recipients: [Recipient]
    /// Whether the channel is a group one, where one message names every recipient.
    public var group: Bool

    public init(channelID: String, index: Int, recipients: [Recipient], group: Bool) {
        self.channelID = channelID
        self.index = index
        self.recipients = recipients
        self.group = group
    }
}

extension OutboxEntry {
    /// The pending notification that takes over from this one on `fallover`'s channel.
    func fallingOver(to fallover: Fallover) -> OutboxEntry {
        var next = self
        next.id = nil
        next.channelID = fallover.channelID
        next.channelIndex = fallover.index
        next.state = .pending
        next.attempts = 0
        next.lastError = nil
        // A group message's base key names no person (`incident-12/page`); a personal one's does.
        let wasGroup = message.mentions != nil
        let purposeKey = wasGroup ? baseKey : String(baseKey[..<(baseKey.lastIndex(of: "/") ?? baseKey.endIndex)])
        if fallover.recipients.isEmpty {
            next.idempotencyKey = "\(baseKey)/\(fallover.channelID)"
        } else if fallover.group {
            next.message.mentions = fallover.recipients
            next.recipient = fallover.recipients[0]
            next.person = fallover.recipients[0].login ?? fallover.recipients[0].name
            next.layer = fallover.recipients[0].layer
            next.baseKey = purposeKey
            next.idempotencyKey = "\(purposeKey)/\(fallover.channelID)"
        } else {
            let person = fallover.recipients[0]
            next.message.mentions = nil
            next.recipient = person
            next.person = person.login ?? person.name
            next.layer = person.layer
            next.baseKey = "\(purposeKey)/\(PlannedNotification.personKey(person))"
            next.idempotencyKey = "\(next.baseKey)/\(fallover.channelID)"
        }
        return next
    }
}

extension OutboxEntry {
    /// The `attempt`th attempt of this notification, as the timeline records it.
    func attempt(_ attempt: Int) -> NotificationAttempt {
        NotificationAttempt(kind: kind, recipient: recipient.name, layer: layer, channel: channelID, attempt: attempt)
    }
}
