public import BeaconCore
public import Foundation
import GRDB

extension IncidentLedger {
    /// Marks a playbook step done on behalf of a person of the layer that owns it.
    /// - Throws: `IncidentError` when the step does not exist, belongs to another layer, or is an approval.
    @discardableResult
    public func completeStep(
        _ stepID: String, of id: IncidentID, by actor: String, layer: Layer, note: String? = nil, at now: Date
    ) throws -> RunStep {
        try store.writer.write { db in
            guard try Incident.fetchOne(db, key: id.rawValue) != nil else { throw IncidentError.notFound(id) }
            guard var step = try RunStep.fetchOne(db, key: ["incident_id": id.rawValue, "step_id": stepID]) else {
                throw IncidentError(code: .notFound, message: "Incident \(id) has no step \"\(stepID)\".")
            }
            guard step.owner == layer else {
                throw IncidentError(
                    code: .forbidden,
                    message:
                        "Step \"\(stepID)\" belongs to the \(step.owner.rawValue) layer; \(actor) is in \(layer.rawValue)."
                )
            }
            guard !step.approval else {
                throw IncidentError(
                    code: .invalidInput, message: "Step \"\(stepID)\" is an approval; approve or reject it instead.")
            }
            guard step.state != .pending else {
                throw IncidentError(code: .invalidTransition, message: "Step \"\(stepID)\" is not active yet.")
            }
            let trimmed = note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            step.doneAt = now
            step.doneBy = actor
            step.note = trimmed.isEmpty ? step.note : trimmed
            if step.every == nil { step.state = .done }
            try step.update(db)
            var event = TimelineEvent(
                incidentID: id, at: now, actor: actor,
                fact: .stepDone(step: stepID, by: actor, note: trimmed.isEmpty ? nil : trimmed))
            try event.insert(db)
            return step
        }
    }

    /// Answers an approval on behalf of a person of the decision layer. The first answer wins.
    /// - Throws: `IncidentError` when the approval does not exist, the person is not in the decision layer, or
    ///   the approval was already answered or has expired.
    @discardableResult
    public func answer(
        _ approvalID: Int64, approve: Bool, by actor: String, layer: Layer, comment: String? = nil, at now: Date
    ) throws -> Approval {
        let result: Result<Approval, IncidentError> = try store.writer.write { db in
            guard var approval = try Approval.fetchOne(db, key: approvalID) else {
                return .failure(IncidentError(code: .notFound, message: "No approval \(approvalID)."))
            }
            guard layer == .decision else {
                return .failure(
                    IncidentError(
                        code: .forbidden,
                        message: "Only the decision layer answers approvals; \(actor) is in \(layer.rawValue)."))
            }
            switch approval.state {
            case .approved, .rejected:
                let when = approval.answeredAt.map { " at \(MessageComposer.clockText($0))" } ?? ""
                return .failure(
                    IncidentError(
                        code: .conflict,
                        message:
                            "Approval \(approvalID) was already \(approval.state.rawValue) by \(approval.answeredBy ?? "someone")\(when)."
                    ))
            case .expired:
                return .failure(IncidentError(code: .conflict, message: "Approval \(approvalID) has expired."))
            case .pending where now > approval.expiresAt:
                approval.state = .expired
                try approval.update(db)
                return .failure(IncidentError(code: .conflict, message: "Approval \(approvalID) has expired."))
            case .pending:
                break
            }
            let trimmed = comment?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            approval.state = approve ? .approved : .rejected
            approval.answeredBy = actor
            approval.answeredAt = now
            approval.comment = trimmed.isEmpty ? nil : trimmed
            try approval.update(db)
            let id = approval.incidentID
            if var step = try RunStep.fetchOne(db, key: ["incident_id": id.rawValue, "step_id": approval.stepID]) {
                step.state = .done
                step.doneAt = now
                step.doneBy = actor
                step.note = approval.comment
                try step.update(db)
            }
            var event = TimelineEvent(
                incidentID: id, at: now, actor: actor,
                fact: .approvalAnswered(
                    approved: approve, by: actor, title: approval.title, comment: trimmed.isEmpty ? nil : trimmed))
            try event.insert(db)
            if let planner, let incident = try Incident.fetchOne(db, key: id.rawValue) {
                try Self.persist(
                    db,
                    planner.announce(
                        approval: approval.title, step: approval.stepID, approved: approve, by: actor,
                        comment: approval.comment, incident: incident, at: now), incidentID: id, at: now)
            }
            return .success(approval)
        }
        return try result.get()
    }

    /// Fires every deadline due at `now`, each in its own transaction with what it causes.
    /// - Returns: how many deadlines fired and how many notifications they queued.
    @discardableResult
    public func fireDueDeadlines(at now: Date, limit: Int = 500) throws -> (fired: Int, queued: Int) {
        guard let planner else { return (0, 0) }
        let due = try store.writer.read { db in
            try Deadline.filter(Column("fired_at") == nil).filter(Column("due_at") <= now.timeIntervalSince1970)
                .order(Column("due_at")).limit(limit).fetchAll(db)
        }
        var queued = 0
        for deadline in due {
            queued += try store.writer.write { db -> Int in
                guard var current = try Deadline.fetchOne(db, key: deadline.id), current.firedAt == nil else {
                    return 0
                }
                current.firedAt = now
                try current.update(db)
                guard let incident = try Incident.fetchOne(db, key: deadline.incidentID.rawValue) else { return 0 }
                let effects = planner.fire(
                    current, incident: incident, steps: try Self.steps(db, deadline.incidentID),
                    decisionActed: try Self.decisionActed(db, deadline.incidentID),
                    postMortem: try PostMortem.fetchOne(db, key: deadline.incidentID.rawValue), at: now)
                return try Self.persist(db, effects, incidentID: deadline.incidentID, at: now)
            }
        }
        return (due.count, queued)
    }
}

extension BeaconStore {
    public func runSteps(_ id: IncidentID) throws -> [RunStep] {
        try writer.read { db in try IncidentLedger.steps(db, id) }
    }

    public func approvals(_ id: IncidentID) throws -> [Approval] {
        try writer.read { db in
            try Approval.filter(Column("incident_id") == id.rawValue).order(Column("id")).fetchAll(db)
        }
    }

    public func approval(_ id: Int64) throws -> Approval? {
        try writer.read { db in try Approval.fetchOne(db, key: id) }
    }

    public func pendingApprovals() throws -> [Approval] {
        try writer.read { db in try Approval.filter(Column("state") == "pending").order(Column("id")).fetchAll(db) }
    }

    public func deadlines(_ id: IncidentID) throws -> [Deadline] {
        try writer.read { db in
            try Deadline.filter(Column("incident_id") == id.rawValue).order(Column("due_at")).fetchAll(db)
        }
    }
}

extension IncidentLedger {
    /// Pages a layer by hand (by default the next one up), attributed to the person who asked.
    @discardableResult
    public func escalate(
        _ id: IncidentID, to layer: Layer?, by actor: String, note: String?, at now: Date
    ) throws -> Int {
        guard let planner else { return 0 }
        return try store.writer.write { db in
            guard let incident = try Incident.fetchOne(db, key: id.rawValue) else { throw IncidentError.notFound(id) }
            guard incident.status.isActive else {
                throw IncidentError(
                    code: .invalidTransition,
                    message: "Incident \(id) is \(incident.status.rawValue); there is nobody to escalate to.")
            }
            guard
                let effects = planner.escalation(
                    incident, steps: try Self.steps(db, id), to: layer, by: actor, note: note, at: now)
            else {
                throw IncidentError(
                    code: .invalidTransition,
                    message: "Incident \(id) already pages every layer; name the layer to page again.")
            }
            return try Self.persist(db, effects, incidentID: id, at: now)
        }
    }
}
