import BeaconCore
public import Foundation
import GRDB

extension IncidentLedger {
    /// Reminds the owners of follow-ups open past their due date: once when the date passes, then again every
    /// `follow_up_remind_every` while they stay open. Each reminder is recorded as a fired deadline in the
    /// transaction that queues it, so a restart never sends one twice.
    /// - Returns: how many reminders went out and how many notifications they queued.
    @discardableResult
    public func remindOverdueFollowUps(at now: Date, limit: Int) async throws -> (reminded: Int, queued: Int) {
        guard let planner else { return (0, 0) }
        let every = max(planner.config.postMortem.followUpRemindEvery.seconds, 60)
        let overdue = try await store.writer.read { db in
            try FollowUp.fetchAll(
                db,
                sql: """
                    SELECT * FROM follow_up f
                    WHERE f.status = 'open' AND f.due_at <= :now AND NOT EXISTS (
                        SELECT 1 FROM deadline d
                        WHERE d.incident_id = f.incident_id AND d.kind = 'follow_up_overdue'
                            AND d.step_id = 'follow-up:' || f.id
                            AND d.occurrence = 1 + CAST((:now - f.due_at) / :every AS INTEGER))
                    ORDER BY f.due_at LIMIT :limit
                    """,
                arguments: ["now": now.timeIntervalSince1970, "every": every, "limit": limit])
        }
        var reminded = 0
        var queued = 0
        for followUp in overdue {
            guard let followUpID = followUp.id else { continue }
            let occurrence = 1 + Int(now.timeIntervalSince(followUp.dueAt) / every)
            let sent = try await store.writer.write { db -> Int? in
                guard let current = try FollowUp.fetchOne(db, key: followUpID) else { return nil }
                let state = try Self.state(db, current.incidentID)
                guard
                    let (deadline, decision) = try decider(db, at: now).remind(
                        current, of: state, occurrence: occurrence, every: every, at: now)
                else { return nil }
                var reminder = deadline
                try reminder.insert(db, onConflict: .ignore)
                guard db.changesCount == 1 else { return nil }
                return try record(db, decision, over: state, at: now).queued
            }
            guard let sent else { continue }
            reminded += 1
            queued += sent
        }
        return (reminded, queued)
    }
}
