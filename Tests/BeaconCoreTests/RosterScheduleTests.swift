import BeaconCore
import Foundation
import Testing

/// Rosters count shifts in wall-clock time: a shift that starts at 08:00 starts at 08:00 on both sides of a
/// daylight-saving change, in every zone. Times are built from wall-clock text in the zone under test, so no
/// test depends on the machine's zone or clock.
struct RosterScheduleTests {
    func zone(_ name: String) -> TimeZone { TimeZone(identifier: name)! }
    func local(_ text: String) -> LocalDateTime { LocalDateTime(parsing: text)! }
    func at(_ text: String, _ zone: TimeZone) -> Date { local(text).date(in: zone) }

    func schedule(
        _ layers: [RosterLayer], in zone: TimeZone, calendar: HolidayCalendar = HolidayCalendar(),
        overrides: [RosterOverride] = []
    ) -> RosterSchedule {
        RosterSchedule(
            roster: Roster(id: "cs-duty", layers: layers), calendar: calendar, timeZone: zone, overrides: overrides)
    }

    func twelveHours(from handoff: String) -> RosterLayer {
        RosterLayer(name: "shifts", shift: .seconds(12 * 3_600), handoff: local(handoff), people: ["ana", "ben"])
    }

    @Test(arguments: ["Asia/Shanghai", "Europe/Berlin", "America/New_York"])
    func twelveHourShiftsKeepTheirWallClockTimesAcrossSpringForward(_ name: String) {
        let zone = zone(name)
        // The night of 27–28 March 2027 skips an hour in Berlin; New York's skip came on 14 March.
        let day = name == "America/New_York" ? "2027-03-13" : "2027-03-27"
        let next = name == "America/New_York" ? "2027-03-14" : "2027-03-28"
        let roster = schedule([twelveHours(from: "\(day)T08:00")], in: zone)
        #expect(roster.onDuty(at: at("\(day)T08:00", zone)).people == ["ana"])
        #expect(roster.onDuty(at: at("\(day)T19:59", zone)).people == ["ana"])
        #expect(roster.onDuty(at: at("\(day)T20:00", zone)).people == ["ben"])
        #expect(roster.onDuty(at: at("\(next)T07:59", zone)).people == ["ben"])
        #expect(roster.onDuty(at: at("\(next)T08:00", zone)).people == ["ana"], "the morning shift starts at 08:00")
        let night = roster.span(at: at("\(day)T20:00", zone))
        #expect(night.until == at("\(next)T08:00", zone))
        let hours = night.until!.timeIntervalSince(night.from) / 3_600
        #expect(hours == (name == "Asia/Shanghai" ? 12 : 11), "the night the clocks skip an hour is an hour short")
    }

    @Test(arguments: ["Europe/Berlin", "America/New_York"])
    func theNightTheClocksFallBackIsAnHourLonger(_ name: String) {
        let zone = zone(name)
        let day = name == "America/New_York" ? "2027-11-06" : "2027-10-30"
        let next = name == "America/New_York" ? "2027-11-07" : "2027-10-31"
        let roster = schedule([twelveHours(from: "2027-01-01T08:00")], in: zone)
        let night = roster.span(at: at("\(day)T20:00", zone))
        #expect(night.people == roster.onDuty(at: at("\(day)T20:00", zone)).people)
        #expect(night.until == at("\(next)T08:00", zone))
        #expect(night.until!.timeIntervalSince(night.from) == 13 * 3_600)
        #expect(LocalDateTime(night.until!, in: zone) == local("\(next)T08:00"))
    }

    @Test func weeklyShiftsRotateOnTheHandoffWeekdayAndTimeForWeeks() {
        let zone = zone("Europe/Berlin")
        let weekly = RosterLayer(
            name: "weekly", shift: .seconds(7 * 86_400), handoff: local("2027-03-01T09:00"),
            people: ["ana", "ben", "chen"])
        let roster = schedule([weekly], in: zone)
        // Monday 1 March 09:00, then every Monday at 09:00 local, across the change of 28 March.
        let expected: [(String, PersonID)] = [
            ("2027-03-01T09:00", "ana"), ("2027-03-08T08:59", "ana"), ("2027-03-08T09:00", "ben"),
            ("2027-03-15T09:00", "chen"), ("2027-03-22T09:00", "ana"), ("2027-03-29T08:59", "ana"),
            ("2027-03-29T09:00", "ben"), ("2027-02-28T12:00", "chen"),
        ]
        for (time, person) in expected {
            #expect(roster.onDuty(at: at(time, zone)).people == [person], "at \(time)")
        }
        #expect(roster.span(at: at("2027-03-22T09:00", zone)).until == at("2027-03-29T09:00", zone))
    }

    @Test func daysAndHoursFollowTheHolidayCalendarWithItsMakeUpWorkdays() {
        let zone = zone("Asia/Shanghai")
        // 2027: 8–9 February off (Spring Festival), Sunday 14 February worked instead.
        let calendar = HolidayCalendar(
            holidays: [LocalDay(parsing: "2027-02-08")!, LocalDay(parsing: "2027-02-09")!],
            workdays: [LocalDay(parsing: "2027-02-14")!])
        let day = RosterLayer(
            name: "day shift", shift: .seconds(86_400), handoff: local("2027-02-01T08:00"), people: ["ana"],
            on: [.workday], hours: [DailyHours(parsing: "08:00-20:00")!])
        let nights = RosterLayer(
            name: "nights", shift: .seconds(86_400), handoff: local("2027-02-01T20:00"), people: ["ben"],
            hours: [DailyHours(parsing: "20:00-08:00")!])
        let offDays = RosterLayer(
            name: "off days", shift: .seconds(7 * 86_400), handoff: local("2027-02-01T08:00"), people: ["chen"],
            on: [.weekend, .holiday], hours: [DailyHours(parsing: "08:00-20:00")!])
        let roster = schedule([day, nights, offDays], in: zone, calendar: calendar)
        #expect(roster.onDuty(at: at("2027-02-05T10:00", zone)).people == ["ana"], "a Friday")
        #expect(roster.onDuty(at: at("2027-02-05T21:00", zone)).people == ["ben"], "a Friday night")
        #expect(roster.onDuty(at: at("2027-02-06T07:00", zone)).people == ["ben"], "the night runs past midnight")
        #expect(roster.onDuty(at: at("2027-02-06T10:00", zone)).people == ["chen"], "a Saturday")
        #expect(roster.onDuty(at: at("2027-02-08T10:00", zone)).people == ["chen"], "a Monday holiday")
        #expect(roster.onDuty(at: at("2027-02-14T10:00", zone)).people == ["ana"], "a Sunday worked instead")
        #expect(roster.gaps(from: at("2027-02-01T08:00", zone), to: at("2027-02-15T08:00", zone)).isEmpty)
    }

    @Test func gapsAreTheTimesNobodyIsOnDuty() {
        let zone = zone("Asia/Shanghai")
        let day = RosterLayer(
            name: "day shift", shift: .seconds(86_400), handoff: local("2027-02-01T08:00"), people: ["ana"],
            on: [.workday], hours: [DailyHours(parsing: "08:00-20:00")!])
        let roster = schedule([day], in: zone)
        let gaps = roster.gaps(from: at("2027-02-01T08:00", zone), to: at("2027-02-03T08:00", zone))
        #expect(
            gaps == [
                DateInterval(start: at("2027-02-01T20:00", zone), end: at("2027-02-02T08:00", zone)),
                DateInterval(start: at("2027-02-02T20:00", zone), end: at("2027-02-03T08:00", zone)),
            ])
        #expect(roster.span(at: at("2027-02-01T21:00", zone)).people.isEmpty)
    }

    @Test func laterLayersWinAndOverridesWinOverEveryLayer() {
        let zone = zone("Asia/Shanghai")
        let base = twelveHours(from: "2027-02-01T08:00")
        let weekend = RosterLayer(
            name: "weekend", shift: .seconds(7 * 86_400), handoff: local("2027-02-01T00:00"), people: ["chen"],
            on: [.weekend])
        let override = RosterOverride(
            roster: "cs-duty", person: "dai", from: at("2027-02-02T20:00", zone), to: at("2027-02-03T08:00", zone),
            createdBy: "ben", reason: "swap", createdAt: at("2027-02-01T09:00", zone))
        let roster = schedule([base, weekend], in: zone, overrides: [override])
        #expect(roster.onDuty(at: at("2027-02-06T10:00", zone)).people == ["chen"])
        #expect(roster.onDuty(at: at("2027-02-02T21:00", zone)) == (["dai"], true))
        #expect(roster.onDuty(at: at("2027-02-03T08:00", zone)) == (["ana"], false), "the override has ended")
        #expect(roster.span(at: at("2027-02-02T20:00", zone)).until == at("2027-02-03T08:00", zone))
    }

    @Test func aHandoffInTheHourTheClocksSkipDoesNotExist() {
        #expect(!local("2027-03-28T02:30").exists(in: zone("Europe/Berlin")))
        #expect(local("2027-03-28T03:30").exists(in: zone("Europe/Berlin")))
        #expect(local("2027-10-31T02:30").exists(in: zone("Europe/Berlin")), "the hour shown twice exists")
        #expect(LocalDateTime(parsing: "2027-02-30T08:00") == nil)
        #expect(LocalDateTime(parsing: "2027-02-01T24:00") == nil)
        #expect(DailyHours(parsing: "08:00-08:00") == nil)
        #expect(DailyHours(parsing: "20:00-24:00") != nil)
    }
}
