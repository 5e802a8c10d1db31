public import Foundation

extension CommandPlanner {
    /// The messages of a shift change: the incoming person is told what their layer holds, the outgoing one
    /// that someone took over (or that nobody did, and the whole layer is paged until someone is). Each goes on
    /// the person's first channel; its key names the roster and the instant, so every node and every restart
    /// queues it once.
    /// - Parameter incidents: the open incidents the layer holds, most severe first.
    public func handoff(_ handoff: Handoff, holding incidents: [Incident], at now: Date) -> [PlannedNotification] {
        let instant = Int64((handoff.at.timeIntervalSince1970 * 1000).rounded())
        let summary = HandoffSummary(
            roster: handoff.roster, layer: handoff.layer, at: handoff.at, until: handoff.until,
            incoming: handoff.incoming.map(\.name), outgoing: handoff.outgoing.map(\.name),
            incidents: incidents.map {
                HandoffSummary.OpenIncident(
                    id: $0.id?.rawValue ?? 0, title: $0.title, severity: $0.severity, status: $0.status,
                    url: composer.url($0))
            },
            url: composer.onCallURL)
        var notifications: [PlannedNotification] = []
        for person in handoff.incoming {
            notifications += personal(
                to: person, layer: handoff.layer, scope: "roster-\(handoff.roster)", purpose: .handoff(at: instant)
            ) { writer in
                let words = writer.words
                let from =
                    handoff.outgoing.isEmpty
                    ? "" : words("message.handoff.from", ["names": words.list(handoff.outgoing.map(\.name))])
                let until =
                    handoff.until.map { words("message.handoff.until", ["time": words.time($0, now: now)]) } ?? ""
                let start = words.time(handoff.at, now: now)
                return NotificationMessage(
                    kind: .handoff,
                    subject: words(
                        "message.handoff.subject",
                        ["layer": words.layer(handoff.layer), "roster": handoff.roster, "time": start]),
                    text: words(
                        "message.handoff.text",
                        [
                            "layer": words.layer(handoff.layer), "roster": handoff.roster, "time": start,
                            "until": until, "from": from,
                        ]) + "\n" + Self.incidentList(summary.incidents, words),
                    incident: nil, handoff: summary, language: words.language)
            }
        }
        for person in handoff.outgoing {
            notifications += personal(
                to: person, layer: handoff.layer, scope: "roster-\(handoff.roster)", purpose: .handedOver(at: instant)
            ) { writer in
                let words = writer.words
                let until =
                    handoff.until.map { words("message.handoff.until", ["time": words.time($0, now: now)]) } ?? ""
                let successor =
                    handoff.incoming.isEmpty
                    ? words("message.handed_over.nobody", ["layer": words.layer(handoff.layer)])
                    : words(
                        "message.handed_over.successor",
                        ["names": words.list(handoff.incoming.map(\.name)), "until": until])
                let end = words.time(handoff.at, now: now)
                return NotificationMessage(
                    kind: .handedOver,
                    subject: words(
                        "message.handed_over.subject",
                        ["layer": words.layer(handoff.layer), "roster": handoff.roster, "time": end]),
                    text: words(
                        "message.handed_over.text",
                        [
                            "layer": words.layer(handoff.layer), "roster": handoff.roster, "time": end,
                            "successor": successor,
                        ]) + "\n" + Self.incidentList(summary.incidents, words),
                    incident: nil, handoff: summary, language: words.language)
            }
        }
        return notifications
    }

    /// An invitation's link, on the person's first personal channel (never a group, where anyone could use it),
    /// falling over to their other personal ones; none when the person has no personal channel.
    public func invitation(
        _ person: Person, layer: Layer, url: String, expiresAt: Date, at now: Date
    ) -> [PlannedNotification] {
        let channels = person.channels.filter { config.channel($0)?.audience == .personal }
        guard let first = channels.first, let login = person.login else { return [] }
        var recipient = Recipient(person, layer: layer)
        recipient.channels = channels
        let words = config.words(for: person)
        let message = NotificationMessage(
            kind: .invitation, subject: words("message.invitation.subject", ["login": login]),
            text: words(
                "message.invitation.text",
                ["name": person.name, "layer": words.layer(layer), "time": words.time(expiresAt, now: now)]),
            incident: nil, invitation: InvitationLink(url: url, expiresAt: expiresAt),
            language: words.language)
        let instant = Int64((now.timeIntervalSince1970 * 1000).rounded())
        return [
            PlannedNotification(
                idempotencyKey: PlannedNotification.key(
                    scope: "user-\(login)", purpose: .invitation(at: instant), recipient: recipient) + "/\(first)",
                incidentID: nil, recipient: recipient, channelID: first, channelIndex: 0, stepID: nil,
                approvalStepID: nil, message: message, purpose: .invitation(at: instant), audience: .personal)
        ]
    }

    private func personal(
        to person: Person, layer: Layer, scope: String, purpose: NotificationPurpose,
        _ write: (MessageComposer) -> NotificationMessage
    ) -> [PlannedNotification] {
        guard let channel = person.channels.first else { return [] }
        let recipient = Recipient(person, layer: layer)
        return [
            PlannedNotification(
                idempotencyKey: PlannedNotification.key(scope: scope, purpose: purpose, recipient: recipient)
                    + "/\(channel)",
                incidentID: nil, recipient: recipient, channelID: channel, channelIndex: 0, stepID: nil,
                approvalStepID: nil, message: write(composer(for: person, on: channel)), purpose: purpose,
                audience: config.channel(channel)?.audience ?? .personal)
        ]
    }

    /// The open incidents a layer holds, one per line, or that there are none.
    static func incidentList(_ incidents: [HandoffSummary.OpenIncident], _ words: Localizer) -> String {
        guard !incidents.isEmpty else { return words("message.handoff.no_incidents") }
        let lines = incidents.map {
            "• [\($0.severity.rawValue)] #\($0.id) \($0.title) (\(words.status($0.status)))"
        }
        return words.count("message.handoff.incidents", incidents.count) + "\n" + lines.joined(separator: "\n")
    }
}
