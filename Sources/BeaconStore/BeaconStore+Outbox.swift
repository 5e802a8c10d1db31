package import BeaconCore
package import Foundation
import GRDB

extension BeaconStore {
    /// Pending notifications by channel: what `/metrics` and the dashboard show while a channel holds them back.
    package func outboxDepthByChannel() throws -> [String: Int] {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT channel_id, COUNT(*) AS n FROM notification WHERE state = 'pending' GROUP BY channel_id")
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["channel_id"] as String, $0["n"] as Int) })
        }
    }

    /// When the next pending notification is due, if any.
    package func nextNotificationDue() throws -> Date? {
        try writer.read { db in
            try Double.fetchOne(db, sql: "SELECT MIN(next_attempt_at) FROM notification WHERE state = 'pending'")
                .map(Date.init(timeIntervalSince1970:))
        }
    }

    /// The outbox of one incident, oldest first.
    package func notifications(_ id: IncidentID) throws -> [OutboxEntry] {
        try writer.read { db in
            try OutboxEntry.filter(Column("incident_id") == id.rawValue).order(Column("id")).fetchAll(db)
        }
    }

    /// The notifications about `scope` (`roster-cs-duty`, `user-zhangmin`): those about no incident.
    package func notifications(scope: String) throws -> [OutboxEntry] {
        try writer.read { db in
            try OutboxEntry.filter(sql: "substr(idempotency_key, 1, ?) = ?", arguments: [scope.count + 1, scope + "/"])
                .order(Column("id")).fetchAll(db)
        }
    }

    /// How many notifications wait to be sent.
    package func outboxDepth() throws -> Int {
        try writer.read { db in try OutboxEntry.filter(Column("state") == "pending").fetchCount(db) }
    }

    /// Channels whose latest attempts all failed, with the latest reason: reported, never silently dropped.
    package func failingChannels(since: Date) throws -> [String: String] {
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
    package func unreachedIncidents() throws -> [(id: IncidentID, title: String)] {
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

    /// Tells an attempt on the timeline of the incident the notification is about; a handoff or an invitation has
    /// none (its row keeps the attempts).
    static func note(_ db: Database, _ entry: OutboxEntry, at now: Date, _ fact: TimelineFact) throws {
        guard let incidentID = entry.incidentID else { return }
        var event = TimelineEvent(incidentID: incidentID, at: now, actor: TimelineEvent.system, fact: fact)
        try event.insert(db)
    }
}
