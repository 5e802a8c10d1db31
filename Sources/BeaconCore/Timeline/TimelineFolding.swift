/// A timeline as people read it: the notification attempts that follow a page, an escalation or a reminder are
/// folded into one line (`Notified 5 people on 3 channels: all delivered · 1 fell over to sms`) that unfolds to
/// the attempts; every other event stands on its own.
public enum TimelineLine: Sendable, Hashable {
    case event(TimelineEvent)
    /// A run of consecutive notification attempts and what became of them.
    case notifications(summary: NotificationTally, attempts: [TimelineEvent])

    /// The first event the line stands for.
    public var first: TimelineEvent {
        switch self {
        case .event(let event): event
        case .notifications(_, let attempts): attempts[0]
        }
    }

    /// What the line says, in English.
    public var text: String { text(in: .english) }

    /// What the line says in `language`'s words.
    public func text(in text: TimelineText) -> String {
        switch self {
        case .event(let event): text.sentence(event.fact)
        case .notifications(let summary, _): text.tally(summary)
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

    /// What became of a run of attempts: each person on each channel counted by where their attempts ended up.
    static func summary(_ attempts: [TimelineEvent]) -> NotificationTally {
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
        var tally = NotificationTally(people: people.count, channels: channels.count, outcomes: outcomes.count)
        var fellOver: [String] = []
        for outcome in outcomes.values {
            switch outcome {
            case .delivered: tally.delivered += 1
            case .retrying: tally.retrying += 1
            case .unreached: tally.unreached += 1
            case .fellOver(let channels): fellOver += channels
            }
        }
        tally.fellOver = fellOver.count
        tally.falloverChannels = Set(fellOver).sorted()
        return tally
    }
}

/// Where a run of notification attempts ended up, for one folded timeline line.
public struct NotificationTally: Sendable, Hashable {
    /// People and channels reached for.
    public var people: Int
    public var channels: Int
    /// Person-channel pairs, each counted once by its last attempt.
    public var outcomes: Int
    public var delivered = 0
    public var retrying = 0
    public var unreached = 0
    /// Pairs that gave up and fell over, and the channels they fell over to.
    public var fellOver = 0
    public var falloverChannels: [String] = []
}
