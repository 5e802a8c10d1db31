import BeaconCore
import BeaconTestSupport
import Foundation
import Testing

@testable import BeaconStore

@Suite struct CommandChainTests {
    let store: BeaconStore
    let ledger: IncidentLedger
    let start = CommandChainFixture.start

    init() throws {
        store = try BeaconStore.inMemory()
        ledger = IncidentLedger(store, planner: CommandPlanner(config: CommandChainFixture.config))
    }

    func declare(_ severity: Severity) async throws -> IncidentID {
        let change = try await ledger.declare(
            title: "Payments failing", category: .system, severity: severity, by: "zhangmin", at: start)
        return try #require(change.incident.id)
    }

    func outbox(_ id: IncidentID) throws -> [String] {
        try store.notifications(id).map { "\($0.kind.rawValue) \($0.person) \($0.channelID)" }
    }

    @Test func aSev3PagesOperationAndStartsThePlaybook() async throws {
        let id = try await declare(.sev3)
        #expect(try outbox(id) == ["page zhangmin hook", "page chenxiao hook"])
        let steps = try store.runSteps(id)
        #expect(steps.map(\.state) == [.due, .due, .due, .pending])
        #expect(steps[0].dueAt == start.addingTimeInterval(300))
        #expect(steps[2].dueAt == start.addingTimeInterval(1800))
        let page = try #require(try store.notifications(id).first)
        #expect(page.message.text.contains("Asked of operation: Confirm the failure — due "))
        #expect(page.message.text.contains("Acknowledge within 5m or execution is paged."))
        #expect(page.message.incident?.url == "https://beacon.example.com/incidents/\(id.rawValue)")
        #expect(page.idempotencyKey == "incident-\(id.rawValue)/page/zhangmin/hook")
    }

    @Test func aSev1PagesEveryLayerAndAsksForApproval() async throws {
        let id = try await declare(.sev1)
        #expect(
            try outbox(id) == [
                "page zhangmin hook", "page chenxiao hook", "page wanglei mail", "page lina mail",
                "approval_request lina mail",
            ])
        let approvals = try store.approvals(id)
        #expect(approvals.map(\.stepID) == ["compensation"])
        #expect(try store.notifications(id).last?.approvalID == approvals.first?.id)
        #expect(
            try store.deadlines(id).map(\.kind).sorted { $0.rawValue < $1.rawValue } == [
                .acknowledge, .assess, .instruct, .recurring, .step, .step,
            ])
    }

    @Test func aRaisePagesTheNewlyIncludedLayers() async throws {
        let rule = Rule(
            id: "payment-success-rate", title: "Payment success", category: .system,
            source: Source(url: "http://127.0.0.1:9/metrics", format: .prometheus),
            condition: .threshold(op: .below, levels: [.sev3: 0.95, .sev2: 0.9]))
        let opened = try #require(
            try await ledger.commit(
                .open(
                    Breach(severity: .sev3, reading: Reading(value: 0.93, level: 0.95, description: "0.93 < 0.95")),
                    since: start),
                rule: rule, labels: Labels(), at: start))
        let id = try #require(opened.incident.id)
        let raised = try #require(
            try await ledger.commit(
                .raise(
                    from: .sev3,
                    to: Breach(severity: .sev2, reading: Reading(value: 0.85, level: 0.9, description: "0.85 < 0.9"))),
                rule: rule, labels: Labels(), at: start + 60))
        #expect(raised.notificationsQueued == 2)
        #expect(try outbox(id).suffix(2) == ["raised wanglei mail", "approval_request lina mail"])
        #expect(try store.runSteps(id).first { $0.stepID == "compensation" }?.state == .due)
        // The request answers a stored approval: the inbox lists it and its links work.
        let approval = try #require(try store.approvals(id).first)
        #expect(approval.stepID == "compensation" && approval.state == .pending)
        #expect(try store.notifications(id).last?.approvalID == approval.id)
    }

    @Test func unacknowledgedPagesExecutionOnce() async throws {
        let id = try await declare(.sev3)
        #expect(try await ledger.fireDueDeadlines(at: start + 299).fired == 0)
        let fired = try await ledger.fireDueDeadlines(at: start + 301)
        #expect(fired.queued == 3, "the escalation to execution, and confirm missed: a reminder to two on call")
        #expect(try outbox(id).contains("escalation wanglei mail"))
        #expect(try await ledger.fireDueDeadlines(at: start + 302).fired == 0)
        #expect(
            try store.timeline(id).contains { $0.message == "Operation did not acknowledge within 5m: execution paged" }
        )
    }

    @Test func acknowledgingInTimeStopsTheEscalation() async throws {
        let id = try await declare(.sev3)
        try await ledger.perform(.acknowledge, on: id, by: "zhangmin", at: start + 100)
        try await ledger.fireDueDeadlines(at: start + 301)
        #expect(!(try outbox(id).contains { $0.hasPrefix("escalation") }))
    }

    @Test func anUnassessedIncidentPagesDecision() async throws {
        let id = try await declare(.sev2)
        try await ledger.perform(.acknowledge, on: id, by: "zhangmin", at: start + 10)
        try await ledger.fireDueDeadlines(at: start + 901)
        #expect(try outbox(id).contains("escalation lina mail"))
        #expect(
            try store.timeline(id).contains {
                $0.message.hasPrefix("Execution did not assess (Assess the impact) within 15m")
            })
    }

    @Test func anAssessmentInTimeKeepsDecisionOutOfIt() async throws {
        let id = try await declare(.sev2)
        try await ledger.perform(.acknowledge, on: id, by: "zhangmin", at: start + 10)
        try await ledger.completeStep(
            "assess", of: id, by: "wanglei", layer: .execution, note: "2% of orders", at: start + 600)
        try await ledger.fireDueDeadlines(at: start + 901)
        #expect(!(try outbox(id).contains("escalation lina mail")))
    }

    /// The assessment is the execution step marked `assessment: true`, stored with the run, so a post-mortem read
    /// later judges the same step the escalation watched even if the playbook changed since.
    @Test func theMarkedAssessmentStepIsKeptWithTheRun() async throws {
        var config = CommandChainFixture.config
        config.playbooks[0].steps.insert(
            PlaybookStep(id: "root-cause", title: "Report the cause", owner: .execution, within: .seconds(600)), at: 1)
        config.playbooks[0].steps[2].assessment = true
        let ledger = IncidentLedger(store, planner: CommandPlanner(config: config))
        let id = try #require(
            try await ledger.declare(
                title: "Payments failing", category: .system, severity: .sev2, by: "zhangmin", at: start
            )
            .incident.id)
        #expect(try store.runSteps(id).filter(\.assessment).map(\.stepID) == ["assess"])
        try await ledger.perform(.acknowledge, on: id, by: "zhangmin", at: start + 10)
        try await ledger.completeStep(
            "root-cause", of: id, by: "wanglei", layer: .execution, note: nil, at: start + 300)
        try await ledger.fireDueDeadlines(at: start + 901)
        #expect(try outbox(id).contains("escalation lina mail"), "the cause is not the assessment")
    }

    @Test func decisionSilenceOnASev1IsPagedAgainAndMarkedMissed() async throws {
        let id = try await declare(.sev1)
        try await ledger.perform(.acknowledge, on: id, by: "zhangmin", at: start + 10)
        try await ledger.completeStep("assess", of: id, by: "wanglei", layer: .execution, at: start + 20)
        try await ledger.fireDueDeadlines(at: start + 1801)
        #expect(try outbox(id).filter { $0 == "escalation lina mail" }.count == 1)
        #expect(try store.timeline(id).contains { $0.message == "Missed: decision instruction deadline on a sev1" })
    }

    @Test func anApprovalCountsAsTheDecisionLayersInstruction() async throws {
        let id = try await declare(.sev1)
        let approval = try #require(try store.approvals(id).first?.id)
        try await ledger.answer(
            approval, approve: true, by: "lina", layer: .decision, comment: "up to 50 yuan", at: start + 600)
        try await ledger.fireDueDeadlines(at: start + 1801)
        #expect(!(try store.timeline(id).contains { $0.message.hasPrefix("Missed") }))
    }

    @Test func aMissedRecurringStepRemindsItsOwnerThenTheLayerAbove() async throws {
        let id = try await declare(.sev3)
        try await ledger.perform(.acknowledge, on: id, by: "zhangmin", at: start + 10)
        try await ledger.completeStep("confirm", of: id, by: "zhangmin", layer: .operation, at: start + 20)
        try await ledger.fireDueDeadlines(at: start + 1800)
        #expect(
            try outbox(id).filter { $0.hasPrefix("reminder") } == ["reminder zhangmin hook", "reminder chenxiao hook"])
        try await ledger.fireDueDeadlines(at: start + 1800 + 900)
        #expect(try outbox(id).last == "reminder wanglei mail")
        #expect(try store.runSteps(id).first { $0.stepID == "progress" }?.dueAt == start + 3600)
    }

    @Test func aRecurringStepDoneThisPeriodNeedsNoReminder() async throws {
        let id = try await declare(.sev3)
        try await ledger.perform(.acknowledge, on: id, by: "zhangmin", at: start + 10)
        try await ledger.completeStep("confirm", of: id, by: "zhangmin", layer: .operation, at: start + 20)
        try await ledger.completeStep(
            "progress", of: id, by: "chenxiao", layer: .operation, note: "rollback half done", at: start + 1500)
        try await ledger.fireDueDeadlines(at: start + 1800 + 900)
        #expect(!(try outbox(id).contains { $0.hasPrefix("reminder") }))
    }

    @Test func onlyTheOwningLayerMarksAStepDone() async throws {
        let id = try await declare(.sev3)
        let error = try await #require(throws: IncidentError.self) {
            try await ledger.completeStep("assess", of: id, by: "zhangmin", layer: .operation, at: start)
        }
        #expect(error.code == .forbidden)
        #expect(error.message == "Step \"assess\" belongs to the execution layer; zhangmin is in operation.")
    }

    @Test func onlyDecisionAnswersAndTheFirstAnswerWins() async throws {
        let id = try await declare(.sev1)
        let approval = try #require(try store.approvals(id).first?.id)
        let wrongLayer = try await #require(throws: IncidentError.self) {
            try await ledger.answer(approval, approve: true, by: "wanglei", layer: .execution, at: start + 60)
        }
        #expect(wrongLayer.code == .forbidden)
        try await ledger.answer(
            approval, approve: false, by: "lina", layer: .decision, comment: "not yet", at: start + 60)
        let second = try await #require(throws: IncidentError.self) {
            try await ledger.answer(approval, approve: true, by: "lina", layer: .decision, at: start + 61)
        }
        #expect(second.code == .conflict)
        #expect(second.message == "Approval \(approval) was already rejected by lina at 14:14:20 UTC.")
        #expect(try outbox(id).last == "approval_outcome wanglei mail")
        #expect(try store.runSteps(id).first { $0.stepID == "compensation" }?.state == .done)
    }

    @Test func anExpiredApprovalCannotBeAnswered() async throws {
        let id = try await declare(.sev1)
        let approval = try #require(try store.approvals(id).first?.id)
        let error = try await #require(throws: IncidentError.self) {
            try await ledger.answer(approval, approve: true, by: "lina", layer: .decision, at: start + 86_401)
        }
        #expect(error.message == "Approval \(approval) has expired.")
        #expect(try store.approval(approval)?.state == .expired)
    }

    @Test func resolvingTellsEveryonePagedAndEndsRecurringSteps() async throws {
        let id = try await declare(.sev2)
        try await ledger.perform(.resolve, on: id, by: "wanglei", note: "payments back", at: start + 600)
        #expect(
            try outbox(id).filter { $0.hasPrefix("resolved") } == [
                "resolved zhangmin hook", "resolved chenxiao hook", "resolved wanglei mail",
            ])
        #expect(try store.runSteps(id).first { $0.stepID == "progress" }?.state == .skipped)
        #expect(try await ledger.fireDueDeadlines(at: start + 10_000).queued == 0, "no escalation after resolution")
    }

    @Test func overdueDeadlinesFireOnceAfterARestart() async throws {
        let directory = TemporaryDirectory()
        let path = directory.file("beacon.sqlite")
        let planner = CommandPlanner(config: CommandChainFixture.config)
        let id: IncidentID
        do {
            let first = IncidentLedger(try BeaconStore.open(path: path), planner: planner)
            id = try #require(
                try await first.declare(
                    title: "Payments failing", category: .system, severity: .sev3, by: "zhangmin", at: start
                )
                .incident.id)
        }
        let restarted = IncidentLedger(try BeaconStore.open(path: path), planner: planner)
        #expect(try await restarted.fireDueDeadlines(at: start + 301).fired == 2, "acknowledge and confirm, overdue")
        let again = IncidentLedger(try BeaconStore.open(path: path), planner: planner)
        #expect(try await again.fireDueDeadlines(at: start + 302).fired == 0)
        let escalations = try restarted.store.notifications(id).filter { $0.kind == .escalation }
        #expect(escalations.map(\.person) == ["wanglei"])
    }
}
