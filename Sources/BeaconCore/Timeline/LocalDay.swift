public import Foundation

/// A day as the people of one time zone name it (a due date), with no time of day: told the same wherever it is
/// read.
public struct LocalDay: Sendable, Hashable, Codable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day `date` falls on in `calendar`'s time zone.
    public init(_ date: Date, in calendar: Calendar) {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// 1 for Monday … 7 for Sunday.
    public var weekday: Int { CivilDay(year: year, month: month, day: day).weekday }

    public static func < (lhs: LocalDay, rhs: LocalDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

extension LocalDay: CustomStringConvertible {
    /// `2027-02-08`.
    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }

    /// `2027-02-08`, a day that exists; `nil` for anything else.
    public init?(parsing text: String) {
        let fields = text.split(separator: "-", omittingEmptySubsequences: false)
        guard fields.count == 3, fields[0].count == 4, fields[1].count == 2, fields[2].count == 2,
            fields.allSatisfy({ $0.allSatisfy(\.isASCII) }),
            let year = Int(fields[0]), let month = Int(fields[1]), let day = Int(fields[2]),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        let civil = CivilDay(number: CivilDay(year: year, month: month, day: day).number)
        guard civil.month == month, civil.day == day else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The day `days` after this one (before it when negative).
    public func adding(days: Int) -> LocalDay {
        let civil = CivilDay(number: CivilDay(year: year, month: month, day: day).number + days)
        return LocalDay(year: civil.year, month: civil.month, day: civil.day)
    }
}
