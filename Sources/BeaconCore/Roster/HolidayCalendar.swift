/// The official holidays and the make-up working days (调休) a roster's `on:` is read against: kept as data in
/// `beacon.yaml` (`calendar:`), updated each year when the official calendar is published.
public struct HolidayCalendar: Sendable, Hashable {
    /// Days off, whatever their weekday.
    public var holidays: Set<LocalDay>
    /// Weekend days worked instead of a holiday.
    public var workdays: Set<LocalDay>

    public init(holidays: Set<LocalDay> = [], workdays: Set<LocalDay> = []) {
        self.holidays = holidays
        self.workdays = workdays
    }

    /// What kind of day `day` is: a holiday, a working day (Monday to Friday, or a make-up day) or a weekend day.
    public func kind(of day: LocalDay) -> DayKind {
        if holidays.contains(day) { return .holiday }
        if workdays.contains(day) { return .workday }
        return day.weekday >= 6 ? .weekend : .workday
    }
}

/// What kind of day a day is, for a roster layer's `on:`.
public enum DayKind: String, Sendable, Hashable, CaseIterable, Codable {
    case workday, weekend, holiday
}
