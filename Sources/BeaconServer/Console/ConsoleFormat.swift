import BeaconCore
import Foundation

/// How the console writes words, times, ages and values: in the reader's language and zone (their own, else the
/// configuration's), set for each request by `ConsoleLanguageMiddleware`.
enum ConsoleFormat {
    /// The reader's catalog and clock: English in UTC outside a request.
    @TaskLocal static var words: Localizer = .english

    /// The page being answered (path and query), for the language switch to come back to.
    @TaskLocal static var page: String = "/"

    /// The zone a page is written in.
    static var zone: TimeZone { words.timeZone }

    /// The text of `key` in the reader's language.
    static func t(_ key: String, _ arguments: [String: String] = [:]) -> String { words(key, arguments) }

    /// Every value of `T` with what it means, for a refusal that names the choices: `sev1 (critical), sev2 (major)…`.
    static func choices<T: RawRepresentable & CaseIterable>(_ label: (T) -> String) -> String
    where T.RawValue == String {
        words.list(
            T.allCases.map { value in
                let meaning = label(value)
                return meaning == value.rawValue ? meaning : t("choice", ["value": value.rawValue, "label": meaning])
            })
    }

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
    static func offset(_ date: Date) -> String { Localizer.offsetName(zone.secondsFromGMT(for: date)) }

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

    /// `Nov 24` (`Nov 24, 2025` in another year), `11月24日`, or nil for today.
    private static func day(_ date: Date, now: Date) -> String? {
        guard !calendar.isDate(date, inSameDayAs: now) else { return nil }
        return words.shortDay(date, now: now)
    }

    /// `42m`, `3h 05m`, `2d 4h`; `42分`, `3小时05分`, `2天4小时`: how long ago, or how long until.
    static func span(_ seconds: TimeInterval) -> String {
        let total = Int(abs(seconds).rounded())
        let (days, hours, minutes) = (total / 86_400, total % 86_400 / 3_600, total % 3_600 / 60)
        let unit = t("console.span.units").split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard unit.count == 5 else { return "\(total)s" }
        if days > 0 { return "\(days)\(unit[0])\(unit[4])\(hours)\(unit[1])" }
        if hours > 0 { return "\(hours)\(unit[1])\(unit[4])\(String(format: "%02d", minutes))\(unit[2])" }
        if minutes > 0 { return "\(minutes)\(unit[2])" }
        return "\(total)\(unit[3])"
    }

    /// `in 4m` or `3m overdue`, what a countdown shows before its script takes over.
    static func countdown(to due: Date, now: Date) -> String {
        let left = due.timeIntervalSince(now)
        return t(left >= 0 ? "console.countdown.in" : "console.countdown.overdue", ["span": span(left)])
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
            return t("console.condition.change", ["window": words.duration(window.seconds)])
                + steps.joined(separator: " · ")
        case .contains(let keywords, let levels):
            let steps = leastSevereFirst(levels).map {
                t("console.condition.top", ["rank": "\($0.1)"]) + " \($0.0.rawValue)"
            }
            return t("console.condition.mentions", ["keywords": words.list(keywords)]) + steps.joined(separator: " · ")
        case .absent(let severity):
            return t("console.condition.absent", ["severity": severity.rawValue])
        }
    }

    private static func leastSevereFirst<T>(_ levels: [Severity: T]) -> [(Severity, T)] {
        levels.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
