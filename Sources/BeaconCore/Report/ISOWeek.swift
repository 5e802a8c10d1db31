public import Foundation

/// An ISO 8601 week, such as `2026-W47`: Monday to Sunday, week 1 being the week with the year's first Thursday.
///
/// Where a week begins depends on the time zone, so every conversion to dates takes a `Calendar`: a Gregorian or
/// ISO 8601 calendar whose time zone decides where midnight falls (see `calendar(in:)`).
public struct ISOWeek: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The week-numbering year, which differs from the calendar year for a few days around New Year.
    public let year: Int
    /// From 1 to 52, or 53 in years that have it.
    public let week: Int

    /// - Throws: `ISOWeek.ParseError` when the year has no such week.
    public init(year: Int, week: Int) throws(ParseError) {
        let text = Self.text(year, week)
        guard (1...9999).contains(year) else {
            throw ParseError("week.year_range", ["week": text])
        }
        guard week >= 1 else { throw ParseError("week.from_one", ["week": text]) }
        let weeks = Self.weeks(in: year)
        guard week <= weeks else {
            throw ParseError("week.count", ["week": text, "year": "\(year)", "weeks": "\(weeks)"])
        }
        self.year = year
        self.week = week
    }

    /// Parses `2026-W47` (or `2026W47`).
    /// - Throws: `ISOWeek.ParseError` naming the expected form, or the year's number of weeks.
    public init(parsing text: String) throws(ParseError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.uppercased().split(separator: "W", omittingEmptySubsequences: false)
        guard parts.count == 2, var yearText = parts.first, let weekText = parts.last else {
            throw ParseError.form(text)
        }
        if yearText.hasSuffix("-") { yearText = yearText.dropLast() }
        guard yearText.count == 4, weekText.count == 2, yearText.allSatisfy(\.isASCIIDigit),
            weekText.allSatisfy(\.isASCIIDigit), let year = Int(yearText), let week = Int(weekText)
        else { throw ParseError.form(text) }
        try self.init(year: year, week: week)
    }

    /// The week that contains `date` in `calendar`'s time zone.
    public init(containing date: Date, in calendar: Calendar) {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let day = CivilDay(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
        var year = day.year
        var week = (day.number - CivilDay.mondayOfWeekOne(year)) / 7 + 1
        if day.number < CivilDay.mondayOfWeekOne(year) {
            year -= 1
            week = (day.number - CivilDay.mondayOfWeekOne(year)) / 7 + 1
        } else if week > Self.weeks(in: year) {
            year += 1
            week = 1
        }
        self.year = year
        self.week = week
    }

    /// Monday 00:00 of the week.
    public func start(in calendar: Calendar) -> Date { Self.midnight(firstDay, in: calendar) }

    /// Monday 00:00 of the next week: the week is every moment from `start` up to, not including, `end`.
    public func end(in calendar: Calendar) -> Date { next.start(in: calendar) }

    /// The week's Monday and Sunday as `2026-11-16`.
    public var days: (first: String, last: String) {
        (firstDay.description, CivilDay(number: firstDay.number + 6).description)
    }

    public var previous: ISOWeek {
        week > 1 ? ISOWeek(trusted: year, week - 1) : ISOWeek(trusted: year - 1, Self.weeks(in: year - 1))
    }

    public var next: ISOWeek {
        week < Self.weeks(in: year) ? ISOWeek(trusted: year, week + 1) : ISOWeek(trusted: year + 1, 1)
    }

    /// `2026-W47`.
    public var description: String { Self.text(year, week) }

    /// 53 when the year starts on a Thursday, or is a leap year starting on a Wednesday; 52 otherwise.
    public static func weeks(in year: Int) -> Int {
        let january1 = CivilDay(year: year, month: 1, day: 1).weekday
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        return january1 == 4 || (leap && january1 == 3) ? 53 : 52
    }

    /// The ISO 8601 calendar (weeks from Monday) in `timeZone`: what callers pass unless they have their own.
    public static func calendar(in timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = timeZone
        return calendar
    }

    public static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool { (lhs.year, lhs.week) < (rhs.year, rhs.week) }

    private init(trusted year: Int, _ week: Int) {
        self.year = year
        self.week = week
    }

    private var firstDay: CivilDay { CivilDay(number: CivilDay.mondayOfWeekOne(year) + (week - 1) * 7) }

    private static func midnight(_ day: CivilDay, in calendar: Calendar) -> Date {
        let parts = DateComponents(year: day.year, month: day.month, day: day.day)
        // A day always exists in a Gregorian calendar; the fallback only satisfies the type.
        return calendar.date(from: parts).map { calendar.startOfDay(for: $0) } ?? Date(timeIntervalSince1970: 0)
    }

    private static func text(_ year: Int, _ week: Int) -> String {
        String(format: "%04d-W%02d", year, week)
    }

    /// Why a week could not be read.
    public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
        /// The catalog key of the sentence, and the values it names.
        public var key: String
        public var arguments: [String: String]

        init(_ key: String, _ arguments: [String: String]) {
            self.key = key
            self.arguments = arguments
        }

        /// The sentence in English (the JSON API).
        public var message: String { message(in: .english) }
        public func message(in words: Localizer) -> String { words(key, arguments) }
        public var description: String { message }

        static func form(_ text: String) -> Self { Self("week.form", ["text": text]) }
    }
}

extension ISOWeek: Codable {
    /// Encoded as its text, `2026-W47`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
