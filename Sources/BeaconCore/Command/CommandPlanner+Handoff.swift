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
        let layer = handoff.layer.rawValue
        let shift = "the \(layer) layer (roster \(handoff.roster))"
        let list = Self.incidentList(summary.incidents)
        var notifications: [PlannedNotification] = []
        let from = handoff.outgoing.isEmpty ? "" : ", taking over from \(Self.names(handoff.outgoing))"
        let until = handoff.until.map { " until \(composer.time($0, now: now))" } ?? ""
        let incoming = NotificationMessage(
            kind: .handoff,
            subject: "On duty: \(layer) layer (\(handoff.roster)) from \(composer.time(handoff.at, now: now))",
            text: "You are on duty for \(shift) from \(composer.time(handoff.at, now: now))\(until)\(from).\n" + list,
            incident: nil, handoff: summary)
        for person in handoff.incoming {
            notifications += personal(
                incoming, to: person, layer: handoff.layer, scope: "roster-\(handoff.roster)",
                purpose: .handoff(at: instant))
        }
        let successor =
            handoff.incoming.isEmpty
            ? "Nobody is on duty after you: until someone is, the whole \(layer) layer is paged."
            : "\(Self.names(handoff.incoming)) is on duty now\(until)."
        let outgoing = NotificationMessage(
            kind: .handedOver,
            subject: "Handed over: \(layer) layer (\(handoff.roster)) at \(composer.time(handoff.at, now: now))",
            text: "Your shift on \(shift) ended at \(composer.time(handoff.at, now: now)). \(successor)\n" + list,
            incident: nil, handoff: summary)
        for person in handoff.outgoing {
            notifications += personal(
                outgoing, to: person, layer: handoff.layer, scope: "roster-\(handoff.roster)",
                purpose: .handedOver(at: instant))
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
        let message = NotificationMessage(
            kind: .invitation, subject: "Beacon: set your password to sign in as \(login)",
            text: "You are invited to Beacon's console as \(person.name) (\(layer.rawValue) layer). Set your password "
                + "with this link; it works once, until \(composer.time(expiresAt, now: now)).",
            incident: nil, invitation: InvitationLink(url: url, expiresAt: expiresAt))
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
        _ message: NotificationMessage, to person: Person, layer: Layer, scope: String, purpose: NotificationPurpose
    ) -> [PlannedNotification] {
        guard let channel = person.channels.first else { return [] }
        let recipient = Recipient(person, layer: layer)
        return [
            PlannedNotification(
                idempotencyKey: PlannedNotification.key(scope: scope, purpose: purpose, recipient: recipient)
                    + "/\(channel)",
                incidentID: nil, recipient: recipient, channelID: channel, channelIndex: 0, stepID: nil,
                approvalStepID: nil, message: message, purpose: purpose,
                audience: config.channel(channel)?.audience ?? .personal)
        ]
    }

    /// `张敏` or `张敏, 陈晓`.
    static func names(_ people: [Person]) -> String { people.map(\.name).joined(separator: ", ") }

    /// The open incidents a layer holds, one per line, or that there are none.
    static func incidentList(_ incidents: [HandoffSummary.OpenIncident]) -> String {
        guard !incidents.isEmpty else { return "No open incidents in your layer." }
        let lines = incidents.map { "• [\($0.severity.rawValue)] #\($0.id) \($0.title) (\($0.status.rawValue))" }
        return "Open incidents in your layer (\(incidents.count)):\n" + lines.joined(separator: "\n")
    }
}
