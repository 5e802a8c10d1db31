import BeaconCore
import Foundation

/// How the console writes times, ages and values: in the configuration's `time_zone` (the rosters' zone, set for
/// each request by the routes), short, the same for everyone on the incident.
enum ConsoleFormat {
    /// The zone a page is written in: set around each page and form by `ConsoleRoutes`, UTC elsewhere.
    @TaskLocal static var zone: TimeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current

    /// The chain's people by login (and name), to show people by name with their role: set with the zone.
    @TaskLocal static var people: [String: Person] = [:]

    /// `Zhang Min` for `zhangmin`; the text itself for anyone the chain does not know (`beacon`, a service).
    static func name(_ login: String) -> String { people[login]?.name ?? login }

    /// `CS team lead`, for a title on hover or long-press.
    static func role(_ login: String) -> String? { people[login]?.role }

    /// The chain's people by login and by name.
    static func people(of chain: CommandChain) -> [String: Person] {
        var people: [String: Person] = [:]
        for person in chain.people {
            people[person.name] = person
            if let login = person.login { people[login] = person }
        }
        return people
    }

    private static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }

    /// `UTC+8`, `UTC`: the zone's offset at `date`.
    static func offset(_ date: Date) -> String { MessageComposer.offsetName(zone.secondsFromGMT(for: date)) }

    /// `11:15 UTC+8` today, `Nov 24 11:15 UTC+8` on another day (in the page's zone).
    static func time(_ date: Date, now: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        let clock = String(format: "%02d:%02d ", parts.hour ?? 0, parts.minute ?? 0) + offset(date)
        return day(date, now: now).map { "\($0) \(clock)" } ?? clock
    }

    /// `03:15:48` today, `Nov 24 03:15:48` on another day: timeline entries, where seconds tell the order.
    static func clock(_ date: Date, now: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute, .second], from: date)
        let clock = String(format: "%02d:%02d:%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
        return day(date, now: now).map { "\($0) \(clock)" } ?? clock
    }

    /// `Nov 24` (`Nov 24 2025` in another year), or nil for today.
    private static func day(_ date: Date, now: Date) -> String? {
        guard !calendar.isDate(date, inSameDayAs: now) else { return nil }
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        var english = calendar
        english.locale = Locale(identifier: "en_US_POSIX")
        let month = english.shortMonthSymbols[max(0, min(11, (parts.month ?? 1) - 1))]
        let sameYear = calendar.component(.year, from: now) == parts.year
        return "\(month) \(parts.day ?? 1)" + (sameYear ? "" : " \(parts.year ?? 0)")
    }

    /// `42m`, `3h 05m`, `2d 4h`: how long ago, or how long until.
    static func span(_ seconds: TimeInterval) -> String {
        let total = Int(abs(seconds).rounded())
        let (days, hours, minutes) = (total / 86_400, total % 86_400 / 3_600, total % 3_600 / 60)
        if days > 0 { return "\(days)d \(hours)h" }
        if hours > 0 { return "\(hours)h \(String(format: "%02d", minutes))m" }
        if minutes > 0 { return "\(minutes)m" }
        return "\(total)s"
    }

    /// `in 4m` or `3m overdue`, what a countdown shows before its script takes over.
    static func countdown(to due: Date, now: Date) -> String {
        let left = due.timeIntervalSince(now)
        return left >= 0 ? "in \(span(left))" : "\(span(left)) overdue"
    }

    static func value(_ value: Double) -> String { value.formatted(maxFractionDigits: 4) }

    /// Milliseconds since 1970, for the scripts' countdowns.
    static func millis(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1_000).rounded()) }

    /// `< 0.9 sev2 · < 0.8 sev1`: a rule's condition in a line.
    static func condition(_ condition: Condition) -> String {
        switch condition {
        case .threshold(let op, let levels):
            return leastSevereFirst(levels).map { "\(op.rawValue) \(value($0.1)) \($0.0.rawValue)" }
                .joined(separator: " · ")
        case .change(let window, let op, let levels):
            let steps = leastSevereFirst(levels).map { "\(op.rawValue) \($0.1) \($0.0.rawValue)" }
            return "change over \(window.configText): " + steps.joined(separator: " · ")
        case .contains(let keywords, let levels):
            let steps = leastSevereFirst(levels).map { "top \($0.1) \($0.0.rawValue)" }
            return "mentions \(keywords.joined(separator: ", ")): " + steps.joined(separator: " · ")
        case .absent(let severity):
            return "source down or metric missing: \(severity.rawValue)"
        }
    }

    private static func leastSevereFirst<T>(_ levels: [Severity: T]) -> [(Severity, T)] {
        levels.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
