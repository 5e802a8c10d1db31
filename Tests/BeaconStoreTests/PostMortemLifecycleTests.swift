import BeaconCore
import Foundation
import Testing

@testable import BeaconStore

/// Post-mortems open when incidents resolve, their owners are reminded, and overdue ones and follow-ups are
/// chased — each once, through the deadlines in the store.
@Suite struct PostMortemLifecycleTests {
    let store: BeaconStore
    let ledger: IncidentLedger
    let postMortems: PostMortemStore
    /// Monday 2026-09-21 14:13:20 UTC.
    let start = CommandChainFixture.start
    let resolvedAt: Date
    let id: IncidentID

    init() async throws {
        var config = CommandChainFixture.config
        config.timeZone = TimeZone(identifier: "UTC")
        store = try BeaconStore.inMemory()
        ledger = IncidentLedger(store, planner: CommandPlanner(config: config))
        postMortems = PostMortemStore(ledger, calendar: config.calendar)
        let change = try await ledger.declare(
            title: "Payments failing", category: .system, severity: .sev3, by: "zhangmin", at: start)
        id = try #require(change.incident.id)
        resolvedAt = start.addingTimeInterval(600)
        try await ledger.perform(.resolve, on: id, by: "zhangmin", at: resolvedAt)
    }

    /// The notifications queued after the first `skip`, as `kind person`.
    func outbox(after skip: Int) throws -> [String] {
        try store.notifications(id).dropFirst(skip).map { "\($0.kind.rawValue) \($0.person)" }
    }

    @Test func resolvingOpensThePostMortemWithItsDeadlines() async throws {
        let postMortem = try #require(try await postMortems.postMortem(id))
        let due = resolvedAt.addingTimeInterval(7 * 86_400)
        #expect(postMortem.owner == .execution)
        #expect(postMortem.dueAt == due)
        let review = try store.deadlines(id).filter { !$0.kind.measuresResponse }
        #expect(review.map(\.kind) == [.postMortemReminder, .postMortemOverdue])
        #expect(review.map(\.dueAt) == [due.addingTimeInterval(-86_400), due])
        #expect(review.map(\.layer) == [.execution, .decision])
        #expect(
            try store.timeline(id).last?.message
                == "Post-mortem opened: the execution layer writes it by Mon 28 Sep 2026")
    }

    @Test func theOwnerIsRemindedThenDecisionToldWhenOverdue() async throws {
        let before = try store.notifications(id).count
        let postMortem = try #require(try await postMortems.postMortem(id))
        try await ledger.fireDueDeadlines(at: postMortem.dueAt.addingTimeInterval(-86_400))
        #expect(try outbox(after: before) == ["reminder wanglei"])
        let reminder = try #require(try store.notifications(id).last)
        #expect(reminder.message.text.contains("Post-mortem due Mon 28 Sep 2026: write the root cause"))
        #expect(reminder.message.text.contains("https://beacon.example.com/incidents/\(id.rawValue)/postmortem"))

        try await ledger.fireDueDeadlines(at: postMortem.dueAt)
        #expect(try outbox(after: before) == ["reminder wanglei", "escalation lina", "reminder wanglei"])
        #expect(
            try store.timeline(id).last?.message
                == "Post-mortem overdue since Mon 28 Sep 2026: decision told, execution reminded")
        #expect(try await ledger.fireDueDeadlines(at: postMortem.dueAt.addingTimeInterval(3_600)).fired == 0)
    }

    @Test func aClosedIncidentsPostMortemIsNotChased() async throws {
        try postMortems.edit(id, at: resolvedAt) {
            $0.fields.rootCause = "A bad deploy"
            $0.noActionReason = "Rolled back; the deploy check already exists."
        }
        try await postMortems.closeIncident(id, by: "wanglei", at: resolvedAt.addingTimeInterval(3_600))
        let before = try store.notifications(id).count
        let fired = try await ledger.fireDueDeadlines(at: resolvedAt.addingTimeInterval(30 * 86_400))
        #expect(fired.queued == 0)
        #expect(try store.notifications(id).count == before)
    }

    @Test func closingGoesThroughTheClosingRuleWhicheverWayItIsAsked() async throws {
        let error = try await #require(throws: IncidentError.self) {
            try await ledger.perform(.close, on: id, by: "wanglei", at: resolvedAt)
        }
        #expect(
            error.message
                == "Incident #\(id.rawValue) cannot close: its post-mortem needs a root cause and at least one "
                + "follow-up or a reason why no action is needed.")
        #expect(try store.incident(id)?.status == .resolved)
    }

    @Test func overdueFollowUpsRemindTheirOwnerOncePerPeriod() async throws {
        let due = resolvedAt.addingTimeInterval(2 * 86_400)
        let followUp = try postMortems.save(
            FollowUp(
                incidentID: id, kind: .plan, description: "Add a deploy check", owner: "chenxiao", dueAt: due),
            at: resolvedAt)
        let before = try store.notifications(id).count
        #expect(try await ledger.remindOverdueFollowUps(at: due.addingTimeInterval(-1)).reminded == 0)
        #expect(try await ledger.remindOverdueFollowUps(at: due).reminded == 1)
        #expect(try await ledger.remindOverdueFollowUps(at: due.addingTimeInterval(86_400)).reminded == 0)
        #expect(try outbox(after: before) == ["reminder chenxiao"])
        let reminder = try #require(try store.notifications(id).last)
        #expect(reminder.message.text.contains("Follow-up overdue since Wed 23 Sep 2026: Add a deploy check"))
        #expect(reminder.layer == .operation)

        #expect(try await ledger.remindOverdueFollowUps(at: due.addingTimeInterval(7 * 86_400)).reminded == 1)
        #expect(try outbox(after: before) == ["reminder chenxiao", "reminder chenxiao"])

        var done = followUp
        done.status = .done
        try postMortems.save(done, at: due.addingTimeInterval(8 * 86_400))
        #expect(try await ledger.remindOverdueFollowUps(at: due.addingTimeInterval(14 * 86_400)).reminded == 0)
    }

    @Test func aFollowUpOwnerOutsideTheChainIsReportedToThePostMortemOwner() async throws {
        let due = resolvedAt.addingTimeInterval(86_400)
        try postMortems.save(
            FollowUp(incidentID: id, kind: .training, description: "Drill", owner: "Someone Else", dueAt: due),
            at: resolvedAt)
        let before = try store.notifications(id).count
        try await ledger.remindOverdueFollowUps(at: due)
        #expect(try outbox(after: before) == ["reminder wanglei"])
        #expect(
            try store.timeline(id).last?.message
                == "Follow-up overdue since Tue 22 Sep 2026: owner Someone Else is not in the command chain; "
                + "execution told (Drill)")
    }

    @Test func theConfiguredPolicyDecidesOwnerAndDates() async throws {
        var config = CommandChainFixture.config
        config.timeZone = TimeZone(identifier: "UTC")
        config.postMortem = PostMortemPolicy(owner: .operation, dueWorkingDays: 2, remindBefore: .seconds(3_600))
        let ledger = IncidentLedger(store, planner: CommandPlanner(config: config))
        let change = try await ledger.declare(
            title: "Refunds", category: .complaint, severity: .sev4, by: "zhangmin", at: start)
        let other = try #require(change.incident.id)
        // Resolved on a Friday: two working days later is Tuesday.
        let friday = start.addingTimeInterval(4 * 86_400)
        try await ledger.perform(.resolve, on: other, by: "zhangmin", at: friday)
        let postMortem = try #require(try await store.writer.read { try PostMortem.fetchOne($0, key: other.rawValue) })
        #expect(postMortem.owner == .operation)
        #expect(postMortem.dueAt == friday.addingTimeInterval(4 * 86_400))
        let reminder = try #require(try store.deadlines(other).first { $0.kind == .postMortemReminder })
        #expect(reminder.dueAt == postMortem.dueAt.addingTimeInterval(-3_600))
        #expect(reminder.layer == .operation)
    }
}
