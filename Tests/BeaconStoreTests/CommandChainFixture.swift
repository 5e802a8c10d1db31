import BeaconCore
import BeaconTestSupport
import Foundation
import Testing

@testable import BeaconStore

/// A small command chain: two on call, one director, one executive; a playbook with every kind of step.
enum CommandChainFixture {
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
                    PlaybookStep(id: "progress", title: "Progress update", owner: .operation, every: .seconds(1800)),
                    PlaybookStep(
                        id: "compensation", title: "Approve compensation", owner: .decision, approval: true,
                        minSeverity: .sev2),
                ])
        ])

    static let start = Date(timeIntervalSince1970: 1_790_000_000)
}

/// A sev3 "Card payments failing" declared by zhangmin at the fixture's start, in a real SQLite file, with the
/// fixture's chain and playbook.
struct DeclaredOnFile {
    let directory = TemporaryDirectory()
    let store: BeaconStore
    let ledger: IncidentLedger
    let postMortems: PostMortemStore
    let id: IncidentID

    init() async throws {
        store = try BeaconStore.open(path: directory.file("beacon.sqlite"))
        ledger = IncidentLedger(store, planner: CommandPlanner(config: CommandChainFixture.config))
        postMortems = PostMortemStore(ledger, calendar: CommandChainFixture.config.calendar)
        id = try #require(
            try await ledger.declare(
                title: "Card payments failing", category: .system, severity: .sev3, by: "zhangmin",
                at: CommandChainFixture.start
            )
            .incident.id)
    }
}
