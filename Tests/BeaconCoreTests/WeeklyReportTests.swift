import BeaconCore
import Foundation
import Testing

/// A known week, 2026-W47 in UTC: seven incidents in it, two the week before, one the week after.
enum WeeklyScript {
    static let calendar = ISOWeek.calendar(in: TimeZone(identifier: "UTC")!)
    static let week = try! ISOWeek(parsing: "2026-W47")
    /// Monday 2026-11-16 00:00 UTC.
    static let start = Date(timeIntervalSince1970: 1_794_787_200)
    static let end = start.addingTimeInterval(7 * 86_400)
    /// Sunday 00:00: the week is not over yet.
    static let now = start.addingTimeInterval(6 * 86_400)

    static func at(_ hours: Double, _ seconds: TimeInterval = 0) -> Date {
        start.addingTimeInterval(hours * 3_600 + seconds)
    }

    static func incident(
        _ id: Int64, _ rule: String?, _ category: BeaconCore.Category, _ peak: Severity, opened: Date,
        origin: IncidentOrigin = .rule, status: IncidentStatus, ack: TimeInterval? = nil, resolved: TimeInterval? = nil,
        title: String? = nil
    ) -> Incident {
        var incident = Incident(
            id: IncidentID(id), fingerprint: Fingerprint(rawValue: rule ?? "declared-\(id)"),
            ruleID: rule.map { RuleID($0) },
            title: title ?? "Incident \(id)", category: category, severity: .sev4, origin: rule == nil ? origin : .rule,
            openedAt: opened)
        incident.peakSeverity = peak
        incident.status = status
        incident.acknowledgedAt = ack.map { opened.addingTimeInterval($0) }
        incident.resolvedAt = resolved.map { opened.addingTimeInterval($0) }
        return incident
    }

    static func deadline(
        _ incident: Incident, _ kind: DeadlineKind, _ layer: Layer, after seconds: TimeInterval, step: StepID? = nil
    ) -> Deadline {
        Deadline(
            incidentID: incident.id!, kind: kind, layer: layer, stepID: step,
            dueAt: incident.openedAt.addingTimeInterval(seconds))
    }

    static func step(
        _ incident: Incident, _ id: StepID, _ position: Int, _ owner: Layer, doneAfter seconds: TimeInterval?
    ) -> RunStep {
        var step = RunStep(
            incidentID: incident.id!, stepID: id, position: position, playbookID: "payment-failure", title: id.rawValue,
            owner: owner, state: seconds == nil ? .due : .done, dueAt: nil, every: nil, approval: false,
            minSeverity: nil, message: nil)
        step.doneAt = seconds.map { incident.openedAt.addingTimeInterval($0) }
        return step
    }

    static let one = incident(
        1, "payment-success-rate", .system, .sev1, opened: at(1), status: .closed, ack: 300, resolved: 3_900)
    static let two = incident(
        2, "payment-success-rate", .system, .sev2, opened: at(24), status: .resolved, ack: 120, resolved: 1_800)
    static let three = incident(
        3, "queue-wait", .service, .sev3, opened: at(48), status: .acknowledged, ack: 600,
        title: "Queue wait (queue=vip)")
    static let four = incident(
        4, nil, .logistics, .sev2, opened: at(72), origin: .declared, status: .resolved, resolved: 2_400)
    static let five = incident(5, nil, .system, .sev4, opened: at(143), origin: .alertmanager, status: .open)
    static let six = incident(
        6, "complaint-spike", .complaint, .sev4, opened: at(120), status: .closed, ack: 60, resolved: 600,
        title: "Complaints per product (sku=A17)")
    static let seven = incident(
        7, nil, .traffic, .sev2, opened: at(130), origin: .declared, status: .resolved, ack: 900, resolved: 7_200)

    static var records: [WeeklyReport.Record] {
        [
            WeeklyReport.Record(
                incident: one,
                deadlines: [
                    deadline(one, .acknowledge, .operation, after: 300),
                    deadline(one, .assess, .execution, after: 900),
                    deadline(one, .instruct, .decision, after: 1_800),
                    deadline(one, .step, .operation, after: 600, step: "confirm"),
                    deadline(one, .recurring, .operation, after: 1_800, step: "progress"),
                ],
                steps: [
                    step(one, "confirm", 0, .operation, doneAfter: 500),
                    step(one, "assess", 1, .execution, doneAfter: 1_000),
                ],
                approvals: [
                    PostMortemApproval(
                        title: "Compensate", outcome: .approved, requestedAt: one.openedAt, answeredBy: "lina",
                        answeredAt: one.openedAt.addingTimeInterval(1_200))
                ]),
            WeeklyReport.Record(incident: two),
            WeeklyReport.Record(
                incident: three,
                deadlines: [
                    deadline(three, .acknowledge, .operation, after: 300),
                    deadline(three, .step, .operation, after: 600, step: "confirm"),
                ],
                steps: [step(three, "confirm", 0, .operation, doneAfter: nil)]),
            WeeklyReport.Record(
                incident: four,
                deadlines: [
                    deadline(four, .acknowledge, .operation, after: 3_000),
                    deadline(four, .assess, .execution, after: 900),
                ]),
            WeeklyReport.Record(
                incident: five, deadlines: [deadline(five, .step, .operation, after: 7_200, step: "confirm")]),
            WeeklyReport.Record(incident: six),
            WeeklyReport.Record(incident: seven),
            // Outside the week: ignored even when passed.
            WeeklyReport.Record(incident: incident(11, "queue-wait", .service, .sev1, opened: end, status: .open)),
            WeeklyReport.Record(incident: previous[0]),
        ]
    }

    static let previous = [
        incident(8, nil, .complaint, .sev3, opened: at(-1), origin: .declared, status: .closed),
        incident(9, "queue-wait", .service, .sev4, opened: at(-6 * 24), status: .acknowledged),
        incident(10, "queue-wait", .service, .sev4, opened: at(-8 * 24), status: .closed),
    ]

    static func followUp(
        _ id: Int64, created: Date?, due: Date, status: FollowUpStatus = .open, closed: Date? = nil
    ) -> FollowUp {
        var item = FollowUp(
            id: id, incidentID: IncidentID(1), kind: .plan, description: "Action \(id)", owner: "wanglei",
            dueAt: due, status: status, reason: status == .wontDo ? "Covered" : nil)
        item.createdAt = created
        item.closedAt = closed
        return item
    }

    static let followUps = [
        followUp(1, created: at(48), due: at(72)),
        followUp(2, created: at(-48), due: at(120), status: .done, closed: at(24)),
        followUp(3, created: at(-240), due: at(-24)),
        followUp(4, created: at(24), due: at(72), status: .wontDo, closed: at(48)),
        followUp(5, created: at(24), due: at(168)),
    ]

    static var report: WeeklyReport {
        WeeklyReport.compute(
            week: week, calendar: calendar,
            inputs: WeeklyReport.Inputs(
                records: records, previousIncidents: previous, followUps: followUps,
                ruleTitles: ["payment-success-rate": "Payment success rate"]),
            now: now)
    }
}

@Suite struct WeeklyReportTests {
    typealias Script = WeeklyScript
    let report = WeeklyScript.report

    @Test func theWeekIsBoundedByMondayMidnights() {
        #expect(report.week == Script.week)
        #expect(report.startsAt == Script.start)
        #expect(report.endsAt == Script.end)
        #expect(report.firstDay == "2026-11-16")
        #expect(report.lastDay == "2026-11-22")
        #expect(report.timeZone == Script.calendar.timeZone.identifier)  // GMT on Linux, UTC on macOS
        #expect(report.generatedAt == Script.now)
    }

    @Test func totalsCountHowIncidentsCameAndWhereTheyStand() {
        let totals = report.totals
        #expect(totals.incidents == 7)
        #expect(totals.byRule == 4)
        #expect(totals.fromAlertmanager == 1)
        #expect(totals.declared == 2)
        #expect(totals.active == 2)
        #expect(totals.resolved == 3)
        #expect(totals.closed == 2)
    }

    @Test func thePreviousWeekIsCountedForComparison() {
        #expect(report.previousWeek.week.description == "2026-W46")
        let totals = report.previousWeek.totals
        #expect(totals.incidents == 2)
        #expect(totals.byRule == 1)
        #expect(totals.declared == 1)
        #expect(totals.active == 1)
        #expect(totals.closed == 1)
    }

    @Test func categoriesHaveCountsAndSharesMostFirst() {
        let rows = report.byCategory.map { "\($0.category.rawValue) \($0.count) \($0.sharePercent)" }
        #expect(
            rows == [
                "system 3 42.9", "traffic 1 14.3", "complaint 1 14.3", "service 1 14.3", "logistics 1 14.3",
                "sentiment 0 0.0", "security 0 0.0",
            ])
    }

    @Test func severitiesCountThePeakSeverity() {
        let rows = report.bySeverity.map { "\($0.severity.rawValue) \($0.count) \($0.sharePercent)" }
        #expect(rows == ["sev1 1 14.3", "sev2 3 42.9", "sev3 1 14.3", "sev4 2 28.6"])
    }

    @Test func responseTimesHaveMeanMedianAndWhatIsMissing() throws {
        let sev2 = try #require(report.responseTimes.first { $0.severity == .sev2 })
        #expect(sev2.acknowledge.count == 2)
        #expect(sev2.acknowledge.missing == 1)
        #expect(sev2.acknowledge.meanSeconds == 510)
        #expect(sev2.acknowledge.medianSeconds == 510)
        #expect(sev2.resolve.count == 3)
        #expect(sev2.resolve.missing == 0)
        #expect(sev2.resolve.meanSeconds == 3_800)
        #expect(sev2.resolve.medianSeconds == 2_400)
        let sev3 = try #require(report.responseTimes.first { $0.severity == .sev3 })
        #expect(sev3.acknowledge.meanSeconds == 600)
        #expect(sev3.resolve.count == 0)
        #expect(sev3.resolve.missing == 1)
        #expect(sev3.resolve.meanSeconds == nil)
        #expect(sev3.resolve.medianSeconds == nil)
        #expect(report.responseTimes.map(\.severity) == [.sev1, .sev2, .sev3, .sev4])
    }

    @Test func deadlineComplianceIsJudgedPerLayer() {
        let rows = report.deadlines.map {
            "\($0.layer.rawValue) met \($0.met) missed \($0.missed) running \($0.running) \($0.percentMet ?? -1)"
        }
        #expect(
            rows == [
                "operation met 2 missed 2 running 1 50.0", "execution met 0 missed 2 running 0 0.0",
                "decision met 1 missed 0 running 0 100.0",
            ])
    }

    @Test func topRulesAreCountedWithConfiguredOrLatestTitles() {
        let rows = report.topRules.map { "\($0.ruleID) \($0.title) \($0.count)" }
        #expect(
            rows == [
                "payment-success-rate Payment success rate 2", "complaint-spike Complaints per product (sku=A17) 1",
                "queue-wait Queue wait (queue=vip) 1",
            ])
    }

    @Test func onlyTheTenRulesThatFiredMostAreListed() {
        let incidents = (0..<12).flatMap { rule in
            (0...rule).map { n in
                Script.incident(
                    Int64(rule * 100 + n), "rule-\(rule)", .system, .sev3, opened: Script.at(1, Double(n)),
                    status: .open)
            }
        }
        let report = WeeklyReport.compute(
            week: Script.week, calendar: Script.calendar,
            inputs: WeeklyReport.Inputs(records: incidents.map { WeeklyReport.Record(incident: $0) }), now: Script.now)
        #expect(report.topRules.count == 10)
        #expect(report.topRules.first?.ruleID == "rule-11")
        #expect(report.topRules.first?.count == 12)
        #expect(report.topRules.last?.ruleID == "rule-2")
    }

    @Test func followUpsOpenedClosedAndOverdueAtReportTime() {
        let figures = report.followUps
        #expect(figures.opened == 3)
        #expect(figures.closed == 2)
        #expect(figures.overdueAt == Script.now)
        #expect(figures.overdue.map(\.id) == [3, 1])
    }

    @Test func aPastWeeksOverdueFollowUpsAreThoseOpenWhenItEnded() {
        let later = Script.end.addingTimeInterval(3 * 86_400)
        let items = [
            Script.followUp(6, created: Script.at(-120), due: Script.at(48), status: .done, closed: Script.at(192)),
            Script.followUp(7, created: Script.at(-120), due: Script.at(48), status: .done, closed: Script.at(72)),
            Script.followUp(8, created: Script.at(-120), due: Script.at(169)),
            Script.followUp(9, created: Script.at(192), due: Script.at(100)),
        ]
        let report = WeeklyReport.compute(
            week: Script.week, calendar: Script.calendar, inputs: WeeklyReport.Inputs(records: [], followUps: items),
            now: later)
        #expect(report.followUps.overdueAt == Script.end)
        #expect(report.followUps.overdue.map(\.id) == [6])
        #expect(report.followUps.closed == 1)
        #expect(report.followUps.opened == 0)
    }

    @Test func anEmptyWeekHasZerosAndNoAverages() {
        let report = WeeklyReport.compute(
            week: Script.week, calendar: Script.calendar, inputs: WeeklyReport.Inputs(records: []), now: Script.now)
        #expect(report.totals.incidents == 0)
        #expect(report.byCategory.allSatisfy { $0.count == 0 && $0.sharePercent == 0 })
        #expect(report.responseTimes.allSatisfy { $0.acknowledge.meanSeconds == nil && $0.resolve.count == 0 })
        #expect(report.deadlines.allSatisfy { $0.percentMet == nil })
        #expect(report.topRules.isEmpty)
        #expect(report.markdown.contains("No incident was opened by a rule."))
        #expect(report.markdown.contains("| operation | 0 | 0 | — | 0 |"))
    }

    @Test func theCalendarsTimeZoneDecidesWhichIncidentsBelongToTheWeek() throws {
        // Monday 01:00 in Shanghai is Sunday 17:00 UTC, in the week before.
        let early = Script.incident(
            20, nil, .system, .sev3, opened: Script.start.addingTimeInterval(-7 * 3_600), origin: .declared,
            status: .open)
        let inputs = WeeklyReport.Inputs(records: [WeeklyReport.Record(incident: early)])
        let shanghai = ISOWeek.calendar(in: try #require(TimeZone(identifier: "Asia/Shanghai")))
        let there = WeeklyReport.compute(week: Script.week, calendar: shanghai, inputs: inputs, now: Script.now)
        let here = WeeklyReport.compute(week: Script.week, calendar: Script.calendar, inputs: inputs, now: Script.now)
        #expect(there.totals.incidents == 1)
        #expect(there.timeZone == "Asia/Shanghai")
        #expect(here.totals.incidents == 0)
    }

    @Test func theJSONUsesSnakeCaseKeysAndRoundTrips() throws {
        let data = try JSONEncoder().encode(report)
        let text = String(decoding: data, as: UTF8.self)
        for key in [
            #""week":"2026-W47""#, #""first_day":"2026-11-16""#, #""by_category""#,
            #""share_percent":42.9"#, #""mean_seconds":3800"#, #""percent_met":50"#, #""not_owed":1"#, #""top_rules""#,
            #""rule_id":"payment-success-rate""#, #""follow_ups""#, #""overdue_at""#, #""time_zone""#,
            #""previous_week""#,
            #""from_alertmanager":1"#, #""response_times""#,
        ] {
            #expect(text.contains(key), "\(key)")
        }
        #expect(try JSONDecoder().decode(WeeklyReport.self, from: data) == report)
    }

    @Test func theMarkdownHasTheWeekItsDatesAndATablePerFigure() {
        let markdown = report.markdown
        #expect(markdown.hasPrefix("# Weekly incident report 2026-W47: 2026-11-16 to 2026-11-22\n"))
        #expect(markdown.contains("(\(report.timeZone)); statuses as of 2026-11-22 00:00."))
        #expect(markdown.contains("| | 2026-W47 | 2026-W46 (previous) |"))
        #expect(markdown.contains("| Incidents opened | 7 | 2 |"))
        #expect(markdown.contains("| system | 3 | 42.9% |"))
        #expect(markdown.contains("| sev2 major | 3 | 42.9% |"))
        #expect(markdown.contains("| sev2 | 8m 30s | 8m 30s | 2 of 3 | 1h 3m | 40m | 3 of 3 |"))
        #expect(markdown.contains("| sev3 | 10m | 10m | 1 of 1 | — | — | 0 of 1 |"))
        #expect(markdown.contains("| operation | 2 | 2 | 50.0% | 1 | 1 |"))
        #expect(markdown.contains("| payment-success-rate | Payment success rate | 2 |"))
        #expect(markdown.contains("- Overdue at 2026-11-22 00:00: 2"))
        #expect(markdown.contains("| #1 | Action 3 | wanglei | 2026-11-15 00:00 |"))
    }

    @Test func markdownCellsCannotBreakTheTable() {
        let hostile = Script.incident(
            30, "rule|x", .system, .sev3, opened: Script.at(2), status: .open, title: "A | B\nC")
        let report = WeeklyReport.compute(
            week: Script.week, calendar: Script.calendar,
            inputs: WeeklyReport.Inputs(records: [WeeklyReport.Record(incident: hostile)]), now: Script.now)
        #expect(report.markdown.contains(#"| rule\|x | A \| B C | 1 |"#))
    }
}
