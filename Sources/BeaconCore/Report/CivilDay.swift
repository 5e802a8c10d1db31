import Foundation

/// A day of the proleptic Gregorian calendar, with no time zone: week arithmetic on whole days.
struct CivilDay: Hashable, CustomStringConvertible {
    let year: Int
    let month: Int
    let day: Int
    /// Days since 1970-01-01.
    let number: Int

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
        // Days from civil, after Howard Hinnant's algorithm: years start in March so leap days come last.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        number = era * 146_097 + dayOfEra - 719_468
    }

    init(number: Int) {
        let shifted = number + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.number = number
    }

    /// 1 for Monday … 7 for Sunday.
    var weekday: Int {
        // 1970-01-01 was a Thursday.
        ((number % 7 + 7) % 7 + 3) % 7 + 1
    }

    /// The Monday of week 1 of an ISO week-numbering year: the Monday on or before 4 January.
    static func mondayOfWeekOne(_ year: Int) -> Int {
        let january4 = CivilDay(year: year, month: 1, day: 4)
        return january4.number - (january4.weekday - 1)
    }

    /// `2026-11-16`.
    var description: String { String(format: "%04d-%02d-%02d", year, month, day) }
}
