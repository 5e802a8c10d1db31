import BeaconApproval
import BeaconCore
import BeaconCurl
import BeaconStore
import BeaconTestSupport
import Foundation
import Logging
import Testing

@testable import BeaconNotify

/// A group robot's limit is kept: what is over it waits and goes out as one digest; a throttle is waited out.
@Suite(.serialized) struct RateLimitTests {
    let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    func config(_ server: LoopbackHTTPServer, rate: [RateLimit]) -> BeaconConfig {
        BeaconConfig(
            publicURL: "https://beacon.example.com",
            channels: [Channel(id: "ops", type: .dingtalk, url: server.url("/robot"), rate: rate)],
            chain: CommandChain(
                operation: ChainLayer(
                    deadline: .seconds(300),
                    people: [Person(name: "Zhang Min", login: "zhangmin", mobile: "13800000000", channels: ["ops"])]),
                execution: ChainLayer(
                    deadline: .seconds(900), people: [Person(name: "Wang Lei", login: "wanglei", channels: ["ops"])]),
                decision: ChainLayer(
                    deadline: .seconds(1800), people: [Person(name: "Li Na", login: "lina", channels: ["ops"])])),
            paging: [.sev4: [.operation], .sev3: [.operation], .sev2: [.operation], .sev1: [.operation]])
    }

    /// Declares `count` incidents, then runs the dispatcher until `done` holds (bounded).
    func run(
        _ server: LoopbackHTTPServer, rate: [RateLimit], incidents count: Int,
        until done: @escaping @Sendable (BeaconStore) throws -> Bool
    ) async throws -> BeaconStore {
        let config = config(server, rate: rate)
        let store = try BeaconStore.inMemory()
        let ledger = IncidentLedger(store, planner: CommandPlanner(config: config))
        for number in 1...count {
            _ = try await ledger.declare(
                title: "Complaints about SKU \(number)", category: .complaint, severity: .sev3, by: "zhangmin",
                at: Date())
        }
        let client = CurlClient()
        let dispatcher = OutboxDispatcher(
            config: config, outbox: store.outbox, sender: CurlChannelSender(client: client, now: { Date() }),
            signer: ApprovalSigner(key: Array(repeating: 1, count: 32)), tick: .seconds(60), logger: logger)
        let task = Task { try await dispatcher.run() }
        for _ in 0..<3000 where !(try done(store)) { try await Task.sleep(for: .milliseconds(20)) }
        task.cancel()
        _ = await task.result
        await client.shutdown()
        return store
    }

    func all(_ store: BeaconStore) throws -> [OutboxEntry] {
        try store.incidents(limit: 100).compactMap(\.id).flatMap { try store.notifications($0) }
    }

    @Test func whatIsOverTheLimitGoesOutAsOneDigestAndNothingIsDropped() async throws {
        let server = try await LoopbackHTTPServer.start(routes: ["/robot": .json(#"{"errcode":0,"errmsg":"ok"}"#)])
        let store = try await run(server, rate: [RateLimit(count: 3, per: .seconds(60))], incidents: 6) { store in
            try all(store).allSatisfy { $0.state == .delivered }
        }
        let entries = try all(store)
        #expect(entries.count == 6)
        #expect(entries.allSatisfy { $0.state == .delivered }, "never dropped")
        let posts = server.requests(to: "/robot")
        #expect(posts.count == 3, "the limit is 3 a minute: two messages and one digest of the other four")
        let bodies = posts.map { String(decoding: $0.body, as: UTF8.self) }
        let digest = try #require(bodies.first { $0.contains("held back") }, "\(bodies)")
        #expect(digest.contains("4 notifications held back by ops's rate limit"))
        #expect(digest.contains("Complaints about SKU"))
        await server.stop()
    }

    @Test func aThrottledChannelIsNotRetriedIntoTheThrottle() async throws {
        let server = try await LoopbackHTTPServer.start(routes: [
            "/robot": .json(#"{"errcode":130101,"errmsg":"send too fast"}"#)
        ])
        let started = Date()
        let store = try await run(server, rate: [RateLimit(count: 20, per: .seconds(60))], incidents: 1) { store in
            try all(store).allSatisfy { $0.attempts > 0 }
        }
        let entry = try #require(try all(store).first)
        #expect(entry.state == .pending, "it waits; it is not given up")
        #expect(entry.nextAttemptAt.timeIntervalSince(started) >= 590, "not before the 10-minute throttle ends")
        #expect(server.requests(to: "/robot").count == 1)
        await server.stop()
    }

    @Test func ratesAreReadFromTheConfiguration() throws {
        #expect(RateLimit.parse("20/1m") == [RateLimit(count: 20, per: .seconds(60))])
        #expect(RateLimit.parse("5/1s, 100/1m")?.count == 2)
        #expect(RateLimit.parse("fast") == nil)
        #expect(ChannelType.feishu.defaultRate.map(\.description) == ["5/1s", "100/1m"])
    }

    @Test func aGroupMessageThatGivesUpFallsOverToEachPersonsNextChannel() async throws {
        let server = try await LoopbackHTTPServer.start(routes: [
            "/team": .status(400), "/zm": .json("{}"), "/wl": .json("{}"),
        ])
        let config = BeaconConfig(
            channels: [
                Channel(id: "team", type: .webhook, url: server.url("/team")),
                Channel(id: "zm", type: .webhook, url: server.url("/zm"), audience: .personal),
                Channel(id: "wl", type: .webhook, url: server.url("/wl"), audience: .personal),
            ],
            chain: CommandChain(
                operation: ChainLayer(
                    deadline: .seconds(300),
                    people: [Person(name: "Zhang Min", login: "zhangmin", channels: ["team", "zm"])]),
                execution: ChainLayer(
                    deadline: .seconds(900),
                    people: [Person(name: "Wang Lei", login: "wanglei", channels: ["team", "wl"])]),
                decision: ChainLayer(
                    deadline: .seconds(1800), people: [Person(name: "Li Na", login: "lina", channels: ["zm"])])),
            paging: [.sev4: [.operation], .sev3: [.operation], .sev2: [.operation, .execution], .sev1: [.operation]])
        let store = try BeaconStore.inMemory()
        let id = try #require(
            try await IncidentLedger(store, planner: CommandPlanner(config: config)).declare(
                title: "Card payments down", category: .system, severity: .sev2, by: "zhangmin", at: Date()
            ).incident.id)
        let queued = try store.notifications(id)
        #expect(queued.map(\.idempotencyKey) == ["incident-\(id.rawValue)/page/team"], "one message in the group")
        #expect(queued.first?.recipients.compactMap(\.login) == ["zhangmin", "wanglei"])
        let client = CurlClient()
        let dispatcher = OutboxDispatcher(
            config: config, outbox: store.outbox, sender: CurlChannelSender(client: client, now: { Date() }),
            signer: ApprovalSigner(key: Array(repeating: 1, count: 32)), tick: .seconds(60), logger: logger)
        let task = Task { try await dispatcher.run() }
        for _ in 0..<3000 where try store.notifications(id).filter({ $0.state == .delivered }).count < 2 {
            try await Task.sleep(for: .milliseconds(20))
        }
        task.cancel()
        _ = await task.result
        await client.shutdown()
        let keys = try store.notifications(id).filter { $0.state == .delivered }.map(\.idempotencyKey).sorted()
        #expect(keys == ["incident-\(id.rawValue)/page/wanglei/wl", "incident-\(id.rawValue)/page/zhangmin/zm"])
        #expect(server.requests(to: "/team").count == 1, "a refusal is not retried")
        #expect(server.requests(to: "/zm").count == 1 && server.requests(to: "/wl").count == 1)
        await server.stop()
    }
}
