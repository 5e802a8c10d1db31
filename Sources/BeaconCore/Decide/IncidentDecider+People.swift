public import Foundation

extension IncidentDecider {
    /// A person declares an incident (no rule saw it, or a rule cannot).
    /// - Throws: `IncidentError` when the title is blank.
    public func declare(
        title: String, category: Category, severity: Severity, by actor: String, labels: Labels = Labels(),
        description: String? = nil, at now: Date
    ) throws(IncidentError) -> Decision {
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw IncidentError(code: .invalidInput, key: "error.no_title") }
        let described = description?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (described?.count ?? 0) <= Self.instructionLimit else {
            throw IncidentError(
                code: .invalidInput, key: "error.description_long", ["limit": "\(Self.instructionLimit)"])
        }
        let stamp = Int64((now.timeIntervalSince1970 * 1_000).rounded())
        let incident = Incident(
            fingerprint: Fingerprint(rawValue: "declared:\(stamp):\(trimmed)"), ruleID: nil, title: trimmed,
            category: category, severity: severity, origin: .declared, labels: labels, openedAt: now,
            declaredBy: actor, description: described.flatMap { $0.isEmpty ? nil : $0 })
        return opened(
            incident, TimelineEntry(.declared(by: actor, severity: severity, category: category), actor: actor), at: now
        )
    }

    /// A person acknowledges, mitigates, resolves or closes an incident.
    /// - Throws: `IncidentError` when its status does not allow the action, or, to close, its post-mortem lacks
    ///   a root cause, or both a follow-up and a reason why none is needed.
    public func perform(
        _ action: IncidentAction, on state: IncidentState, by actor: String, note: String? = nil, at now: Date
    ) throws(IncidentError) -> Decision {
        var incident = state.incident
        let id = incident.id ?? IncidentID(0)
        guard action.allowedFrom.contains(incident.status) else {
            throw IncidentError.invalidTransition(id, action, from: incident.status)
        }
        if action == .close { try Self.checkClosable(state) }
        incident.status = action.result
        incident.updatedAt = now
        switch action {
        case .acknowledge: incident.acknowledgedAt = now
        case .mitigate: incident.mitigatedAt = now
        case .resolve: incident.resolvedAt = now
        case .close: incident.closedAt = now
        }
        let trimmed = note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let event = TimelineEntry(
            .statusChanged(to: action.result, by: actor, note: trimmed.isEmpty ? nil : trimmed), actor: actor)
        guard action == .resolve else { return Decision(incident: incident, events: [event]) }
        return resolved(state, incident, event, at: now)
    }

    /// Refuses to close an incident whose post-mortem lacks a root cause, or lacks both a follow-up and a reason
    /// why none is needed; the error names what is missing.
    static func checkClosable(_ state: IncidentState) throws(IncidentError) {
        let id = state.incident.id ?? IncidentID(0)
        guard let postMortem = state.postMortem else {
            throw IncidentError(code: .invalidTransition, key: "error.close_no_postmortem", ["id": "\(id)"])
        }
        let missing = postMortem.missingForClose(followUps: state.followUps)
        guard missing.isEmpty else {
            throw IncidentError(
                code: .invalidTransition, key: "error.close_missing",
                ["id": "\(id)", "missing": missing.map(\.rawValue).joined(separator: ",")])
        }
    }

    /// A person of the layer that owns a playbook step marks it done.
    /// - Throws: `IncidentError` when the step does not exist, belongs to another layer, is an approval or is not
    ///   active yet.
    public func completeStep(
        _ stepID: StepID, of state: IncidentState, by actor: String, layer: Layer, note: String? = nil, at now: Date
    ) throws(IncidentError) -> Decision {
        let id = state.incident.id ?? IncidentID(0)
        guard var step = state.steps.first(where: { $0.stepID == stepID }) else {
            throw IncidentError(code: .notFound, key: "error.no_step", ["id": "\(id)", "step": stepID.rawValue])
        }
        guard step.owner == layer else {
            throw IncidentError(
                code: .forbidden, key: "error.step_owner",
                ["step": stepID.rawValue, "owner": step.owner.rawValue, "actor": actor, "layer": layer.rawValue])
        }
        guard !step.approval else {
            throw IncidentError(code: .invalidInput, key: "error.step_is_approval", ["step": stepID.rawValue])
        }
        guard step.state != .pending else {
            throw IncidentError(code: .invalidTransition, key: "error.step_pending", ["step": stepID.rawValue])
        }
        let trimmed = note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        step.doneAt = now
        step.doneBy = actor
        step.note = trimmed.isEmpty ? step.note : trimmed
        if step.every == nil { step.state = .done }
        let event = TimelineEntry(
            .stepDone(step: stepID, by: actor, note: trimmed.isEmpty ? nil : trimmed), actor: actor)
        return Decision(incident: state.incident, events: [event], steps: [step])
    }

    /// A person of the decision layer answers an approval; the first answer wins.
    /// - Throws: `IncidentError` when the person is not in the decision layer or the approval was already
    ///   answered or has expired. An approval found expired is returned marked so, with the refusal.
    public func answer(
        _ approval: Approval, of state: IncidentState, approve: Bool, by actor: String, layer: Layer,
        comment: String? = nil, at now: Date
    ) throws(IncidentError) -> Decision {
        let approvalID = approval.id ?? 0
        guard layer == .decision else {
            throw IncidentError(
                code: .forbidden, key: "error.decision_answers", ["actor": actor, "layer": layer.rawValue])
        }
        var approval = approval
        switch approval.state {
        case .approved, .rejected:
            throw IncidentError(
                code: .conflict, key: "error.approval_answered",
                [
                    "id": "\(approvalID)", "state": approval.state.rawValue, "name": approval.answeredBy ?? "",
                    "time": approval.answeredAt.map { "\($0.timeIntervalSince1970)" } ?? "",
                ])
        case .expired:
            throw IncidentError(code: .conflict, key: "error.approval_expired", ["id": "\(approvalID)"])
        case .pending where now > approval.expiresAt:
            approval.state = .expired
            return Decision(
                incident: state.incident, events: [], approval: approval,
                refusal: IncidentError(code: .conflict, key: "error.approval_expired", ["id": "\(approvalID)"]))
        case .pending:
            break
        }
        let trimmed = comment?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        approval.state = approve ? .approved : .rejected
        approval.answeredBy = actor
        approval.answeredAt = now
        approval.comment = trimmed.isEmpty ? nil : trimmed
        var steps: [RunStep] = []
        if var step = state.steps.first(where: { $0.stepID == approval.stepID }) {
            step.state = .done
            step.doneAt = now
            step.doneBy = actor
            step.note = approval.comment
            steps = [step]
        }
        let event = TimelineEntry(
            .approvalAnswered(approved: approve, by: actor, title: approval.title, comment: approval.comment),
            actor: actor)
        let (planner, answered) = (planner, approval)
        return Decision(incident: state.incident, events: [event], steps: steps, approval: approval) { stored in
            planner?.announce(
                approval: answered.title, step: answered.stepID, approved: approve, by: actor,
                comment: answered.comment, incident: stored, at: now) ?? CommandEffects()
        }
    }

    /// A person pages a layer by hand (by default the next one up).
    /// - Throws: `IncidentError` when the incident is no longer active or every layer is already paged.
    public func escalate(
        _ state: IncidentState, to layer: Layer?, by actor: String, note: String?, at now: Date
    ) throws(IncidentError) -> Decision? {
        guard let planner else { return nil }
        let incident = state.incident
        let id = incident.id ?? IncidentID(0)
        guard incident.status.isActive else {
            throw IncidentError(
                code: .invalidTransition, key: "error.escalate_finished",
                ["id": "\(id)", "status": incident.status.rawValue])
        }
        guard
            let effects = planner.escalation(incident, steps: state.steps, to: layer, by: actor, note: note, at: now)
        else {
            throw IncidentError(code: .invalidTransition, key: "error.escalate_top", ["id": "\(id)"])
        }
        return Decision(incident: incident, events: []) { _ in effects }
    }
}

extension IncidentDecider {
    /// The longest instruction kept: a few paragraphs, not a document.
    public static let instructionLimit = 2_000

    /// An instruction from the decision layer: on the timeline (it meets `instruct_within`) and sent to the
    /// execution layer.
    /// - Throws: `IncidentError` when the person is not of the decision layer, the incident is no longer active,
    ///   or the text is empty or too long.
    /// A person of the operation or execution layer reopens a closed incident, with a reason: it is resolved
    /// again, and its post-mortem can be edited until it closes again.
    public func reopen(
        _ state: IncidentState, reason: String, by actor: String, layer: Layer, at now: Date
    ) throws(IncidentError) -> Decision {
        var incident = state.incident
        let id = incident.id ?? IncidentID(0)
        guard layer == .operation || layer == .execution else {
            throw IncidentError(code: .forbidden, key: "error.reopen_layer")
        }
        guard incident.status == .closed else {
            throw IncidentError(
                code: .invalidTransition, key: "error.reopen_status",
                ["id": "\(id)", "status": incident.status.rawValue])
        }
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw IncidentError(code: .invalidInput, key: "error.reopen_reason") }
        incident.status = .resolved
        incident.closedAt = nil
        incident.updatedAt = now
        return Decision(
            incident: incident, events: [TimelineEntry(.reopened(by: actor, reason: trimmed), actor: actor)])
    }

    /// A person of the operation or execution layer sets the severity, with a reason. A raise pages the layers
    /// the new severity adds and activates its steps, as a rule's raise does; a lowering is recorded and silences
    /// nothing already asked.
    /// - Throws: `IncidentError` when the layer may not, the incident is over, the severity is unchanged or the
    ///   reason is blank.
    public func changeSeverity(
        _ state: IncidentState, to severity: Severity, reason: String, by actor: String, layer: Layer, at now: Date
    ) throws(IncidentError) -> Decision {
        var incident = state.incident
        let id = incident.id ?? IncidentID(0)
        guard layer == .operation || layer == .execution else {
            throw IncidentError(code: .forbidden, key: "error.severity_layer")
        }
        guard incident.status.isActive else {
            throw IncidentError(
                code: .invalidTransition, key: "error.severity_finished",
                ["id": "\(id)", "status": incident.status.rawValue])
        }
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw IncidentError(code: .invalidInput, key: "error.severity_reason")
        }
        let previous = incident.severity
        guard severity != previous else {
            throw IncidentError(
                code: .invalidTransition, key: "error.severity_same", ["id": "\(id)", "severity": severity.rawValue])
        }
        incident.severity = severity
        incident.peakSeverity = max(incident.peakSeverity, severity)
        incident.updatedAt = now
        let event = TimelineEntry(
            .severityChanged(from: previous, to: severity, by: actor, reason: trimmed), actor: actor)
        guard severity > previous else { return Decision(incident: incident, events: [event]) }
        let planner = planner
        return Decision(incident: incident, events: [event]) { stored in
            planner?.raised(stored, from: previous, steps: state.steps, at: now) ?? CommandEffects()
        }
    }

    public func instruct(
        _ state: IncidentState, text: String, by actor: String, layer: Layer, at now: Date
    ) throws(IncidentError) -> Decision {
        let incident = state.incident
        let id = incident.id ?? IncidentID(0)
        guard layer == .decision else {
            throw IncidentError(code: .forbidden, key: "error.instruct_layer")
        }
        guard incident.status.isActive else {
            throw IncidentError(
                code: .invalidTransition, key: "error.instruct_finished",
                ["id": "\(id)", "status": incident.status.rawValue])
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw IncidentError(code: .invalidInput, key: "error.instruct_empty")
        }
        guard trimmed.count <= Self.instructionLimit else {
            throw IncidentError(
                code: .invalidInput, key: "error.instruction_long", ["limit": "\(Self.instructionLimit)"])
        }
        let effects = planner?.instruction(incident, text: trimmed, by: actor, at: now) ?? CommandEffects()
        return Decision(
            incident: incident, events: [TimelineEntry(.instructed(by: actor, text: trimmed), actor: actor)]
        ) { _ in effects }
    }
}
