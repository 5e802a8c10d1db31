public import Foundation

/// Decides what the command chain must do when an incident changes: which playbook steps run, who is paged,
/// which deadlines to watch. Pure: the incident, the run and the time in; effects out.
public struct CommandPlanner: Sendable {
    public let config: BeaconConfig
    public let composer: MessageComposer
    /// The rosters' overrides in force: who was put on duty by hand.
    public let overrides: [RosterOverride]

    public init(config: BeaconConfig, overrides: [RosterOverride] = []) {
        self.config = config
        self.overrides = overrides
        composer = MessageComposer(publicURL: config.publicURL, words: config.words()) { config.rule($0) }
    }

    /// The composer that writes to `person` on `channel`: in their language and zone on a personal channel, in
    /// the configuration's on a group one.
    public func composer(for person: Person, on channel: String) -> MessageComposer {
        // Most people read the configuration's words: no new catalog or calendar for them (a storm pages thousands).
        guard person.language != nil || person.timeZone != nil, config.channel(channel)?.audience != .group else {
            return composer
        }
        return composer.reading(config.words(for: person, on: channel))
    }

    /// The message `write` makes for `person` on `channel`, written once per language and zone among the people
    /// of one loop (`written` keeps them).
    func message(
        for person: Person, on channel: String, _ written: inout [String: NotificationMessage],
        _ write: (MessageComposer) -> NotificationMessage
    ) -> NotificationMessage {
        let writer = composer(for: person, on: channel)
        let key = "\(writer.words.language.rawValue) \(writer.words.timeZone.identifier)"
        if let message = written[key] { return message }
        let message = write(writer)
        written[key] = message
        return message
    }

    /// The people of `layer` to page at `now`: whoever is on duty in a rostered layer, everyone in a layer without
    /// a roster, and everyone when the roster has nobody on duty, which the timeline then says.
    func onDuty(_ layer: Layer, at now: Date, _ effects: inout CommandEffects) -> [Person] {
        let duty = config.onDuty(layer, at: now, overrides: overrides)
        if duty.gap, let roster = duty.roster {
            effects.timeline.append(TimelineEntry(.rosterGap(layer: layer, roster: roster)))
        }
        return duty.people
    }

    /// An incident opened: start its playbook, page the layers its severity calls for, set the deadlines.
    public func opened(_ incident: Incident, at now: Date) -> CommandEffects {
        guard let id = incident.id else { return CommandEffects() }
        var effects = CommandEffects()
        if let playbook = config.playbook(forRule: incident.ruleID, category: incident.category) {
            effects.steps = playbook.steps.enumerated().map { position, step in
                runStep(step, position: position, playbook: playbook.id, incident: incident, activatedAt: now)
            }
            let active = effects.steps.filter { $0.state == .due }.count
            effects.timeline.append(
                TimelineEntry(.playbookStarted(playbook: playbook.id, active: active, steps: playbook.steps.count)))
        } else {
            effects.timeline.append(TimelineEntry(.noPlaybook))
        }
        let layers = paged(incident.severity)
        effects.deadlines = stepDeadlines(effects.steps.filter { layers.contains($0.owner) }, incidentID: id)
        effects.approvals = effects.steps.filter { $0.approval && $0.state == .due }.map(\.stepID)
        effects = effects + page(layers, incident, effects.steps, kind: .page, purpose: .page, at: now)
        effects.deadlines += layerDeadlines(incident, layers: layers, newlyPaged: layers, at: now)
        effects = effects + askApprovals(incident, effects.steps.filter { $0.approval && $0.state == .due }, at: now)
        return effects
    }

    /// The severity rose: page the newly included layers, activate steps that need the new severity.
    public func raised(_ incident: Incident, from previous: Severity, steps: [RunStep], at now: Date) -> CommandEffects
    {
        guard let id = incident.id else { return CommandEffects() }
        var effects = CommandEffects()
        let activated = steps.filter { step in
            step.state == .pending && (step.minSeverity.map { incident.severity >= $0 } ?? true)
        }.map { step -> RunStep in
            var step = step
            step.state = .due
            if let within = playbookStep(step)?.within { step.dueAt = now.addingTimeInterval(within.seconds) }
            if let every = step.every, step.dueAt == nil { step.dueAt = now.addingTimeInterval(every) }
            return step
        }
        effects.steps = activated
        // An approval step the raise activates gets its approval row, which its request's links answer.
        effects.approvals = activated.filter(\.approval).map(\.stepID)
        let involved = Set(paged(incident.severity))
        effects.deadlines = stepDeadlines(activated.filter { involved.contains($0.owner) }, incidentID: id)
        for step in activated {
            effects.timeline.append(
                TimelineEntry(.stepActivated(step: step.stepID, severity: incident.severity)))
        }
        let before = Set(paged(previous))
        let newLayers = paged(incident.severity).filter { !before.contains($0) }
        let all = steps.map { step in activated.first { $0.stepID == step.stepID } ?? step }
        let waiting = all.filter { step in
            newLayers.contains(step.owner) && step.isOpen && !activated.contains { $0.stepID == step.stepID }
        }
        effects.deadlines += stepDeadlines(waiting, incidentID: id, notBefore: now)
        effects =
            effects
            + page(newLayers, incident, all, kind: .raised, purpose: .raise(incident.severity), at: now)
        effects.deadlines += layerDeadlines(incident, layers: paged(incident.severity), newlyPaged: newLayers, at: now)
        if incident.severity == .sev1, previous != .sev1, !newLayers.contains(.decision) {
            effects.deadlines += [instructDeadline(incident, at: now)]
        }
        effects = effects + askApprovals(incident, activated.filter(\.approval), at: now)
        return effects
    }

    /// The incident resolved: tell everyone who was paged, and end its recurring steps.
    public func resolved(
        _ incident: Incident, steps: [RunStep], paged people: [Recipient], at now: Date
    ) -> CommandEffects {
        var effects = CommandEffects()
        effects.steps = steps.filter { $0.every != nil && $0.isOpen }.map { step in
            var step = step
            step.state = .skipped
            return step
        }
        var written: [String: NotificationMessage] = [:]
        for recipient in people {
            guard let (person, _) = config.chain.person(recipient.id),
                let channel = person.channels.first
            else { continue }
            let message = message(for: person, on: channel, &written) { writer in
                writer.message(.resolved, incident, headline: writer.words("message.resolved"), at: now)
            }
            effects.notifications.append(
                notification(incident, recipient, channel: channel, index: 0, purpose: .resolved, step: nil, message))
        }
        return effects
    }

    // MARK: - Building blocks

    func runStep(
        _ step: PlaybookStep, position: Int, playbook: String, incident: Incident, activatedAt: Date
    ) -> RunStep {
        let active = step.minSeverity.map { incident.severity >= $0 } ?? true
        let start = incident.openedAt
        let due =
            step.within.map { start.addingTimeInterval($0.seconds) }
            ?? step.every.map { start.addingTimeInterval($0.seconds) }
        return RunStep(
            incidentID: incident.id ?? IncidentID(0), stepID: step.id, position: position, playbookID: playbook,
            title: step.title, owner: step.owner, state: active ? .due : .pending, dueAt: active ? due : nil,
            every: step.every?.seconds, approval: step.approval, assessment: step.assessment,
            minSeverity: step.minSeverity, message: step.message)
    }

    func playbookStep(_ step: RunStep) -> PlaybookStep? {
        config.playbook(step.playbookID)?.steps.first { $0.id == step.stepID }
    }

    /// The layers paged at once for a severity, in chain order.
    public func paged(_ severity: Severity) -> [Layer] {
        let layers = Set(config.paging[severity] ?? [])
        return Layer.allCases.filter(layers.contains)
    }

    /// Deadlines of steps: `within` steps and the first occurrence of recurring ones.
    /// Only steps of layers already involved get deadlines: a layer is not reminded before it is paged.
    /// - Parameter notBefore: for a layer paged late, its steps fall due no sooner than its own deadline from now.
    func stepDeadlines(_ steps: [RunStep], incidentID: IncidentID, notBefore: Date? = nil) -> [Deadline] {
        steps.filter { $0.state == .due && !$0.approval }.compactMap { step in
            guard var due = step.dueAt else { return nil }
            if let notBefore { due = max(due, notBefore.addingTimeInterval(config.chain[step.owner].deadline.seconds)) }
            return Deadline(
                incidentID: incidentID, kind: step.every == nil ? .step : .recurring, layer: step.owner,
                stepID: step.stepID, dueAt: due)
        }
    }

    /// The chain's own deadlines: acknowledge (operation), assess (execution, once paged), instruct (sev1).
    func layerDeadlines(_ incident: Incident, layers: [Layer], newlyPaged: [Layer], at now: Date) -> [Deadline] {
        guard let id = incident.id else { return [] }
        var deadlines: [Deadline] = []
        if newlyPaged.contains(.operation) {
            deadlines.append(
                Deadline(
                    incidentID: id, kind: .acknowledge, layer: .operation,
                    dueAt: now.addingTimeInterval(config.chain.operation.deadline.seconds)))
        }
        if newlyPaged.contains(.execution) {
            deadlines.append(
                Deadline(
                    incidentID: id, kind: .assess, layer: .execution,
                    dueAt: now.addingTimeInterval(config.chain.execution.deadline.seconds)))
        }
        if newlyPaged.contains(.decision), incident.severity == .sev1 {
            deadlines.append(instructDeadline(incident, at: now))
        }
        return deadlines
    }

    func instructDeadline(_ incident: Incident, at now: Date) -> Deadline {
        Deadline(
            incidentID: incident.id ?? IncidentID(0), kind: .instruct, layer: .decision,
            dueAt: now.addingTimeInterval(config.chain.decision.deadline.seconds))
    }

    /// Pages every person of `layers` on their first channel, naming the step asked of their layer.
    func page(
        _ layers: [Layer], _ incident: Incident, _ steps: [RunStep], kind: NotificationKind,
        purpose: NotificationPurpose,
        at now: Date
    ) -> CommandEffects {
        var effects = CommandEffects()
        guard !layers.isEmpty else { return effects }
        for layer in layers {
            let step = firstOpenStep(of: layer, in: steps)
            var written: [String: NotificationMessage] = [:]
            for person in onDuty(layer, at: now, &effects) {
                guard let channel = person.channels.first else { continue }
                let message = message(for: person, on: channel, &written) { writer in
                    let headline = writer.words(
                        kind == .raised ? "message.raised" : "message.paged", ["layer": writer.words.layer(layer)])
                    return writer.message(
                        kind, incident, headline: headline, step: step, next: nextIfUnanswered(layer, writer.words),
                        at: now)
                }
                effects.notifications.append(
                    notification(
                        incident, Recipient(person, layer: layer), channel: channel, index: 0, purpose: purpose,
                        step: step?.stepID, message))
            }
        }
        effects.timeline.append(TimelineEntry(.paged(layers: layers, severity: incident.severity)))
        return effects
    }

    /// Asks the decision layer to approve each approval step.
    func askApprovals(_ incident: Incident, _ steps: [RunStep], at now: Date) -> CommandEffects {
        var effects = CommandEffects()
        for step in steps where step.approval {
            for person in onDuty(.decision, at: now, &effects) {
                // Answer links travel on personal channels only: ask on the first one the person has.
                let index =
                    person.channels.firstIndex { config.channel($0)?.audience == .personal } ?? 0
                guard index < person.channels.count else { continue }
                let channel = person.channels[index]
                let message = approvalRequest(step, incident, composer(for: person, on: channel), at: now)
                var planned = notification(
                    incident, Recipient(person, layer: .decision), channel: channel, index: index,
                    purpose: .approval(step: step.stepID), step: step.stepID, message)
                planned.approvalStepID = step.stepID
                effects.notifications.append(planned)
            }
            effects.timeline.append(TimelineEntry(.approvalAsked(title: step.title)))
        }
        return effects
    }

    func firstOpenStep(of layer: Layer, in steps: [RunStep]) -> RunStep? {
        steps.filter { $0.owner == layer && $0.isOpen }.min {
            ($0.dueAt ?? .distantFuture) < ($1.dueAt ?? .distantFuture)
        }
    }

    /// An approval request: what is approved (the step's text: the notice it would publish, the amount), then
    /// how to answer, with a subject that reads as a question on a lock screen, not as one more page.
    func approvalRequest(
        _ step: RunStep, _ incident: Incident, _ writer: MessageComposer, at now: Date
    )
        -> NotificationMessage
    {
        let words = writer.words
        let what = step.message.flatMap { $0.isEmpty ? nil : words("message.approval.what", ["text": $0]) }
        var message = writer.message(
            .approvalRequest, incident, headline: words("message.approval.headline", ["step": step.title]),
            step: step,
            next: [what, words("message.approval.next")].compactMap { $0 }.joined(separator: "\n"), at: now)
        message.subject = words(
            "message.approval.subject",
            ["severity": incident.severity.rawValue, "id": "\(incident.id?.rawValue ?? 0)", "step": step.title])
        return message
    }

    func nextIfUnanswered(_ layer: Layer, _ words: Localizer) -> String {
        words("message.next.\(layer.rawValue)", ["span": words.duration(config.chain[layer].deadline.seconds)])
    }

    func notification(
        _ incident: Incident, _ recipient: Recipient, channel: String, index: Int, purpose: NotificationPurpose,
        step: StepID?,
        _ message: NotificationMessage
    ) -> PlannedNotification {
        let id = incident.id ?? IncidentID(0)
        return PlannedNotification(
            idempotencyKey: PlannedNotification.key(incident: id, purpose: purpose, recipient: recipient)
                + "/\(channel)",
            incidentID: id, recipient: recipient,
            channelID: channel, channelIndex: index, stepID: step, approvalStepID: nil, message: message,
            purpose: purpose, audience: config.channel(channel)?.audience ?? .personal)
    }
}
