import BeaconCore
import BeaconTestSupport
import Foundation
import Testing

@testable import BeaconStore

/// A sev3 payment failure worked from a real SQLite file with the daemon's deadlines firing: its half-hourly
/// progress update is judged period by period in the post-mortem, its Markdown export and the weekly report.
@Suite struct RecurringStepRecordTests {
    let directory: TemporaryDirectory
    let store: BeaconStore
    let ledger: IncidentLedger
    let postMortems: PostMortemStore
    let id: IncidentID
    /// 14:13:20 UTC; the progress periods end at 14:43:20, 15:13:20, 15:43:20 and 16:13:20.
    let start = CommandChainFixture.start

    init() async throws {
        let declared = try await DeclaredOnFile()
        (directory, store, ledger, postMortems, id) = (
            declared.directory, declared.store, declared.ledger, declared.postMortems, declared.id
        )
        try await ledger.perform(.acknowledge, on: id, by: "zhangmin", at: at(60))
        try await ledger.completeStep("confirm", of: id, by: "zhangmin", layer: .operation, at: at(100))
    }

    func at(_ seconds: TimeInterval) -> Date { start.addingTimeInterval(seconds) }

    /// Gives the progress update at each of `updates`, firing deadlines as the daemon would every 10 minutes,
    /// and resolves at +1h 40m.
    func work(updates: [TimeInterval]) async throws -> PostMortemReport {
        var pending = updates.sorted()
        for tick in stride(from: 600.0, through: 6_000, by: 600) {
            while let next = pending.first, next <= tick {
                try await ledger.completeStep("progress", of: id, by: "chenxiao", layer: .operation, at: at(next))
                pending.removeFirst()
            }
            try await ledger.fireDueDeadlines(at: at(tick))
        }
        try await ledger.perform(.resolve, on: id, by: "zhangmin", at: at(6_000))
        return try await postMortems.report(id)
    }

    func respondedFast(_ report: PostMortemReport) throws -> Finding {
        try #require(report.findings.first { $0.kind == .respondedFast })
    }

    @Test func anUpdateInEveryPeriodIsFastEverywhereItShows() async throws {
        let report = try await work(updates: [1_500, 3_300, 5_000])
        let finding = try respondedFast(report)
        #expect(finding.verdict, "\(finding.evidence)")
        let periods = [
            "Step progress (operation), period 1 due 14:43:20 UTC: met, 5m early.",
            "Step progress (operation), period 2 due 15:13:20 UTC: met, 5m early.",
            "Step progress (operation), period 3 due 15:43:20 UTC: met, 6m 40s early.",
            "Step progress (operation), period 4 due 16:13:20 UTC: not yet due when it resolved.",
        ]
        #expect(finding.evidence.filter { $0.hasPrefix("Step progress") } == periods)
        #expect(report.markdown.contains("### Did we respond fast? Yes\n"))
        for period in periods { #expect(report.markdown.contains("\n- \(period)\n")) }
        #expect(PostMortemDocument(report).text.contains("#     - \(periods[1])\n"))
    }

    @Test func aLateUpdateMakesItSlowWithHowLate() async throws {
        let report = try await work(updates: [1_500, 4_020, 5_000])
        let finding = try respondedFast(report)
        #expect(!finding.verdict)
        #expect(finding.evidence.contains("Step progress (operation), period 2 due 15:13:20 UTC: missed by 7m."))
        #expect(finding.evidence.contains("Step progress (operation), period 3 due 15:43:20 UTC: met, 23m early."))
        #expect(report.markdown.contains("### Did we respond fast? No\n"))
        #expect(report.markdown.contains("\n- Step progress (operation), period 2 due 15:13:20 UTC: missed by 7m.\n"))
        // The daemon reminded the operation layer of that period alone; the update came before execution was told.
        let reminders = try store.notifications(id).map(\.baseKey).filter { $0.contains("/remind") }
        #expect(Set(reminders.map { $0.split(separator: "/")[1] }) == ["remind-progress-2"], "\(reminders)")
    }

    @Test func theWeeklyReportCountsEachPeriodForTheOperationLayer() async throws {
        _ = try await work(updates: [1_500, 4_020, 5_000])
        let calendar = CommandChainFixture.config.calendar
        let report = try store.weeklyReport(ISOWeek(containing: start, in: calendar), calendar: calendar, at: at(7_200))
        let operation = try #require(report.deadlines.first { $0.layer == .operation })
        // Acknowledge and confirm met; progress periods 1, 3 met, period 2 missed, and 4 not owed (neither way).
        #expect("\(operation.met)/\(operation.missed)/\(operation.running)/\(operation.notOwed)" == "4/1/0/1")
    }
}
