public import Foundation

/// Counts working days (Monday to Friday) in a calendar.
public enum WorkingDays {
    /// The moment `days` working days after `start`, at the same time of day.
    ///
    /// A start on a weekend counts from the following Monday's time of day as if it were Friday's.
    /// - Parameters:
    ///   - calendar: the calendar whose weekends count; its time zone decides where a day ends.
    public static func add(_ days: Int, to start: Date, in calendar: Calendar) -> Date {
        var date = start
        var remaining = days
        while remaining > 0 {
            guard let next = calendar.date(byAdding: .day, value: 1, to: date) else { return date }
            date = next
            if !calendar.isDateInWeekend(date) { remaining -= 1 }
        }
        return date
    }
}
