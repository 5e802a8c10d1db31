import BeaconCore
import Foundation
import Testing

@Suite struct ISOWeekTests {
    let utc = ISOWeek.calendar(in: TimeZone(identifier: "UTC")!)
    let shanghai = ISOWeek.calendar(in: TimeZone(identifier: "Asia/Shanghai")!)

    func date(_ text: String) throws -> Date { try #require(ISO8601DateFormatter().date(from: text)) }

    func week(_ text: String) throws -> ISOWeek { try ISOWeek(parsing: text) }

    @Test func parsesAndPrintsTheExtendedAndBasicForms() throws {
        let week = try week("2026-W47")
        #expect(week.year == 2026)
        #expect(week.week == 47)
        #expect(week.description == "2026-W47")
        #expect(try self.week("2026W47") == week)
        #expect(try self.week(" 2026-w47 ") == week)
        #expect(try self.week("2026-W01").description == "2026-W01")
    }

    @Test(arguments: [
        "", "2026", "2026-47", "W47", "2026-W7", "2026-W470", "26-W47", "2026-W4x", "2026-W-47", "+2026-W47",
    ])
    func malformedTextNamesTheExpectedForm(_ text: String) {
        let error = #expect(throws: ISOWeek.ParseError.self) { try ISOWeek(parsing: text) }
        #expect(error?.message == "\"\(text)\" is not a week; write it as 2026-W47 (year, W, week number 01 to 53).")
    }

    @Test func weekZeroAndWeeksPastTheYearAreRefused() {
        let zero = #expect(throws: ISOWeek.ParseError.self) { try ISOWeek(parsing: "2026-W00") }
        #expect(zero?.message == "2026-W00: weeks are numbered from 1.")
        let past = #expect(throws: ISOWeek.ParseError.self) { try ISOWeek(parsing: "2026-W54") }
        #expect(past?.message == "2026-W54: 2026 has 53 weeks.")
        let short = #expect(throws: ISOWeek.ParseError.self) { try ISOWeek(parsing: "2025-W53") }
        #expect(short?.message == "2025-W53: 2025 has 52 weeks.")
        #expect(throws: ISOWeek.ParseError.self) { try ISOWeek(year: 0, week: 1) }
        #expect(throws: Never.self) { try ISOWeek(parsing: "2026-W53") }
        #expect(throws: Never.self) { try ISOWeek(parsing: "2020-W53") }
    }

    @Test func weeksPerYearAgreeWithFoundation() {
        for year in 1990...2040 {
            // 28 December is always in the year's last week.
            let december28 = utc.date(from: DateComponents(year: year, month: 12, day: 28))!
            #expect(ISOWeek.weeks(in: year) == utc.component(.weekOfYear, from: december28), "\(year)")
        }
        #expect(ISOWeek.weeks(in: 2026) == 53)
        #expect(ISOWeek.weeks(in: 2025) == 52)
    }

    @Test func theWeekContainingADayAgreesWithFoundationAcrossYearBoundaries() throws {
        var day = try date("2018-12-20T12:00:00Z")
        let stop = try date("2029-01-10T12:00:00Z")
        while day < stop {
            let week = ISOWeek(containing: day, in: utc)
            let parts = utc.dateComponents([.yearForWeekOfYear, .weekOfYear], from: day)
            #expect(week.year == parts.yearForWeekOfYear && week.week == parts.weekOfYear, "\(day)")
            day.addTimeInterval(86_400)
        }
    }

    @Test func daysAroundNewYearBelongToTheNeighbouringYearsWeeks() throws {
        #expect(ISOWeek(containing: try date("2026-01-01T12:00:00Z"), in: utc).description == "2026-W01")
        #expect(ISOWeek(containing: try date("2027-01-01T12:00:00Z"), in: utc).description == "2026-W53")
        #expect(ISOWeek(containing: try date("2024-12-30T00:00:00Z"), in: utc).description == "2025-W01")
        #expect(ISOWeek(containing: try date("2021-01-03T23:59:59Z"), in: utc).description == "2020-W53")
    }

    @Test func theTimeZoneDecidesWhichWeekAMomentIsIn() throws {
        // Sunday 17:00 in London is already Monday 01:00 in Shanghai.
        let moment = try date("2026-11-15T17:00:00Z")
        #expect(ISOWeek(containing: moment, in: utc).description == "2026-W46")
        #expect(ISOWeek(containing: moment, in: shanghai).description == "2026-W47")
    }

    @Test func startAndEndAreMondayMidnightsInTheCalendarsTimeZone() throws {
        let week = try week("2026-W47")
        #expect(week.start(in: utc) == (try date("2026-11-16T00:00:00Z")))
        #expect(week.end(in: utc) == (try date("2026-11-23T00:00:00Z")))
        #expect(week.start(in: shanghai) == (try date("2026-11-15T16:00:00Z")))
        #expect(week.days.first == "2026-11-16")
        #expect(week.days.last == "2026-11-22")
        let first = try self.week("2026-W01")
        #expect(first.start(in: utc) == (try date("2025-12-29T00:00:00Z")))
        #expect(first.days.last == "2026-01-04")
        #expect(try self.week("2026-W53").end(in: utc) == (try date("2027-01-04T00:00:00Z")))
    }

    @Test func aWeekWithADaylightSavingChangeLastsAnHourLonger() throws {
        let newYork = ISOWeek.calendar(in: TimeZone(identifier: "America/New_York")!)
        let week = try week("2026-W44")
        #expect(week.start(in: newYork) == (try date("2026-10-26T04:00:00Z")))
        #expect(week.end(in: newYork) == (try date("2026-11-02T05:00:00Z")))
    }

    @Test func previousAndNextCrossYears() throws {
        #expect(try week("2026-W53").next.description == "2027-W01")
        #expect(try week("2027-W01").previous.description == "2026-W53")
        #expect(try week("2025-W01").previous.description == "2024-W52")
        #expect(try week("2026-W47").previous.description == "2026-W46")
        #expect(try week("2026-W47").next.description == "2026-W48")
        #expect(try week("2026-W46") < (try week("2026-W47")))
        #expect(try week("2025-W52") < (try week("2026-W01")))
    }

    @Test func encodesAsItsText() throws {
        let data = try JSONEncoder().encode(["week": try week("2026-W07")])
        #expect(String(decoding: data, as: UTF8.self) == #"{"week":"2026-W07"}"#)
        #expect(try JSONDecoder().decode([String: ISOWeek].self, from: data)["week"] == (try week("2026-W07")))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([String: ISOWeek].self, from: Data(#"{"week":"2025-W53"}"#.utf8))
        }
    }
}
