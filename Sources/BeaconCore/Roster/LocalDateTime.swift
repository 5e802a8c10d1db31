public import Foundation

/// A wall-clock date and time with no zone: what a roster's handoff says (`2026-12-07T08:00`).
///
/// Rosters count shifts in wall-clock time, so a shift that starts at 08:00 starts at 08:00 on both sides of a
/// daylight-saving change; the shift across the change is an hour shorter or longer in real time.
public struct LocalDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var day: LocalDay
    /// Seconds since the local midnight, `0..<86_400`.
    public var second: Int

    public init(day: LocalDay, second: Int) {
        self.day = day
        self.second = second
    }

    /// Seconds of wall-clock time since 1970-01-01T00:00, as if no zone ever changed its offset: what shift
    /// arithmetic runs on.
    public var wallSeconds: Int64 {
        Int64(CivilDay(year: day.year, month: day.month, day: day.day).number) * 86_400 + Int64(second)
    }

    public init(wallSeconds: Int64) {
        let days = wallSeconds >= 0 ? wallSeconds / 86_400 : (wallSeconds - 86_399) / 86_400
        let civil = CivilDay(number: Int(days))
        self.init(
            day: LocalDay(year: civil.year, month: civil.month, day: civil.day),
            second: Int(wallSeconds - days * 86_400))
    }

    /// What a clock in `zone` shows at `date`.
    public init(_ date: Date, in zone: TimeZone) {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down)) + Int64(zone.secondsFromGMT(for: date))
        self.init(wallSeconds: seconds)
    }

    /// The instant this wall-clock time names in `zone`. When clocks fall back and show it twice, the first;
    /// when they spring forward over it, the instant as many seconds past the jump as it was past the last time
    /// before the jump (02:30 on a night that skips 02:00–03:00 is 03:30).
    public func date(in zone: TimeZone) -> Date {
        let wall = Double(wallSeconds)
        let offsets = Set(
            [-86_400.0, 0, 86_400].map { zone.secondsFromGMT(for: Date(timeIntervalSince1970: wall + $0)) })
        let named = offsets.map { wall - Double($0) }.filter { instant in
            zone.secondsFromGMT(for: Date(timeIntervalSince1970: instant)) == Int(wall - instant)
        }
        if let first = named.min() { return Date(timeIntervalSince1970: first) }
        let before = zone.secondsFromGMT(for: Date(timeIntervalSince1970: wall - 86_400))
        return Date(timeIntervalSince1970: wall - Double(before))
    }

    /// Whether a clock in `zone` ever shows this time (a spring-forward night skips an hour).
    public func exists(in zone: TimeZone) -> Bool { LocalDateTime(date(in: zone), in: zone) == self }

    /// `2026-12-07T08:00` or `2026-12-07T08:00:00`; `nil` for anything else.
    public init?(parsing text: String) {
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2, let day = LocalDay(parsing: String(parts[0])),
            let second = Self.secondOfDay(String(parts[1]), allowingMidnightEnd: false)
        else { return nil }
        self.init(day: day, second: second)
    }

    /// `08:00` or `08:00:30` as seconds since midnight; `24:00` too when `allowingMidnightEnd`.
    static func secondOfDay(_ text: String, allowingMidnightEnd: Bool) -> Int? {
        let fields = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(fields.count), fields.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
            let hour = Int(fields[0]), let minute = Int(fields[1])
        else { return nil }
        let second = fields.count == 3 ? Int(fields[2]) : 0
        guard let second, (0..<60).contains(minute), (0..<60).contains(second) else { return nil }
        if hour == 24 && minute == 0 && second == 0 && allowingMidnightEnd { return 86_400 }
        guard (0..<24).contains(hour) else { return nil }
        return hour * 3_600 + minute * 60 + second
    }

    public var description: String {
        let time = String(format: "%02d:%02d", second / 3_600, second / 60 % 60)
        return "\(day)T\(time)" + (second % 60 == 0 ? "" : String(format: ":%02d", second % 60))
    }

    /// `2026-12-07 08:00`: as people read it on a page or a terminal.
    public var readable: String { description.replacingOccurrences(of: "T", with: " ") }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool { lhs.wallSeconds < rhs.wallSeconds }
}
