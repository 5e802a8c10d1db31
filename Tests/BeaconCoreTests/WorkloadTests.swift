import BeaconCore
import Foundation
import Testing

/// The weekly report's workload: pages split into working hours, off hours and nights, in the report's zone and
/// on the holiday calendar's working days.
struct WorkloadTests {
    let zone = TimeZone(identifier: "Asia/Shanghai")!

    func at(_ text: String) -> Date { LocalDateTime(parsing: text)!.date(in: zone) }

    @Test func pagesAreSplitByWhenTheyCameAndAcknowledgementsTimed() {
        let calendar = ISOWeek.calendar(in: zone)
        let week = ISOWeek(containing: at("2027-02-10T12:00"), in: calendar)
        let pages = [
            WeeklyReport.PageReceived(person: "zhangmin", at: at("2027-02-10T10:00")),  // a Wednesday, at work
            WeeklyReport.PageReceived(person: "zhangmin", at: at("2027-02-10T19:30")),  // the evening
            WeeklyReport.PageReceived(person: "zhangmin", at: at("2027-02-10T23:15")),  // the night
            WeeklyReport.PageReceived(person: "zhangmin", at: at("2027-02-09T10:00")),  // a holiday, by day
            WeeklyReport.PageReceived(person: "chenxiao", at: at("2027-02-14T07:59")),  // a make-up workday's night
            WeeklyReport.PageReceived(person: "chenxiao", at: at("2027-02-22T10:00")),  // the week after
        ]
        let acknowledgements = [
            WeeklyReport.Acknowledgement(person: "zhangmin", seconds: 60),
            WeeklyReport.Acknowledgement(person: "zhangmin", seconds: 180),
        ]
        let report = WeeklyReport.compute(
            week: week, calendar: calendar,
            inputs: WeeklyReport.Inputs(
                records: [], pages: pages, acknowledgements: acknowledgements,
                holidays: HolidayCalendar(
                    holidays: [LocalDay(parsing: "2027-02-09")!], workdays: [LocalDay(parsing: "2027-02-14")!])),
            now: at("2027-02-15T00:00"))
        let zhangmin = report.workload.first { $0.person == "zhangmin" }
        #expect(report.workload.map(\.person) == ["zhangmin", "chenxiao"], "most pages first")
        #expect(zhangmin?.pages == 4)
        #expect(zhangmin?.workingHours == 1)
        #expect(zhangmin?.offHours == 2)
        #expect(zhangmin?.nights == 1)
        #expect(zhangmin?.acknowledgements.count == 2)
        #expect(zhangmin?.acknowledgements.medianSeconds == 120)
        #expect(report.workload.last?.nights == 1, "the week after is not counted")
        #expect(report.markdown.contains("| zhangmin | 4 | 1 | 2 | 1 | 2 | 2m |"))
    }
}
