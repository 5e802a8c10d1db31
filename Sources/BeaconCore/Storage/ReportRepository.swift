public import Foundation

/// What the weekly report is computed from, read in one transaction.
public protocol ReportRepository: Sendable {
    /// The weekly report of `week`, its bounds in `calendar`'s zone, naming rules by `ruleTitles`; working hours
    /// are counted on `holidays`' working days.
    func weeklyReport(
        _ week: ISOWeek, calendar: Calendar, ruleTitles: [RuleID: String], holidays: HolidayCalendar, at now: Date
    ) async throws
        -> WeeklyReport
}
