import BeaconCore
public import Foundation
import GRDB

extension IncidentLedger {
    /// Opens the post-mortem of an incident that resolved, with the deadlines that chase it, in the resolving
    /// transaction. Without a planner it opens with the default policy and nobody is reminded.
    /// - Returns: `nil` when the incident already has one.
    @discardableResult
    static func openPostMortem(
        _ db: Database, _ incident: Incident, planner: CommandPlanner?, calendar: Calendar, at now: Date
    ) throws -> PostMortem? {
        guard let id = incident.id, try PostMortem.fetchOne(db, key: id.rawValue) == nil else { return nil }
        let postMortem: PostMortem
        if let planner {
            let (planned, deadlines) = planner.postMortem(for: incident, at: now)
            postMortem = planned
            for var deadline in deadlines { try deadline.insert(db, onConflict: .ignore) }
        } else {
            let due = WorkingDays.add(PostMortem.defaultWorkingDays, to: now, in: calendar)
            postMortem = PostMortem(incidentID: id, dueAt: due, createdAt: now)
        }
        try postMortem.insert(db)
        let day = LocalDay(postMortem.dueAt, in: planner?.config.calendar ?? calendar)
        var event = TimelineEvent(
            incidentID: id, at: now, actor: TimelineEvent.system,
            fact: .postMortemOpened(owner: postMortem.owner, due: day))
        try event.insert(db)
        return postMortem
    }

    /// Refuses to close an incident whose post-mortem lacks a root cause, or lacks both a follow-up and a reason
    /// why none is needed; the error names what is missing.
    static func checkClosable(_ db: Database, _ id: IncidentID) throws {
        guard let postMortem = try PostMortem.fetchOne(db, key: id.rawValue) else {
            throw IncidentError(
                code: .invalidTransition, message: "Incident \(id) cannot close: it has no post-mortem yet.")
        }
        let followUps = try FollowUp.filter(Column("incident_id") == id.rawValue).fetchAll(db)
        let missing = postMortem.missingForClose(followUps: followUps)
        guard missing.isEmpty else {
            throw IncidentError(
                code: .invalidTransition,
                message: "Incident \(id) cannot close: its post-mortem needs \(missing.joined(separator: " and ")).")
        }
    }

    /// Reminds the owners of follow-ups open past their due date: once when the date passes, then again every
    /// `follow_up_remind_every` while they stay open. Each reminder is recorded as a fired deadline in the
    /// transaction that queues it, so a restart never sends one twice.
    /// - Returns: how many reminders went out and how many notifications they queued.
    @discardableResult
    public func remindOverdueFollowUps(at now: Date, limit: Int = 500) throws -> (reminded: Int, queued: Int) {
        guard let planner else { return (0, 0) }
        let every = max(planner.config.postMortem.followUpRemindEvery.seconds, 60)
        let overdue = try store.writer.read { db in
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
            queued += try store.writer.write { db -> Int in
                guard let current = try FollowUp.fetchOne(db, key: followUpID), current.status == .open,
                    current.dueAt <= now,
                    let incident = try Incident.fetchOne(db, key: current.incidentID.rawValue),
                    let postMortem = try PostMortem.fetchOne(db, key: current.incidentID.rawValue)
                else { return 0 }
                var deadline = Deadline(
                    incidentID: current.incidentID, kind: .followUpOverdue, layer: postMortem.owner,
                    stepID: "follow-up:\(followUpID)", occurrence: occurrence,
                    dueAt: current.dueAt.addingTimeInterval(Double(occurrence - 1) * every))
                deadline.firedAt = now
                try deadline.insert(db, onConflict: .ignore)
                guard db.changesCount == 1 else { return 0 }
                reminded += 1
                let effects = planner.followUpOverdue(
                    current, incident: incident, postMortemOwner: postMortem.owner, occurrence: occurrence, at: now)
                return try Self.persist(db, effects, incidentID: current.incidentID, at: now)
            }
        }
        return (reminded, queued)
    }
}
