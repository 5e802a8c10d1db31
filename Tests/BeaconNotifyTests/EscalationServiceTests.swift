import BeaconCore
import BeaconStore
import BeaconTestSupport
import Foundation
import Logging
import Testing

@testable import BeaconNotify

/// The daemon's deadline service on a real SQLite file, its clock set by the test: it chases a post-mortem
/// (reminder, then overdue notice) and an overdue follow-up, and queues their notifications.
@Suite struct EscalationServiceTests {
    let directory = TemporaryDirectory()
    let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
    /// Monday 2026-05-04 10:00 UTC: the incident resolves ten minutes later.
    let start = Fixture.now

    static let config = BeaconConfig(
        channels: [Channel(id: "hook", type: .webhook, url: "http://127.0.0.1:9/hook")],
        chain: TestChain.chain(channels: ["hook"]),
        timeZone: TimeZone(identifier: "UTC"))

    @Test func remindsThenReportsAnOverduePostMortemAndAnOverdueFollowUp() async throws {
        let path = directory.file("beacon.sqlite")
        let ledger = IncidentLedger(try BeaconStore.open(path: path), planner: CommandPlanner(config: Self.config))
        let id = try #require(
            try await ledger.declare(
                title: "Checkout errors", category: .system, severity: .sev3, by: "zhangmin", at: start
            )
            .incident.id)
        try await ledger.perform(.resolve, on: id, by: "zhangmin", at: start + 600)
        let postMortems = PostMortemStore(ledger, calendar: Self.config.calendar)
        let due = try #require(try await postMortems.postMortem(id)?.dueAt)
        try postMortems.save(
            FollowUp(
                incidentID: id, kind: .plan, description: "Alert on checkout errors", owner: "zhangmin",
                dueAt: start + 86_400), at: start + 900)
        let before = try ledger.store.notifications(id).count

        // An hour before the post-mortem is due: past its reminder and the follow-up's due date.
        let clock = TestClock(start: due - 3_600)
        let (queued, report) = AsyncStream.makeStream(of: Int.self)
        let service = EscalationService(
            ledger: ledger, tick: .seconds(60), clock: clock, logger: logger, now: { clock.date },
            queued: { report.yield($0) })
        let running = Task { try await service.run() }
        defer { running.cancel() }
        var reports = queued.makeAsyncIterator()

        let first = try await next(&reports, or: report)
        // Read back through a second connection to the file: what the service queued is committed.
        let reminders = try BeaconStore.open(path: path).notifications(id).dropFirst(before)
        #expect(first == reminders.count)
        #expect(
            Set(reminders.map(Self.summary)) == [
                "reminder postmortem-reminder wanglei", "reminder follow-up-1-1 zhangmin",
            ])

        // The next tick, an hour and a minute later: the post-mortem is overdue.
        await clock.sleepers(atLeast: 1)
        clock.advance(by: .seconds(3_660))
        let second = try await next(&reports, or: report)
        let store = try BeaconStore.open(path: path)
        let overdue = try store.notifications(id).dropFirst(before + reminders.count)
        #expect(second == overdue.count)
        #expect(
            Set(overdue.map(Self.summary)) == [
                "escalation postmortem-overdue lina", "reminder postmortem-overdue-owner wanglei",
            ])
        let timeline = try store.timeline(id).map(\.message)
        #expect(timeline.contains("Post-mortem reminder sent to execution, due Mon 11 May 2026"))
        #expect(
            timeline.contains("Post-mortem overdue since Mon 11 May 2026: decision told, execution reminded"))
        #expect(try store.deadlines(id).allSatisfy { $0.firedAt != nil || $0.dueAt > due + 60 })
    }

    /// `kind purpose person` of a queued notification, the purpose read from its idempotency key.
    static func summary(_ entry: OutboxEntry) -> String {
        let purpose = entry.baseKey.split(separator: "/").dropFirst().first.map(String.init) ?? "?"
        return "\(entry.kind.rawValue) \(purpose) \(entry.person)"
    }

    /// The next count the service reports; if none comes within a minute, the stream ends and the test fails
    /// rather than hang.
    private func next(
        _ reports: inout AsyncStream<Int>.Iterator, or stream: AsyncStream<Int>.Continuation
    ) async throws -> Int {
        let timeout = Task {
            try await Task.sleep(for: .seconds(60))
            stream.finish()
        }
        defer { timeout.cancel() }
        return try #require(await reports.next(), "the service queued nothing within a minute")
    }
}
