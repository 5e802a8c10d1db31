public import BeaconCore
public import Foundation
import GRDB

extension IncidentLedger {
    /// Marks a playbook step done on behalf of a person of the layer that owns it.
    /// - Throws: `IncidentError` when the step does not exist, belongs to another layer, or is an approval.
    @discardableResult
    public func completeStep(
        _ stepID: StepID, of id: IncidentID, by actor: String, layer: Layer, note: String?, at now: Date
    ) async throws -> RunStep {
        try await store.writer.write { db in
            let state = try Self.state(db, id)
            let decision = try decider(db, at: now).completeStep(
                stepID, of: state, by: actor, layer: layer, note: note, at: now)
            _ = try record(db, decision, over: state, at: now)
            return decision.steps[0]
        }
    }

    /// Answers an approval on behalf of a person of the decision layer. The first answer wins.
    /// - Throws: `IncidentError` when the approval does not exist, the person is not in the decision layer, or
    ///   the approval was already answered or has expired.
    @discardableResult
    public func answer(
        _ approvalID: ApprovalID, approve: Bool, by actor: String, layer: Layer, comment: String?, at now: Date
    ) async throws -> Approval {
        // An approval found expired is recorded so, then refused: the refusal leaves the transaction committed.
        let result: Result<Approval, IncidentError> = try await store.writer.write { db in
            guard let approval = try Approval.fetchOne(db, key: approvalID.rawValue) else {
                return .failure(IncidentError(code: .notFound, message: "No approval \(approvalID)."))
            }
            let state = try Self.state(db, approval.incidentID)
            let decider = try decider(db, at: now)
            let decision: Decision
            do throws(IncidentError) {
                decision = try decider.answer(
                    approval, of: state, approve: approve, by: actor, layer: layer, comment: comment, at: now)
            } catch {
                return .failure(error)
            }
            _ = try record(db, decision, over: state, at: now)
            if let refusal = decision.refusal { return .failure(refusal) }
            return .success(decision.approval ?? approval)
        }
        return try result.get()
    }

    /// Fires every deadline due at `now`, each in its own transaction with what it causes.
    /// - Returns: how many deadlines fired and how many notifications they queued.
    @discardableResult
    public func fireDueDeadlines(at now: Date, limit: Int) async throws -> (fired: Int, queued: Int) {
        guard planner != nil else { return (0, 0) }
        let due = try await store.writer.read { db in
            try Deadline.filter(Column("fired_at") == nil).filter(Column("due_at") <= now.timeIntervalSince1970)
                .order(Column("due_at")).limit(limit).fetchAll(db)
        }
        var queued = 0
        for deadline in due {
            queued += try await store.writer.write { db -> Int in
                guard let current = try Deadline.fetchOne(db, key: deadline.id), current.firedAt == nil else {
                    return 0
                }
                guard let incident = try Incident.fetchOne(db, key: deadline.incidentID.rawValue) else {
                    var fired = current
                    fired.firedAt = now
                    try fired.update(db)
                    return 0
                }
                let state = try Self.state(db, incident, decisionActed: true)
                let (fired, decision) = try decider(db, at: now).fire(current, of: state, at: now)
                try fired.update(db)
                return try record(db, decision, over: state, at: now).queued
            }
        }
        return (due.count, queued)
    }

    /// Pages a layer by hand (by default the next one up), attributed to the person who asked.
    @discardableResult
    public func escalate(
        _ id: IncidentID, to layer: Layer?, by actor: String, note: String?, at now: Date
    ) async throws -> Int {
        try await store.writer.write { db in
            let state = try Self.state(db, id)
            guard let decision = try decider(db, at: now).escalate(state, to: layer, by: actor, note: note, at: now)
            else {
                return 0
            }
            return try record(db, decision, over: state, at: now).queued
        }
    }
}

extension BeaconStore {
    package func runSteps(_ id: IncidentID) throws -> [RunStep] {
        try writer.read { db in try IncidentLedger.steps(db, id) }
    }

    package func approvals(_ id: IncidentID) throws -> [Approval] {
        try writer.read { db in
            try Approval.filter(Column("incident_id") == id.rawValue).order(Column("id")).fetchAll(db)
        }
    }

    package func approval(_ id: ApprovalID) throws -> Approval? {
        try writer.read { db in try Approval.fetchOne(db, key: id.rawValue) }
    }

    package func pendingApprovals() throws -> [Approval] {
        try writer.read { db in try Approval.filter(Column("state") == "pending").order(Column("id")).fetchAll(db) }
    }

    package func deadlines(_ id: IncidentID) throws -> [Deadline] {
        try writer.read { db in
            try Deadline.filter(Column("incident_id") == id.rawValue).order(Column("due_at"), Column("id")).fetchAll(db)
        }
    }
}
