public import Foundation

/// Who writes post-mortems, when they fall due and how follow-ups are chased: `postmortem:` in `beacon.yaml`.
public struct PostMortemPolicy: Sendable, Hashable {
    /// The layer that writes the post-mortem; the plan gives it to the directors.
    public var owner: Layer
    /// Working days (Monday to Friday) from resolution to the due date.
    public var dueWorkingDays: Int
    /// How long before the due date its owner is reminded.
    public var remindBefore: Duration
    /// How often the owner of an overdue follow-up is reminded until it is settled.
    public var followUpRemindEvery: Duration

    public init(
        owner: Layer = .execution, dueWorkingDays: Int = PostMortem.defaultWorkingDays,
        remindBefore: Duration = .seconds(86_400), followUpRemindEvery: Duration = .seconds(7 * 86_400)
    ) {
        self.owner = owner
        self.dueWorkingDays = dueWorkingDays
        self.remindBefore = remindBefore
        self.followUpRemindEvery = followUpRemindEvery
    }
}

extension BeaconConfig {
    /// The ISO 8601 calendar in the configured time zone: working days and report weeks count in it.
    public var calendar: Calendar {
        ISOWeek.calendar(in: timeZone ?? TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current)
    }
}

extension BeaconConfig {
    /// How text is written for `person` (their `locale:` and `time_zone:`, else the configuration's), or for
    /// everyone when there is no one in particular: a group channel, the CLI, a page nobody signed in to.
    public func words(for person: Person? = nil) -> Localizer {
        Localizer(person?.language ?? language, timeZone: person?.timeZone ?? calendar.timeZone)
    }

    /// How a notification on `channel` is written for `person`: a group channel in the configuration's
    /// language and zone (everyone in the group reads the one message), a personal one in the person's own.
    public func words(for person: Person, on channel: String) -> Localizer {
        self.channel(channel)?.audience == .group ? words() : words(for: person)
    }
}
