import BeaconCore
import BeaconTestSupport
import Foundation
import GRDB
import Testing

@testable import BeaconStore

/// The weekly report read from a real SQLite file, with incidents inside the week, the week before and after.
@Suite struct WeeklyReportStoreTests {
    let directory = TemporaryDirectory()
    let store: BeaconStore
    let ledger: IncidentLedger
    let postMortems: PostMortemStore
    let calendar = ISOWeek.calendar(in: TimeZone(secondsFromGMT: 0)!)
    let week = try! ISOWeek(parsing: "2026-W47")
    /// Monday 2026-11-16 00:00 UTC.
    let start = Date(timeIntervalSince1970: 1_794_787_200)
    var end: Date { start.addingTimeInterval(7 * 86_400) }
    /// The Wednesday after the week.
    var now: Date { end.addingTimeInterval(2 * 86_400) }

    init() throws {
        store = try BeaconStore.open(path: directory.file("beacon.sqlite"))
        ledger = IncidentLedger(store, planner: CommandPlanner(config: CommandChainFixture.config))
        postMortems = PostMortemStore(ledger, calendar: calendar)
    }

    func at(_ hours: Double, _ minutes: Double = 0) -> Date { start.addingTimeInterval(hours * 3_600 + minutes * 60) }

    /// A sev1 payment failure worked by the book but for a late assessment, its half-hourly progress update given
    /// in its first period and not yet due again when it resolved; two follow-ups.
    @discardableResult
    func workedIncident() async throws -> IncidentID {
        let opened = at(1)
        let id = try #require(
            try await ledger.declare(
                title: "Card payments failing", category: .system, severity: .sev1, by: "zhangmin", at: opened
            )
            .incident.id)
        try await ledger.perform(.acknowledge, on: id, by: "zhangmin", at: opened.addingTimeInterval(120))
        try await ledger.completeStep(
            "confirm", of: id, by: "zhangmin", layer: .operation, at: opened.addingTimeInterval(240))
        let approval = try #require(try store.approvals(id).first?.id)
        try await ledger.answer(
            approval, approve: true, by: "lina", layer: .decision, at: opened.addingTimeInterval(600))
        try await ledger.completeStep(
            "assess", of: id, by: "wanglei", layer: .execution, at: opened.addingTimeInterval(1_200))
        try await ledger.completeStep(
            "progress", of: id, by: "chenxiao", layer: .operation, at: opened.addingTimeInterval(1_500))
        try await ledger.perform(.resolve, on: id, by: "zhangmin", at: opened.addingTimeInterval(3_600))
        try await postMortems.openPostMortem(id, at: opened.addingTimeInterval(3_600))
        let due = at(48)
        try postMortems.save(
            FollowUp(incidentID: id, kind: .plan, description: "Alert on gateway errors", owner: "wanglei", dueAt: due),
            at: at(2))
        var done = try postMortems.save(
            FollowUp(incidentID: id, kind: .training, description: "Drill the failover", owner: "zhangmin", dueAt: due),
            at: at(2))
        done.status = .done
        try postMortems.save(done, at: at(24))
        return id
    }

    func seed() async throws {
        try await workedIncident()
        try await ledger.declare(
            title: "Refund requests up", category: .complaint, severity: .sev3, by: "zhangmin", at: at(50))
        let labels = Labels(["region": "east"])
        _ = try store.insert(
            Incident(
                fingerprint: Fingerprint(rule: "payment-success-rate", labels: labels), ruleID: "payment-success-rate",
                title: "Payment success rate (region=east)", category: .system, severity: .sev2, origin: .rule,
                labels: labels, openedAt: at(80))
        ) { TimelineEvent(incidentID: $0, at: at(80), kind: .opened, actor: TimelineEvent.system, message: "Opened") }
        // The week before, and the week after.
        let before = try await ledger.declare(
            title: "Queue surge", category: .traffic, severity: .sev2, by: "zhangmin", at: at(-2))
        try await ledger.perform(.resolve, on: try #require(before.incident.id), by: "zhangmin", at: at(-1))
        try await ledger.declare(title: "Typhoon", category: .logistics, severity: .sev2, by: "zhangmin", at: end)
    }

    @Test func countsOnlyTheIncidentsOpenedInTheWeek() async throws {
        try await seed()
        let report = try store.weeklyReport(
            week, calendar: calendar, ruleTitles: ["payment-success-rate": "Payment success rate"], at: now)
        #expect(report.totals.incidents == 3)
        #expect(report.totals.declared == 2)
        #expect(report.totals.byRule == 1)
        #expect(report.totals.active == 2)
        #expect(report.totals.resolved == 1)
        #expect(report.previousWeek.totals.incidents == 1)
        #expect(report.previousWeek.totals.resolved == 1)
        #expect(
            report.byCategory.first.map { "\($0.category.rawValue) \($0.count) \($0.sharePercent)" } == "system 2 66.7")
        #expect(
            report.topRules.map { "\($0.ruleID) \($0.title) \($0.count)" } == [
                "payment-success-rate Payment success rate 1"
            ])
        let sev1 = try #require(report.responseTimes.first)
        #expect(sev1.acknowledge.meanSeconds == 120)
        #expect(sev1.resolve.meanSeconds == 3_600)
    }

    @Test func readsDeadlinesStepsAndApprovalsOfTheWeeksIncidents() async throws {
        try await seed()
        let report = try store.weeklyReport(week, calendar: calendar, at: now)
        let rows = report.deadlines.map { "\($0.layer.rawValue) \($0.met)/\($0.missed)/\($0.running)" }
        // Operation acknowledged and confirmed the sev1 in time, gave its progress update in the first period (the
        // second was not due before it resolved, so it counts neither way) but never acknowledged the complaint;
        // execution assessed 5 minutes late: one miss, since its assess deadline and the assessment step's own
        // watch the same answer; decision answered within its 30 minutes.
        #expect(rows == ["operation 3/1/0", "execution 0/1/0", "decision 1/0/0"])
        #expect(report.deadlines.map(\.notOwed) == [1, 0, 0])
    }

    @Test func agreesWithTheReportComputedFromEachIncidentsRecord() async throws {
        try await seed()
        let report = try store.weeklyReport(week, calendar: calendar, at: now)
        let all = try store.incidents(limit: 100)
        let records = try all.map { incident in
            let id = try #require(incident.id)
            return WeeklyReport.Record(
                incident: incident, deadlines: try store.deadlines(id), steps: try store.runSteps(id),
                approvals: try store.approvals(id).map(PostMortemApproval.init),
                completions: StepCompletions(try store.timeline(id)))
        }
        var followUps: [FollowUp] = []
        for id in all.compactMap(\.id) { followUps += try await postMortems.followUps(id) }
        // Pages from each incident's outbox, once a notice and person; acknowledgements from each timeline.
        var pages: [WeeklyReport.PageReceived] = []
        var acknowledgements: [WeeklyReport.Acknowledgement] = []
        for incident in all {
            let id = try #require(incident.id)
            var seen = Set<String>()
            for entry in try store.notifications(id) where entry.kind.asksToAct {
                for person in entry.recipients where seen.insert("\(entry.baseKey)|\(person.id)").inserted {
                    pages.append(WeeklyReport.PageReceived(person: person.id.rawValue, at: entry.createdAt))
                }
            }
            if let at = incident.acknowledgedAt,
                let by = try store.timeline(id).first(where: { $0.kind == .acknowledged })?.actor
            {
                acknowledgements.append(
                    WeeklyReport.Acknowledgement(person: by, seconds: at.timeIntervalSince(incident.openedAt)))
            }
        }
        let expected = WeeklyReport.compute(
            week: week, calendar: calendar,
            inputs: WeeklyReport.Inputs(
                records: records, previousIncidents: all, followUps: followUps, pages: pages,
                acknowledgements: acknowledgements),
            now: now)
        #expect(report == expected)
        #expect(!report.workload.isEmpty)
        #expect(report.workload.first { $0.person == "zhangmin" }?.acknowledgements.medianSeconds == 120)
    }

    @Test func followUpsOpenedClosedAndOverdueInTheWeek() async throws {
        let id = try await workedIncident()
        // Created before the week, still open, due in it: overdue but not opened this week.
        try postMortems.save(
            FollowUp(incidentID: id, kind: .other, description: "Old action", owner: "lina", dueAt: at(3)), at: at(-30))
        let report = try store.weeklyReport(week, calendar: calendar, at: now)
        #expect(report.followUps.opened == 2)
        #expect(report.followUps.closed == 1)
        #expect(report.followUps.overdueAt == end)
        #expect(report.followUps.overdue.map(\.description) == ["Old action", "Alert on gateway errors"])
    }

    @Test func theFollowUpQueryUsesItsIndexes() throws {
        let details = try store.writer.read { db in
            try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN " + BeaconStore.followUpsOfWeekSQL,
                arguments: ["start": 0, "end": 1, "cutoff": 1]
            ).map { $0["detail"] as String }
        }
        #expect(details.contains { $0.contains("follow_up_created") })
        #expect(details.contains { $0.contains("follow_up_closed") })
        #expect(details.contains { $0.contains("follow_up_open_due") })
        #expect(!details.contains { $0.hasPrefix("SCAN") }, "\(details)")
    }
}
