import BeaconCore
import BeaconTestSupport
import Foundation
import Testing

/// What every store's ledger does with incidents, SQLite and PostgreSQL alike: the same decisions, recorded the
/// same way, with the same paging.
@Suite struct IncidentCommandsContractTests {
    static let config = BeaconConfig(
        publicURL: "https://beacon.example.com",
        channels: [
            Channel(id: "hook", type: .webhook, url: "http://127.0.0.1:9/hook", audience: .personal),
            Channel(id: "mail", type: .smtp, url: "smtp://127.0.0.1:2525", from: "beacon@example.com"),
        ],
        chain: TestChain.chain(
            operation: [TestChain.zhangMin(["hook", "mail"]), TestChain.chenXiao(["hook"])],
            execution: [TestChain.wangLei(["mail"])], decision: [TestChain.liNa(["mail"])]),
        playbooks: [
            Playbook(
                id: "payment-failure", title: "Payments failing", appliesTo: PlaybookScope(categories: [.system]),
                steps: [
                    PlaybookStep(id: "confirm", title: "Confirm the failure", owner: .operation, within: .seconds(300)),
                    PlaybookStep(id: "assess", title: "Assess the impact", owner: .execution, within: .seconds(900)),
                    PlaybookStep(
                        id: "compensation", title: "Approve compensation", owner: .decision, approval: true,
                        minSeverity: .sev2),
                ])
        ])

    static let start = Date(timeIntervalSince1970: 1_790_000_000)
    static func at(_ seconds: Double) -> Date { start.addingTimeInterval(seconds) }

    @Test(.timeLimit(.minutes(2)), arguments: RepositoryBackend.allCases)
    func aDeclaredIncidentPagesRunsItsPlaybookAndIsWorked(_ backend: RepositoryBackend) async throws {
        try await backend.withStores(config: Self.config) { stores in
            let declared = try await stores.commands.declare(
                title: "Card payments failing 支付失败", category: .system, severity: .sev3, by: "zhangmin",
                labels: Labels(["region": "east"]), description: "刷卡失败", at: Self.start)
            let id = try #require(declared.incident.id)
            #expect(declared.notificationsQueued == 2, "the operation layer, each on their first channel")
            let stored = try #require(try await stores.incidents.incident(id))
            #expect(stored == declared.incident)
            #expect(stored.labels == Labels(["region": "east"]) && stored.description == "刷卡失败")
            let steps = try await stores.incidents.runSteps(id)
            #expect(steps.map(\.stepID) == ["confirm", "assess", "compensation"])
            #expect(steps.map(\.state) == [.due, .due, .pending], "approval asked from sev2")
            #expect(Set(try await stores.incidents.notifications(id).map(\.person)) == ["zhangmin", "chenxiao"])

            let acknowledged = try await stores.commands.perform(
                .acknowledge, on: id, by: "chenxiao", note: "看到了", at: Self.at(60))
            #expect(acknowledged.incident.status == .acknowledged)
            await #expect(throws: IncidentError.self) {
                try await stores.commands.perform(.acknowledge, on: id, by: "chenxiao", note: nil, at: Self.at(61))
            }
            #expect(try await stores.incidents.acknowledgers([id]) == [id: "chenxiao"])
            let done = try await stores.commands.completeStep(
                "confirm", of: id, by: "zhangmin", layer: .operation, note: nil, at: Self.at(90))
            #expect(done.state == .done && done.doneBy == "zhangmin")
            await #expect(throws: IncidentError.self) {
                try await stores.commands.completeStep(
                    "assess", of: id, by: "zhangmin", layer: .operation, note: nil, at: Self.at(91))
            }
            let timeline = try await stores.incidents.timeline(id)
            #expect(timeline.first?.kind == .declared)
            #expect(timeline.contains { $0.kind == .acknowledged && $0.actor == "chenxiao" })
            #expect(try await stores.incidents.activeIncidents().map(\.id) == [id])
            let query = IncidentQuery(text: "支付", limit: 10)
            #expect(try await stores.incidents.incidents(matching: query).map(\.id) == [id])
            #expect(try await stores.incidents.incidents(matching: IncidentQuery(text: "refund", limit: 10)) == [])
        }
    }

    @Test(.timeLimit(.minutes(2)), arguments: RepositoryBackend.allCases)
    func aRaiseAsksForApprovalAndTheFirstAnswerWins(_ backend: RepositoryBackend) async throws {
        try await backend.withStores(config: Self.config) { stores in
            let id = try #require(
                try await stores.commands.declare(
                    title: "Card payments failing", category: .system, severity: .sev3, by: "zhangmin",
                    at: Self.start
                ).incident.id)
            let raised = try await stores.commands.changeSeverity(
                id, to: .sev1, reason: "全国范围", by: "zhangmin", layer: .operation, at: Self.at(120))
            #expect(raised.incident.severity == .sev1)
            #expect(raised.notificationsQueued >= 2, "execution and decision are paged, the approval asked")
            let approval = try #require(try await stores.incidents.pendingApprovals().first)
            #expect(approval.incidentID == id && approval.stepID == "compensation")
            let request = try await stores.incidents.notifications(id).first { $0.kind == .approvalRequest }
            #expect(request?.approvalID == approval.id)

            await #expect(throws: IncidentError.self) {
                try await stores.commands.answer(
                    try #require(approval.id), approve: true, by: "wanglei", layer: .execution, comment: nil,
                    at: Self.at(200))
            }
            let answered = try await stores.commands.answer(
                try #require(approval.id), approve: true, by: "lina", layer: .decision, comment: "同意",
                at: Self.at(240))
            #expect(answered.state == .approved && answered.answeredBy == "lina")
            await #expect(throws: IncidentError.self) {
                try await stores.commands.answer(
                    try #require(approval.id), approve: false, by: "lina", layer: .decision, comment: nil,
                    at: Self.at(250))
            }
            #expect(try await stores.incidents.pendingApprovals() == [])
            #expect(try await stores.incidents.answeredApprovals(limit: 5).map(\.id) == [approval.id])
            let instructed = try await stores.commands.instruct(
                id, text: "先切换到备用通道", by: "lina", layer: .decision, at: Self.at(260))
            #expect(instructed.event.kind == .instruction)
        }
    }

    @Test(.timeLimit(.minutes(2)), arguments: RepositoryBackend.allCases)
    func anUnansweredPageEscalatesOnceAndAResolvedIncidentNeedsAPostMortemToClose(
        _ backend: RepositoryBackend
    ) async throws {
        try await backend.withStores(config: Self.config) { stores in
            let id = try #require(
                try await stores.commands.declare(
                    title: "Card payments failing", category: .system, severity: .sev3, by: "zhangmin",
                    at: Self.start
                ).incident.id)
            #expect(try await stores.incidents.deadlines(id).contains { $0.kind == .acknowledge })
            let early = try await stores.commands.fireDueDeadlines(at: Self.at(100), limit: 10)
            #expect(early.fired == 0)
            let fired = try await stores.commands.fireDueDeadlines(at: Self.at(301), limit: 10)
            #expect(fired.fired >= 1 && fired.queued >= 1)
            let again = try await stores.commands.fireDueDeadlines(at: Self.at(302), limit: 10)
            #expect(again.fired == 0 && again.queued == 0, "a deadline fires once")
            #expect(try await stores.incidents.notifications(id).contains { $0.kind == .escalation })

            let resolved = try await stores.commands.perform(
                .resolve, on: id, by: "zhangmin", note: nil, at: Self.at(900))
            #expect(resolved.incident.status == .resolved)
            #expect(try await stores.incidents.notifications(id).contains { $0.kind == .resolved })
            await #expect(throws: IncidentError.self) {
                try await stores.commands.perform(.close, on: id, by: "zhangmin", note: nil, at: Self.at(901))
            }
        }
    }

    @Test(.timeLimit(.minutes(2)), arguments: RepositoryBackend.allCases)
    func anExternalAlertOpensOneIncidentAndResolvesIt(_ backend: RepositoryBackend) async throws {
        try await backend.withStores(config: Self.config) { stores in
            func alert(_ severity: Severity, firing: Bool) -> ExternalAlert {
                ExternalAlert(
                    fingerprint: "am-1", title: "Checkout latency", category: .system, severity: severity,
                    labels: Labels(["alertname": "CheckoutLatency"]), firing: firing, startsAt: Self.start)
            }
            let opened = try await stores.commands.receive(
                alert(.sev3, firing: true), by: "alertmanager", at: Self.at(1))
            let id = try #require(opened?.incident.id)
            #expect(
                try await stores.commands.receive(alert(.sev3, firing: true), by: "alertmanager", at: Self.at(2)) == nil
            )
            let raised = try await stores.commands.receive(
                alert(.sev2, firing: true), by: "alertmanager", at: Self.at(3))
            #expect(raised?.incident.id == id && raised?.incident.severity == .sev2)
            let eased = try await stores.commands.receive(
                alert(.sev2, firing: false), by: "alertmanager", at: Self.at(4))
            #expect(eased?.incident.status == .open, "the sev3 tier still fires")
            let resolved = try await stores.commands.receive(
                alert(.sev3, firing: false), by: "alertmanager", at: Self.at(5))
            #expect(resolved?.incident.status == .resolved)
            #expect(
                try await stores.commands.receive(alert(.sev3, firing: true), by: "alertmanager", at: Self.at(6))
                    == nil,
                "a replayed firing notice does not reopen it")
            #expect(try await stores.incidents.incidents(statuses: [], since: nil, limit: 10).map(\.id) == [id])
        }
    }
}
