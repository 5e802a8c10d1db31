/// A timeline as people read it: the notification attempts that follow a page, an escalation or a reminder are
/// folded into one line (`Notified 5 people on 3 channels: all delivered · 1 fell over to sms`) that unfolds to
/// the attempts; every other event stands on its own.
public enum TimelineLine: Sendable, Hashable {
    case event(TimelineEvent)
    /// A run of consecutive notification attempts and the sentence that sums them up.
    case notifications(summary: String, attempts: [TimelineEvent])

    /// The first event the line stands for.
    public var first: TimelineEvent {
        switch self {
        case .event(let event): event
        case .notifications(_, let attempts): attempts[0]
        }
    }

    /// What the line says.
    public var text: String {
        switch self {
        case .event(let event): event.message
        case .notifications(let summary, _): summary
        }
    }
}

/// The kinds of event a timeline can be filtered to.
public enum TimelineFilter: String, CaseIterable, Sendable, Hashable {
    /// What people did: declared, acknowledged, set the severity, did a step, answered, instructed, wrote.
    case people
    case escalations
    case notifications
    /// Everything the system did on its own: opened, raised, paged, resolved by itself.
    case system

    public func admits(_ event: TimelineEvent) -> Bool {
        switch self {
        case .people: event.actor != TimelineEvent.system
        case .escalations: event.kind == .escalated
        case .notifications: event.kind == .notification
        case .system: event.actor == TimelineEvent.system && event.kind != .notification && event.kind != .escalated
        }
    }
}

extension TimelineLine {
    /// `events` (in time order) with each run of notification attempts folded into one line.
    public static func fold(_ events: [TimelineEvent]) -> [TimelineLine] {
        var lines: [TimelineLine] = []
        var run: [TimelineEvent] = []
        func flush() {
            guard !run.isEmpty else { return }
            lines.append(.notifications(summary: summary(run), attempts: run))
            run = []
        }
        for event in events {
            if event.kind == .notification {
                run.append(event)
            } else {
                flush()
                lines.append(.event(event))
            }
        }
        flush()
        return lines
    }

    /// `Notified 5 people on 3 channels: all delivered · 1 fell over to sms · 1 retrying`: each person on each
    /// channel counted by where their attempts ended up.
    static func summary(_ attempts: [TimelineEvent]) -> String {
        enum Outcome {
            case delivered, retrying, unreached
            case fellOver([String])
        }
        var people = Set<String>()
        var channels = Set<String>()
        var outcomes: [String: Outcome] = [:]
        for event in attempts {
            let (attempt, outcome): (NotificationAttempt, Outcome)
            switch event.fact {
            case .delivered(let made, _): (attempt, outcome) = (made, .delivered)
            case .retrying(let made, _, _): (attempt, outcome) = (made, .retrying)
            case .gaveUp(let made, _, let fallovers):
                (attempt, outcome) = (made, fallovers.isEmpty ? .unreached : .fellOver(fallovers))
            default: continue
            }
            people.insert(attempt.recipient)
            channels.insert(attempt.channel)
            outcomes["\(attempt.recipient)\u{1F}\(attempt.channel)"] = outcome
        }
        var delivered = 0
        var retrying = 0
        var unreached = 0
        var fellOver: [String] = []
        for outcome in outcomes.values {
            switch outcome {
            case .delivered: delivered += 1
            case .retrying: retrying += 1
            case .unreached: unreached += 1
            case .fellOver(let channels): fellOver += channels
            }
        }
        let who = people.count == 1 ? "1 person" : "\(people.count) people"
        let on = channels.count == 1 ? "1 channel" : "\(channels.count) channels"
        var parts = [delivered == outcomes.count ? "all delivered" : "\(delivered) delivered"]
        if !fellOver.isEmpty {
            parts.append("\(fellOver.count) fell over to \(Set(fellOver).sorted().joined(separator: ", "))")
        }
        if retrying > 0 { parts.append("\(retrying) retrying") }
        if unreached > 0 { parts.append("\(unreached) could not be reached") }
        return "Notified \(who) on \(on): " + parts.joined(separator: " · ")
    }
}
