import BeaconCore
public import Foundation
import GRDB

extension IncidentLedger {
    /// How long an approval request stays answerable.
    public static let approvalLifetime: TimeInterval = 24 * 3600

    /// Stores what a change set in motion, inside the change's transaction.
    /// - Returns: the number of notifications queued.
    @discardableResult
    static func persist(_ db: Database, _ effects: CommandEffects, incidentID: IncidentID, at now: Date) throws -> Int {
        if var postMortem = effects.postMortem { try postMortem.insert(db) }
        for var step in effects.steps { try step.save(db) }
        for deadline in effects.deadlines {
            var deadline = deadline
            try deadline.insert(db, onConflict: .ignore)
        }
        var approvalIDs: [StepID: ApprovalID] = [:]
        for stepID in effects.approvals {
            let title =
                try String.fetchOne(
                    db, sql: "SELECT title FROM run_step WHERE incident_id = ? AND step_id = ?",
                    arguments: [incidentID.rawValue, stepID.rawValue]) ?? stepID.rawValue
            var approval = Approval(
                incidentID: incidentID, stepID: stepID, title: title, state: .pending, requestedAt: now,
                expiresAt: now.addingTimeInterval(approvalLifetime))
            try approval.insert(db, onConflict: .ignore)
        }
        for row in try Row.fetchAll(
            db, sql: "SELECT id, step_id FROM approval WHERE incident_id = ?", arguments: [incidentID.rawValue])
        {
            approvalIDs[StepID(row["step_id"])] = ApprovalID(row["id"])
        }
        var queued = 0
        for planned in PlannedNotification.grouped(effects.notifications) {
            var entry = OutboxEntry(planned, approvalID: planned.approvalStepID.flatMap { approvalIDs[$0] }, at: now)
            try entry.insert(db, onConflict: .ignore)
            queued += db.changesCount
        }
        for entry in effects.timeline {
            var event = TimelineEvent(incidentID: incidentID, at: now, actor: entry.actor, fact: entry.fact)
            try event.insert(db)
        }
        return queued
    }

    /// What the decider needs of an incident: it, its run and its post-mortem; the follow-ups, who was paged and
    /// whether the decision layer acted only when asked (they cost more to read, on every change).
    static func state(
        _ db: Database, _ id: IncidentID, followUps: Bool = false, paged: Bool = false, decisionActed: Bool = false
    ) throws -> IncidentState {
        guard let incident = try Incident.fetchOne(db, key: id.rawValue) else { throw IncidentError.notFound(id) }
        return try state(db, incident, followUps: followUps, paged: paged, decisionActed: decisionActed)
    }

    static func state(
        _ db: Database, _ incident: Incident, followUps: Bool = false, paged: Bool = false,
        decisionActed: Bool = false
    ) throws -> IncidentState {
        guard let id = incident.id else { throw StoreError(code: .notFound, key: "storage.unsaved_incident") }
        return IncidentState(
            incident: incident, steps: try steps(db, id), postMortem: try PostMortem.fetchOne(db, key: id.rawValue),
            followUps: followUps ? try FollowUp.filter(Column("incident_id") == id.rawValue).fetchAll(db) : [],
            paged: paged ? try pagedRecipients(db, id) : [],
            decisionActed: decisionActed ? try self.decisionActed(db, id) : false)
    }

    static func steps(_ db: Database, _ id: IncidentID) throws -> [RunStep] {
        try RunStep.filter(Column("incident_id") == id.rawValue).order(Column("position")).fetchAll(db)
    }

    /// The people paged about an incident so far, once each.
    ///
    /// Reads only the recipient and the people a group message names, not whole notifications: every resolved
    /// incident asks, so in an alert storm's recovery this runs a thousand times.
    static func pagedRecipients(_ db: Database, _ id: IncidentID) throws -> [Recipient] {
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT recipient, json_extract(message, '$.mentions') AS mentions FROM notification
                    WHERE incident_id = ? AND kind IN ('page', 'raised', 'escalation') ORDER BY id
                    """), arguments: [id.rawValue])
        let decoder = JSONDecoder()
        var seen = Set<PersonID>()
        return try rows.flatMap { try recipients(of: $0, decoder) }.filter { seen.insert($0.id).inserted }
    }

    /// Everyone a notification row is for (see `OutboxEntry.recipients`), from its `recipient` column and a
    /// `mentions` column selected as `json_extract(message, '$.mentions')`: without decoding the whole message.
    static func recipients(of row: Row, _ decoder: JSONDecoder) throws -> [Recipient] {
        if let mentions = row["mentions"] as String? {
            return try decoder.decode([Recipient].self, from: Data(mentions.utf8))
        }
        return [try decoder.decode(Recipient.self, from: Data((row["recipient"] as String).utf8))]
    }

    /// Whether the decision layer has acted: done a step, answered an approval or given an instruction.
    static func decisionActed(_ db: Database, _ id: IncidentID) throws -> Bool {
        let steps =
            try Int.fetchOne(
                db,
                sql:
                    "SELECT COUNT(*) FROM run_step WHERE incident_id = ? AND owner = 'decision' AND done_at IS NOT NULL",
                arguments: [id.rawValue]) ?? 0
        let answers =
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM approval WHERE incident_id = ? AND state IN ('approved', 'rejected')",
                arguments: [id.rawValue]) ?? 0
        let instructions =
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM timeline_event WHERE incident_id = ? AND kind = 'instruction'",
                arguments: [id.rawValue]) ?? 0
        return steps + answers + instructions > 0
    }
}
