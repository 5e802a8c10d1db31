public import Foundation

extension CommandPlanner {
    /// A deadline came due: escalate if nobody answered.
    /// - Parameters:
    ///   - steps: the incident's run.
    ///   - decisionActed: whether the decision layer has done a step or answered an approval.
    ///   - postMortem: the incident's post-mortem, for the deadlines that chase it.
    public func fire(
        _ deadline: Deadline, incident: Incident, steps: [RunStep], decisionActed: Bool,
        postMortem: PostMortem? = nil, at now: Date
    )
        -> CommandEffects
    {
        switch deadline.kind {
        case .postMortemReminder, .postMortemOverdue:
            return firePostMortem(deadline, incident: incident, postMortem: postMortem, at: now)
        case .followUpOverdue:
            return CommandEffects()
        default:
            break
        }
        guard incident.status.isActive else { return CommandEffects() }
        switch deadline.kind {
        case .acknowledge:
            guard incident.status == .open else { return CommandEffects() }
            return escalate(
                incident, steps, to: .execution, purpose: .escalateAcknowledge,
                reason: .notAcknowledged(within: config.chain.operation.deadline.seconds), at: now)
        case .assess:
            guard let assessment = assessmentStep(in: steps), assessment.state != .done
            else { return CommandEffects() }
            return escalate(
                incident, steps, to: .decision, purpose: .escalateAssess,
                reason: .notAssessed(step: assessment.title, within: config.chain.execution.deadline.seconds),
                at: now)
        case .instruct:
            guard incident.severity == .sev1, !decisionActed else { return CommandEffects() }
            var effects = escalate(
                incident, steps, to: .decision, purpose: .escalateInstruct,
                reason: .noInstruction(within: config.chain.decision.deadline.seconds), at: now)
            effects.timeline.append(TimelineEntry(.instructionMissed))
            return effects
        case .step:
            return missedStep(deadline, incident, steps, at: now)
        case .recurring:
            return recurring(deadline, incident, steps, at: now)
        case .recurringEscalation:
            return recurringEscalation(deadline, incident, steps, at: now)
        case .postMortemReminder, .postMortemOverdue, .followUpOverdue:
            return CommandEffects()
        }
    }

    func escalate(
        _ incident: Incident, _ steps: [RunStep], to layer: Layer, purpose: NotificationPurpose,
        reason: EscalationReason, at now: Date
    ) -> CommandEffects {
        let step = firstOpenStep(of: layer, in: steps)
        var effects = CommandEffects()
        var written: [String: NotificationMessage] = [:]
        for person in onDuty(layer, at: now, &effects) {
            guard let channel = person.channels.first else { continue }
            let message = message(for: person, on: channel, &written) { writer in
                let words = writer.words
                return writer.message(
                    .escalation, incident,
                    headline: words("message.escalation", ["reason": TimelineText(words).reason(reason)]), step: step,
                    next: nextIfUnanswered(layer, words), at: now)
            }
            effects.notifications.append(
                notification(
                    incident, Recipient(person, layer: layer), channel: channel, index: 0, purpose: purpose,
                    step: step?.stepID, message))
        }
        effects.timeline.append(TimelineEntry(.escalated(reason, to: layer)))
        if !paged(incident.severity).contains(layer) {
            effects.deadlines += layerDeadlines(incident, layers: [layer], newlyPaged: [layer], at: now)
            effects.deadlines += stepDeadlines(
                steps.filter { $0.owner == layer && $0.isOpen }, incidentID: incident.id ?? IncidentID(0),
                notBefore: now)
        }
        return effects
    }

    private func missedStep(
        _ deadline: Deadline, _ incident: Incident, _ steps: [RunStep], at now: Date
    )
        -> CommandEffects
    {
        guard var step = steps.first(where: { $0.stepID == deadline.stepID }), step.state == .due else {
            return CommandEffects()
        }
        step.state = .missed
        var effects = remind(step.owner, incident, step, purpose: .missed(step: step.stepID), at: now) { words in
            words("message.overdue", ["step": step.title, "time": words.time(deadline.dueAt, now: now)])
        }
        effects.steps = [step]
        effects.timeline.append(
            TimelineEntry(.stepMissed(step: step.stepID, owner: step.owner)))
        return effects
    }

    /// A recurring step's period ended: remind its owner if it was not done, and schedule the next period.
    private func recurring(
        _ deadline: Deadline, _ incident: Incident, _ steps: [RunStep], at now: Date
    ) -> CommandEffects {
        guard var step = steps.first(where: { $0.stepID == deadline.stepID }), let every = step.every,
            step.state != .skipped, incident.status != .mitigated
        else { return CommandEffects() }
        var effects = CommandEffects()
        let periodStart = deadline.dueAt.addingTimeInterval(-every)
        if (step.doneAt ?? .distantPast) < periodStart {
            effects = remind(
                step.owner, incident, step, purpose: .remind(step: step.stepID, occurrence: deadline.occurrence),
                at: now
            ) { words in words("message.reminder", ["step": step.title, "span": words.duration(every)]) }
            effects.timeline.append(
                TimelineEntry(.recurringMissed(step: step.stepID, owner: step.owner)))
            effects.deadlines.append(
                Deadline(
                    incidentID: deadline.incidentID, kind: .recurringEscalation, layer: step.owner, stepID: step.stepID,
                    occurrence: deadline.occurrence, dueAt: deadline.dueAt.addingTimeInterval(Self.grace(every))))
        }
        let next = deadline.dueAt.addingTimeInterval(every)
        step.dueAt = next
        effects.steps.append(step)
        effects.deadlines.append(
            Deadline(
                incidentID: deadline.incidentID, kind: .recurring, layer: step.owner, stepID: step.stepID,
                occurrence: deadline.occurrence + 1, dueAt: next))
        return effects
    }

    private func recurringEscalation(
        _ deadline: Deadline, _ incident: Incident, _ steps: [RunStep], at now: Date
    )
        -> CommandEffects
    {
        guard let step = steps.first(where: { $0.stepID == deadline.stepID }), let every = step.every,
            step.state != .skipped, incident.status != .mitigated, let above = step.owner.above
        else { return CommandEffects() }
        let periodStart = deadline.dueAt.addingTimeInterval(-Self.grace(every) - every)
        guard (step.doneAt ?? .distantPast) < periodStart else { return CommandEffects() }
        var effects = remind(
            above, incident, step, purpose: .remindAbove(step: step.stepID, occurrence: deadline.occurrence), at: now
        ) { words in words("message.recurring_missed.\(step.owner.rawValue)", ["step": step.title]) }
        effects.timeline.append(
            TimelineEntry(.recurringEscalated(step: step.stepID, to: above)))
        return effects
    }

    private func remind(
        _ layer: Layer, _ incident: Incident, _ step: RunStep, purpose: NotificationPurpose, at now: Date,
        headline: (Localizer) -> String
    ) -> CommandEffects {
        var effects = CommandEffects()
        var written: [String: NotificationMessage] = [:]
        for person in onDuty(layer, at: now, &effects) {
            guard let channel = person.channels.first else { continue }
            let message = message(for: person, on: channel, &written) { writer in
                writer.message(.reminder, incident, headline: headline(writer.words), step: step, at: now)
            }
            effects.notifications.append(
                notification(
                    incident, Recipient(person, layer: layer), channel: channel, index: 0, purpose: purpose,
                    step: step.stepID, message))
        }
        return effects
    }

    /// The execution layer's assessment: the step marked `assessment: true`, else its first step. Runs stored
    /// before steps carried the mark are looked up in the playbook.
    func assessmentStep(in steps: [RunStep]) -> RunStep? {
        if steps.contains(where: \.assessment) { return RunStep.assessment(in: steps) }
        let execution = steps.filter { $0.owner == .execution }.sorted { $0.position < $1.position }
        return execution.first { playbookStep($0)?.assessment == true } ?? execution.first
    }

    /// How long after a missed recurring step its layer above is told: half a period, at most 15 minutes.
    static func grace(_ every: TimeInterval) -> TimeInterval { min(every / 2, 15 * 60) }
}

extension CommandPlanner {
    /// An approval was answered: tell the execution layer, who carry it out.
    public func announce(
        approval title: String, step stepID: StepID, approved: Bool, by actor: String, comment: String?,
        incident: Incident, at now: Date
    ) -> CommandEffects {
        var effects = CommandEffects()
        for person in onDuty(.execution, at: now, &effects) {
            guard let channel = person.channels.first else { continue }
            let writer = composer(for: person, on: channel)
            let words = writer.words
            let headline =
                words(approved ? "message.approved" : "message.rejected", ["actor": actor, "title": title])
                + (comment.map { words("timeline.comment", ["comment": $0]) } ?? "")
            let message = writer.message(.approvalOutcome, incident, headline: headline, at: now)
            effects.notifications.append(
                notification(
                    incident, Recipient(person, layer: .execution), channel: channel, index: 0,
                    purpose: .approvalOutcome(step: stepID), step: stepID, message))
        }
        return effects
    }
}

extension CommandPlanner {
    /// A person escalates by hand: page `layer` (by default the layer above those already paged).
    public func escalation(
        _ incident: Incident, steps: [RunStep], to layer: Layer?, by actor: String, note: String?, at now: Date
    ) -> CommandEffects? {
        let highest = paged(incident.severity).last ?? .operation
        guard let target = layer ?? highest.above else { return nil }
        let reason = EscalationReason.byPerson(actor, note: note)
        var effects = escalate(
            incident, steps, to: target, purpose: .escalateManual(at: Int64(now.timeIntervalSince1970 * 1_000)),
            reason: reason, at: now)
        effects.timeline = effects.timeline.map { TimelineEntry($0.fact, actor: actor) }
        return effects
    }
}

extension CommandPlanner {
    /// The decision layer's instruction: sent to whoever of the execution layer is on duty, who carry it out.
    public func instruction(_ incident: Incident, text: String, by actor: String, at now: Date) -> CommandEffects {
        var effects = CommandEffects()
        for person in onDuty(.execution, at: now, &effects) {
            guard let channel = person.channels.first else { continue }
            let writer = composer(for: person, on: channel)
            let words = writer.words
            var message = writer.message(
                .instruction, incident, headline: words("message.instruction", ["actor": actor, "text": text]),
                next: words("message.instruction.next"), at: now)
            // On a lock screen it must read as an order, not as one more page.
            message.subject = words(
                "message.instruction.subject",
                [
                    "severity": incident.severity.rawValue, "id": "\(incident.id?.rawValue ?? 0)",
                    "title": incident.title,
                ])
            effects.notifications.append(
                notification(
                    incident, Recipient(person, layer: .execution), channel: channel, index: 0,
                    purpose: .instruction(at: Int64(now.timeIntervalSince1970 * 1_000)), step: nil, message))
        }
        return effects
    }
}
