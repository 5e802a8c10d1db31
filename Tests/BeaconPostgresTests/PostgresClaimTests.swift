import BeaconCore
import BeaconPostgres
import BeaconTestSupport
import Foundation
import Logging
import Testing

/// Several nodes on one PostgreSQL: work is claimed, not copied.
@Suite struct PostgresClaimTests {
    static let now = OutboxRepositoryContractTests.now
    static func later(_ seconds: Double) -> Date { now.addingTimeInterval(seconds) }

    /// Runs `body` with two nodes' stores on one fresh database.
    static func withTwoNodes(
        lease: TimeInterval = 60, _ body: @escaping @Sendable (PostgresStore, PostgresStore) async throws -> Void
    ) async throws {
        let server = try await PostgresServer.start()
        defer { server.stop() }
        let location = try PostgresLocation(
            parsing: "postgres://beacon@127.0.0.1:\(server.port)/postgres?sslmode=disable")
        let quiet = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let first = PostgresStore(location, node: "node-a", lease: lease, logger: quiet)
        let second = PostgresStore(location, node: "node-b", lease: lease, logger: quiet)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await first.run() }
            group.addTask { await second.run() }
            defer { group.cancelAll() }
            try await first.migrate()
            try await second.migrate()
            try await body(first, second)
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func twoNodesNeverGetTheSameNotificationUntilTheLeaseRunsOut() async throws {
        try await Self.withTwoNodes(lease: 60) { a, b in
            for index in 0..<6 {
                let code = "c\(index)"
                try await a.people.createInvitation(
                    login: "p\(index)", codeHash: code, expiresAt: Self.later(3_600),
                    notifications: [OutboxRepositoryContractTests.planned("p\(index)", channels: ["mail"], code: code)],
                    at: Self.now)
            }
            // Both ask at once: every row goes to exactly one of them.
            async let fromA = a.outbox.due(at: Self.later(1), limit: 4, excluding: [])
            async let fromB = b.outbox.due(at: Self.later(1), limit: 4, excluding: [])
            let (claimedByA, claimedByB) = try await (fromA, fromB)
            let idsA = Set(claimedByA.compactMap(\.id))
            let idsB = Set(claimedByB.compactMap(\.id))
            #expect(idsA.isDisjoint(with: idsB))
            #expect(idsA.count + idsB.count == 6)
            #expect(try await b.outbox.due(at: Self.later(2), limit: 10, excluding: idsB) == [], "all claimed")

            // A records what it sent; what it claimed and never recorded (it died) goes to B once the lease ends.
            guard let sent = claimedByA.first else { return }
            try await a.outbox.recordDelivered(sent, detail: "ok", at: Self.later(3))
            let orphaned = idsA.subtracting([try #require(sent.id)])
            #expect(
                try await b.outbox.due(at: Self.later(60), limit: 10, excluding: idsB).isEmpty, "lease still running")
            let takenOver = try await b.outbox.due(at: Self.later(62), limit: 10, excluding: idsB)
            #expect(Set(takenOver.compactMap(\.id)) == orphaned)
            #expect(try await a.outbox.depth() == 5)
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func twoNodesSeeingOneAlertOpenOneIncidentAndFireEachDeadlineOnce() async throws {
        try await Self.withTwoNodes { a, b in
            let planner = CommandPlanner(config: IncidentCommandsContractTests.config)
            let ledgerA = PostgresLedger(a, planner: planner)
            let ledgerB = PostgresLedger(b, planner: planner)
            let start = IncidentCommandsContractTests.start
            func alert(_ fingerprint: String) -> ExternalAlert {
                ExternalAlert(
                    fingerprint: fingerprint, title: "Checkout latency", category: .system, severity: .sev3,
                    labels: Labels(["alertname": fingerprint]), firing: true, startsAt: start)
            }
            // Both nodes hear every alert at the same moment, twenty times over.
            for index in 0..<20 {
                async let fromA = ledgerA.receive(alert("am-\(index)"), by: "alertmanager", at: start)
                async let fromB = ledgerB.receive(alert("am-\(index)"), by: "alertmanager", at: start)
                let (first, second) = try await (fromA, fromB)
                #expect((first == nil) != (second == nil), "one node opens it, the other finds it open")
            }
            let opened = try await a.incidents.incidents(statuses: [], since: nil, limit: 100)
            #expect(opened.count == 20)
            let pages = try await a.outbox.depth()

            // Both fire the due deadlines at once: each fires once, on one node.
            let later = start.addingTimeInterval(301)
            async let firedA = ledgerA.fireDueDeadlines(at: later, limit: 100)
            async let firedB = ledgerB.fireDueDeadlines(at: later, limit: 100)
            let (one, other) = try await (firedA, firedB)
            var dueDeadlines = 0
            for incident in opened {
                let deadlines = try await a.incidents.deadlines(try #require(incident.id))
                dueDeadlines += deadlines.filter { $0.dueAt <= later }.count
                #expect(deadlines.filter { $0.dueAt <= later }.allSatisfy { $0.firedAt != nil })
            }
            #expect(dueDeadlines >= 20 && one.fired + other.fired == dueDeadlines)
            #expect(try await a.outbox.depth() == pages + one.queued + other.queued)
        }
    }
}
