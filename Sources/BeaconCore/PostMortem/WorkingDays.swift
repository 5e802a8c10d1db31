public import Foundation

/// Counts working days (Monday to Friday) in a calendar.
public enum WorkingDays {
    /// The moment `days` working days after `start`, at the same time of day.
    ///
    /// A start on a weekend counts from the following Monday's time of day as if it were Friday's.
    /// - Parameters:
    ///   - calendar: its time zone decides where a day ends.
    ///   - holidays: official holidays (not working days) and make-up working days (调休, which are); without
    ///     them, Monday to Friday.
    public static func add(
        _ days: Int, to start: Date, in calendar: Calendar, holidays: HolidayCalendar = HolidayCalendar()
    ) -> Date {
        var date = start
        var remaining = days
        while remaining > 0 {
            guard let next = calendar.date(byAdding: .day, value: 1, to: date) else { return date }
            date = next
            if holidays.kind(of: LocalDay(date, in: calendar)) == .workday { remaining -= 1 }
        }
        return date
    }
}
