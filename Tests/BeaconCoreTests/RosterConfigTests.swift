import BeaconCore
import Foundation
import Testing

/// `rosters:` and `calendar:` in beacon.yaml: read, checked against the chain, and warned about.
struct RosterConfigTests {
    /// The fixture with two operation people, a roster for them and a holiday calendar.
    static let rostered = ConfigFixture().editing(
        .main, "      - { name: Zhang Min, login: zhangmin, channels: [hook] }\n",
        "      - { name: Zhang Min, login: zhangmin, channels: [hook] }\n"
            + "      - { name: Chen Xiao, login: chenxiao, channels: [hook] }\n"
            + "      - { name: Liu Yang, login: liuyang, channels: [hook] }\n"
            + "    roster: cs-duty\n"
    ).editing(
        .main, "paging:\n",
        """
        time_zone: Asia/Shanghai
        calendar:
          holidays: [2027-02-08, 2027-02-09]
          workdays: [2027-02-14]
        rosters:
          cs-duty:
            layers:
              - name: day shift
                shift: 12h
                handoff: 2027-02-01T08:00
                people: [zhangmin, chenxiao]
                on: workdays
                hours: "08:00-20:00"
              - name: nights and off days
                shift: 1w
                handoff: 2027-02-01T20:00
                people: [liuyang]
                on: [weekends, holidays]
        paging:

        """)

    func at(_ text: String) -> Date { LocalDateTime(parsing: text)!.date(in: TimeZone(identifier: "Asia/Shanghai")!) }

    @Test func aRosterIsReadAndPagesWhoeverIsOnDuty() throws {
        let config = try Self.rostered.parse()
        #expect(config.chain.operation.roster == "cs-duty")
        #expect(config.rosters.map(\.id) == ["cs-duty"])
        #expect(config.rosters[0].layers[1].shift == .seconds(7 * 86_400))
        #expect(config.holidays.kind(of: LocalDay(parsing: "2027-02-14")!) == .workday)
        let weekday = config.onDuty(.operation, at: at("2027-02-02T09:00"))
        #expect(weekday.people.map(\.name) == ["Zhang Min"])
        #expect(!weekday.gap)
        #expect(config.onDuty(.operation, at: at("2027-02-06T09:00")).people.map(\.name) == ["Liu Yang"])
        let night = config.onDuty(.operation, at: at("2027-02-02T21:00"))
        #expect(night.gap, "nobody covers weekday nights")
        #expect(night.people.count == 3, "so the whole layer is paged")
        #expect(config.onDuty(.execution, at: at("2027-02-02T21:00")).roster == nil)
    }

    @Test func checkWarnsAboutEveryGapInTheNextTwoWeeks() throws {
        let config = try Self.rostered.parse()
        let warnings = config.rosterWarnings(from: at("2027-02-01T00:00"))
        // Weekday nights (and the Monday's first hours), none on the weekend or the 8–9 February holidays, but two on
        // Sunday the 14th, a make-up working day covered only from 08:00 to 20:00.
        #expect(warnings.count == 12)
        #expect(
            warnings.first
                == "roster cs-duty (operation layer) has nobody on duty from 2027-02-01T00:00 to 2027-02-01T08:00 "
                + "(Asia/Shanghai); the whole layer would be paged")
    }

    @Test func aLayerALaterOneAlwaysCoversIsPointedOut() throws {
        let config = try Self.rostered.editing(.main, "        on: [weekends, holidays]\n", "").parse()
        let warnings = config.rosterWarnings(from: at("2027-02-01T00:00"))
        #expect(
            warnings == [
                "roster cs-duty: layer \"day shift\" never has anyone on duty in the next 14 days, because a later "
                    + "layer covers every hour it does (later layers win)"
            ])
    }

    @Test(arguments: [
        (
            "people: [liuyang]", "people: [liuyang, nobody]",
            #"beacon.yaml:38: rosters.cs-duty.layers[1].people[1]: unknown login "nobody""#
        ),
        (
            #"hours: "08:00-20:00""#, #"hours: ["08:00-20:00", "19:00-21:00"]"#,
            "beacon.yaml:34: rosters.cs-duty.layers[0].hours: hours 08:00-20:00 and 19:00-21:00 overlap"
        ),
        (
            #"hours: "08:00-20:00""#, #"hours: "8am-8pm""#,
            #"beacon.yaml:34: rosters.cs-duty.layers[0].hours: expected local hours such as "08:00-20:00""#
        ),
        (
            "handoff: 2027-02-01T08:00", "handoff: 2027-02-30T08:00",
            #"beacon.yaml:31: rosters.cs-duty.layers[0].handoff: expected a local date and time such as"#
        ),
        (
            "on: workdays", "on: weekdays",
            #"beacon.yaml:33: rosters.cs-duty.layers[0].on: unknown kind of day "weekdays"; expected one of workdays"#
        ),
        (
            "roster: cs-duty", "roster: cs-dutty",
            #"beacon.yaml:13: chain.operation.roster: unknown roster "cs-dutty"; did you mean "cs-duty"?"#
        ),
        (
            "people: [liuyang]", "people: [wanglei]",
            "beacon.yaml:1: rosters.cs-duty: wanglei is not a person of the operation layer, which this roster serves"
        ),
    ])
    func aBrokenRosterIsReportedPrecisely(_ old: String, _ new: String, _ expected: String) {
        let issues = Self.rostered.editing(.main, old, new).issues()
        #expect(issues.count == 1)
        #expect(issues.first?.hasPrefix(expected) == true, "\(issues)")
    }

    @Test func aHandoffTheClocksSkipIsRefused() {
        let berlin = Self.rostered.editing(.main, "time_zone: Asia/Shanghai", "time_zone: Europe/Berlin")
            .editing(.main, "handoff: 2027-02-01T08:00", "handoff: 2027-03-28T02:30")
        #expect(
            berlin.issues() == [
                "beacon.yaml:31: rosters.cs-duty.layers[0].handoff: 2027-03-28T02:30 does not exist in Europe/Berlin: "
                    + "the clocks skip it that night"
            ])
    }

    @Test func aRosterNoLayerNamesIsAWarning() throws {
        let config = try Self.rostered.editing(.main, "    roster: cs-duty\n", "").parse()
        #expect(
            config.warnings.map(\.reason).contains(
                "no layer of the chain names this roster (roster: cs-duty), so it pages nobody"))
    }
}
