import Foundation

/// A roster (排班表): who of a layer is on duty when, as rotation layers of shifts. Later layers win where they
/// have someone on duty; overrides (stored, made by people) win over every layer.
public struct Roster: Sendable, Hashable {
    /// Its name in `beacon.yaml` (`cs-duty`).
    public var id: String
    public var layers: [RosterLayer]

    public init(id: String, layers: [RosterLayer]) {
        self.id = id
        self.layers = layers
    }

    /// Everyone who takes a shift in it, in the order first listed.
    public var people: [PersonID] {
        var seen = Set<PersonID>()
        return layers.flatMap(\.people).filter { seen.insert($0).inserted }
    }
}

/// One rotation: people take shifts in turn, repeating from a handoff, on some kinds of day and within some
/// hours.
public struct RosterLayer: Sendable, Hashable {
    public var name: String
    /// How long each person's turn lasts, in wall-clock time (12h, 1d, 1w…).
    public var shift: Duration
    /// When a shift starts; shifts repeat from it, before and after.
    public var handoff: LocalDateTime
    /// Logins, in turn.
    public var people: [PersonID]
    /// The kinds of day the layer covers; all of them by default.
    public var on: Set<DayKind>
    /// The local hours the layer covers each day it covers; the whole day when empty.
    public var hours: [DailyHours]

    public init(
        name: String, shift: Duration, handoff: LocalDateTime, people: [PersonID],
        on: Set<DayKind> = Set(DayKind.allCases), hours: [DailyHours] = []
    ) {
        self.name = name
        self.shift = shift
        self.handoff = handoff
        self.people = people
        self.on = on
        self.hours = hours
    }

    /// The shift length in seconds (at least one).
    var shiftSeconds: Int64 { max(1, shift.components.seconds) }

    /// Who of this layer is on duty at the wall-clock time `local`, if anyone.
    func onDuty(at local: LocalDateTime, calendar: HolidayCalendar) -> PersonID? {
        guard !people.isEmpty, covers(local, calendar: calendar) else { return nil }
        let elapsed = local.wallSeconds - handoff.wallSeconds
        let turn = Int(floorDivide(elapsed, shiftSeconds) % Int64(people.count))
        return people[turn < 0 ? turn + people.count : turn]
    }

    /// Whether the layer covers `local`: a kind of day it is on, within its hours. A window that crosses
    /// midnight belongs to the day it starts on.
    func covers(_ local: LocalDateTime, calendar: HolidayCalendar) -> Bool {
        guard !hours.isEmpty else { return on.contains(calendar.kind(of: local.day)) }
        return hours.contains { window in
            guard let start = window.startDay(containing: local) else { return false }
            return on.contains(calendar.kind(of: start))
        }
    }

    /// The wall-clock times (in `wallSeconds`) in `(from, to]` when who this layer has on duty may change:
    /// shift boundaries, window edges and midnights.
    func changes(from: Int64, to: Int64) -> [Int64] {
        var points: [Int64] = []
        var boundary = handoff.wallSeconds + (floorDivide(from - handoff.wallSeconds, shiftSeconds) + 1) * shiftSeconds
        while boundary <= to {
            points.append(boundary)
            boundary += shiftSeconds
        }
        var midnight = floorDivide(from, 86_400) * 86_400
        while midnight <= to {
            points.append(midnight)
            for window in hours {
                points.append(midnight + Int64(window.start))
                points.append(midnight + Int64(window.end))
            }
            midnight += 86_400
        }
        return points.filter { $0 > from && $0 <= to }
    }
}

/// Daily local hours (`08:00-20:00`); a window whose end is not after its start crosses midnight
/// (`20:00-08:00`).
public struct DailyHours: Sendable, Hashable, CustomStringConvertible {
    /// Seconds since midnight.
    public var start: Int
    /// Seconds since midnight, up to 86 400 (`24:00`).
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public var crossesMidnight: Bool { end <= start }

    /// `08:00-20:00`; `nil` when malformed or empty (`08:00-08:00`).
    public init?(parsing text: String) {
        let ends = text.split(separator: "-", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard ends.count == 2, let start = LocalDateTime.secondOfDay(ends[0], allowingMidnightEnd: false),
            let end = LocalDateTime.secondOfDay(ends[1], allowingMidnightEnd: true), start != end % 86_400
        else { return nil }
        self.init(start: start, end: end)
    }

    /// The day the window holding `local` started on, or `nil` when `local` is outside the window.
    func startDay(containing local: LocalDateTime) -> LocalDay? {
        if !crossesMidnight { return (start..<end).contains(local.second) ? local.day : nil }
        if local.second >= start { return local.day }
        if local.second < end { return local.day.adding(days: -1) }
        return nil
    }

    /// The seconds of each day the window covers, as up to two ranges within `0..<86_400`.
    var ranges: [Range<Int>] { crossesMidnight ? [start..<86_400, 0..<end] : [start..<end] }

    public var description: String {
        func text(_ second: Int) -> String { String(format: "%02d:%02d", second / 3_600, second / 60 % 60) }
        return "\(text(start))-\(text(end))"
    }
}

/// `a / b` rounded down, for negative `a` too.
func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
    let quotient = a / b
    return a % b != 0 && (a < 0) != (b < 0) ? quotient - 1 : quotient
}
