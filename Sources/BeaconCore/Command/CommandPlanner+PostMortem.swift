public import Foundation

extension CommandPlanner {
    /// The post-mortem of an incident that just resolved, and the deadlines that chase it: a reminder to its
    /// owner before the due date, and the decision layer told when the date passes.
    public func postMortem(for incident: Incident, at now: Date) -> (PostMortem, [Deadline]) {
        let policy = config.postMortem
        let id = incident.id ?? IncidentID(0)
        let due = WorkingDays.add(policy.dueWorkingDays, to: now, in: config.calendar, holidays: config.holidays)
        let postMortem = PostMortem(incidentID: id, owner: policy.owner, dueAt: due, createdAt: now)
        let remindAt = max(now, due.addingTimeInterval(-policy.remindBefore.seconds))
        let deadlines = [
            Deadline(incidentID: id, kind: .postMortemReminder, layer: policy.owner, dueAt: remindAt),
            Deadline(incidentID: id, kind: .postMortemOverdue, layer: .decision, dueAt: due),
        ]
        return (postMortem, deadlines)
    }

    /// A post-mortem deadline came due: remind its owner, or tell the decision layer it is overdue. Nothing
    /// happens once the incident has closed, since closing needs the post-mortem written.
    func firePostMortem(
        _ deadline: Deadline, incident: Incident, postMortem: PostMortem?, at now: Date
    )
        -> CommandEffects
    {
        guard incident.status != .closed, let postMortem else { return CommandEffects() }
        let dueDay = LocalDay(postMortem.dueAt, in: config.calendar)
        let link = { (words: Localizer) in words("message.postmortem.link", ["url": composer.postMortemURL(incident)]) }
        let owner = postMortem.owner
        var effects = CommandEffects()
        switch deadline.kind {
        case .postMortemReminder:
            let headline = { (words: Localizer) in words("message.postmortem.due", ["due": words.day(dueDay)]) }
            effects = tell(
                config.chain[owner].people, layer: owner, incident, kind: .reminder, purpose: .postMortemReminder,
                headline: headline, next: link, at: now)
            effects.timeline.append(
                TimelineEntry(.postMortemReminded(owner: owner, due: LocalDay(postMortem.dueAt, in: config.calendar))))
        case .postMortemOverdue:
            let headline = { (words: Localizer) in
                words("message.postmortem.overdue", ["due": words.day(dueDay), "layer": words.layer(owner)])
            }
            effects =
                tell(
                    config.chain.decision.people, layer: .decision, incident, kind: .escalation,
                    purpose: .postMortemOverdue, headline: headline, next: link, at: now)
                + tell(
                    config.chain[owner].people, layer: owner, incident, kind: .reminder,
                    purpose: .postMortemOverdueOwner, headline: headline, next: link, at: now)
            effects.timeline.append(
                TimelineEntry(.postMortemOverdue(owner: owner, due: LocalDay(postMortem.dueAt, in: config.calendar))))
        default:
            break
        }
        return effects
    }

    /// Reminds the owner of a follow-up that is open past its due date. An owner who is not in the command
    /// chain cannot be reached, so the post-mortem's owner layer is told instead.
    /// - Parameter occurrence: the how-manyth reminder, from 1, so each one is sent once.
    public func followUpOverdue(
        _ followUp: FollowUp, incident: Incident, postMortemOwner: Layer, occurrence: Int, at now: Date
    ) -> CommandEffects {
        let dueDay = LocalDay(followUp.dueAt, in: config.calendar)
        let headline = { (words: Localizer) in
            words("message.follow_up.overdue", ["due": words.day(dueDay), "description": followUp.description])
        }
        let next = { (words: Localizer) in
            words("message.follow_up.next", ["url": composer.postMortemURL(incident)])
        }
        let purpose = NotificationPurpose.followUp(id: followUp.id ?? 0, occurrence: occurrence)
        var effects: CommandEffects
        let reminded: String?
        if let (person, layer) = config.chain.person(followUp.owner) {
            effects = tell(
                [person], layer: layer, incident, kind: .reminder, purpose: purpose, headline: headline, next: next,
                at: now)
            reminded = person.name
        } else {
            effects = tell(
                config.chain[postMortemOwner].people, layer: postMortemOwner, incident, kind: .reminder,
                purpose: purpose,
                headline: { words in headline(words) + words("message.follow_up.owner", ["owner": followUp.owner]) },
                next: next, at: now)
            reminded = nil
        }
        effects.timeline.append(
            TimelineEntry(
                .followUpOverdue(
                    due: LocalDay(followUp.dueAt, in: config.calendar), description: followUp.description,
                    owner: followUp.owner, reminded: reminded, told: postMortemOwner)))
        return effects
    }

    /// One message to each of `people` on their first channel.
    private func tell(
        _ people: [Person], layer: Layer, _ incident: Incident, kind: NotificationKind, purpose: NotificationPurpose,
        headline: (Localizer) -> String, next: (Localizer) -> String, at now: Date
    ) -> CommandEffects {
        var effects = CommandEffects()
        for person in people {
            guard let channel = person.channels.first else { continue }
            let writer = composer(for: person, on: channel)
            let message = writer.message(
                kind, incident, headline: headline(writer.words), next: next(writer.words), at: now)
            effects.notifications.append(
                notification(
                    incident, Recipient(person, layer: layer), channel: channel, index: 0, purpose: purpose, step: nil,
                    message))
        }
        return effects
    }
}
