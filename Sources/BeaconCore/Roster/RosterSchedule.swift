public import Foundation

/// Someone put on duty by hand over a roster's layers: a swap, a shift taken or given, cover for a sick
/// colleague. Stored, not written in YAML, with who made it and why.
public struct RosterOverride: Sendable, Hashable, Codable {
    public var id: Int64?
    public var roster: String
    public var person: PersonID
    public var from: Date
    public var to: Date
    /// Who made it, by login.
    public var createdBy: String
    public var reason: String?
    public var createdAt: Date

    public init(
        id: Int64? = nil, roster: String, person: PersonID, from: Date, to: Date, createdBy: String,
        reason: String? = nil, createdAt: Date
    ) {
        self.id = id
        self.roster = roster
        self.person = person
        self.from = from
        self.to = to
        self.createdBy = createdBy
        self.reason = reason
        self.createdAt = createdAt
    }

    func covers(_ date: Date) -> Bool { from <= date && date < to }

    enum CodingKeys: String, CodingKey {
        case id, roster, person, reason
        case from = "from_at"
        case to = "to_at"
        case createdBy = "created_by"
        case createdAt = "created_at"
    }
}

/// Who of a roster is on duty at a moment, and until when.
public struct OnDutySpan: Sendable, Hashable {
    /// Nobody when the roster has a gap.
    public var people: [PersonID]
    public var from: Date
    /// When someone else takes over; `nil` when nothing changes within the horizon looked at.
    public var until: Date?
    /// Whether an override, not a rotation, put them there.
    public var overridden: Bool
}

/// A roster read against the calendar, the time zone and the overrides: who is on duty when.
public struct RosterSchedule: Sendable {
    public let roster: Roster
    public let calendar: HolidayCalendar
    public let timeZone: TimeZone
    /// This roster's overrides; others are ignored.
    public let overrides: [RosterOverride]

    public init(roster: Roster, calendar: HolidayCalendar, timeZone: TimeZone, overrides: [RosterOverride] = []) {
        self.roster = roster
        self.calendar = calendar
        self.timeZone = timeZone
        self.overrides = overrides.filter { $0.roster == roster.id }
    }

    /// Who is on duty at `date`: the latest override covering it, else the last layer with someone on duty.
    public func onDuty(at date: Date) -> (people: [PersonID], overridden: Bool) {
        if let override = overrides.filter({ $0.covers(date) }).max(by: { $0.createdAt < $1.createdAt }) {
            return ([override.person], true)
        }
        let local = LocalDateTime(date, in: timeZone)
        for layer in roster.layers.reversed() {
            if let person = layer.onDuty(at: local, calendar: calendar) { return ([person], false) }
        }
        return ([], false)
    }

    /// Who is on duty at `date` and until when, looking at most `horizon` ahead.
    public func span(at date: Date, horizon: TimeInterval = 14 * 86_400) -> OnDutySpan {
        let now = onDuty(at: date)
        let until = changePoints(from: date, to: date.addingTimeInterval(horizon)).first { onDuty(at: $0) != now }
        return OnDutySpan(people: now.people, from: date, until: until, overridden: now.overridden)
    }

    /// The spans from `from` to `to`, in order, each as long as the people on duty stay the same.
    public func spans(from: Date, to: Date) -> [OnDutySpan] {
        var spans: [OnDutySpan] = []
        var current = onDuty(at: from)
        var start = from
        for point in changePoints(from: from, to: to) where point < to {
            let next = onDuty(at: point)
            guard next != current else { continue }
            spans.append(OnDutySpan(people: current.people, from: start, until: point, overridden: current.overridden))
            (current, start) = (next, point)
        }
        spans.append(OnDutySpan(people: current.people, from: start, until: to, overridden: current.overridden))
        return spans
    }

    /// The times from `from` to `to` when nobody is on duty.
    public func gaps(from: Date, to: Date) -> [DateInterval] {
        spans(from: from, to: to).filter(\.people.isEmpty).compactMap { span in
            span.until.map { DateInterval(start: span.from, end: $0) }
        }
    }

    /// The instants after `from`, up to `to`, when who is on duty may change, in order.
    func changePoints(from: Date, to: Date) -> [Date] {
        let start = LocalDateTime(from, in: timeZone).wallSeconds
        // A day either side: a daylight-saving change moves wall time against real time by an hour or so.
        let end = LocalDateTime(to, in: timeZone).wallSeconds + 86_400
        var points = Set(
            roster.layers.flatMap { $0.changes(from: start - 86_400, to: end) }.map {
                LocalDateTime(wallSeconds: $0).date(in: timeZone)
            })
        for override in overrides {
            points.insert(override.from)
            points.insert(override.to)
        }
        return points.filter { $0 > from && $0 <= to }.sorted()
    }
}
