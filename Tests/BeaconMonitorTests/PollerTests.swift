import BeaconTestSupport
import Foundation
import Synchronization
import Testing

@testable import BeaconMonitor

/// The poller against a real loopback HTTP server: many targets over several shards, keep-alive, updates, the
/// in-flight bound and stopping.
@Suite(.timeLimit(.minutes(1))) struct PollerTests {
    /// Results by target id, as the poller delivers them.
    final class Results: Sendable {
        private let byTarget = Mutex<[Int: [PollResult.Outcome]]>([:])

        func record(_ result: PollResult) {
            byTarget.withLock { $0[result.target, default: []].append(result.outcome) }
        }
        func count(_ target: Int) -> Int { byTarget.withLock { $0[target]?.count ?? 0 } }
        var targets: Set<Int> { byTarget.withLock { Set($0.keys) } }
        var all: [PollResult.Outcome] { byTarget.withLock { $0.values.flatMap { $0 } } }
    }

    func targets(_ ids: some Sequence<Int>, on server: LoopbackHTTPServer, interval: Duration) -> [PollTarget] {
        ids.map { PollTarget(id: $0, url: server.url("/t/\($0)"), interval: interval, timeout: .seconds(30)) }
    }

    func options(perShard: Int = 64, spread: Bool = true) -> Poller.Options {
        var options = Poller.Options()
        options.targetsPerShard = perShard
        options.spreadStart = spread
        options.seed = 7
        return options
    }

    /// Waits, for at most `limit`, until `done` holds; checks every 10 ms.
    func eventually(_ limit: Duration = .seconds(20), _ done: () -> Bool) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: limit)
        while !done(), clock.now < deadline { try? await clock.sleep(for: .milliseconds(10)) }
        return done()
    }

    @Test func everyTargetOnEveryShardIsPolledAgainAndAgainOverKeptAliveConnections() async throws {
        let server = try await LoopbackHTTPServer.start(fallback: .json(#"{"ok": 1}"#))
        let results = Results()
        let ids = 0..<40
        let poller = try Poller(
            targets: targets(ids, on: server, interval: .milliseconds(100)), options: options(perShard: 8),
            deliver: results.record)
        poller.start()
        let polledFourTimes = await eventually { ids.allSatisfy { results.count($0) >= 4 } }
        poller.stop()
        await server.stop()

        #expect(polledFourTimes, "all 5 shards poll each of their targets at its interval")
        #expect(results.targets == Set(ids))
        #expect(results.all.allSatisfy { $0 == .body(Array(#"{"ok": 1}"#.utf8)) })
        let requests = server.requests
        let connections = Set(requests.compactMap(\.clientPort))
        #expect(requests.count >= 160)
        #expect(connections.count <= ids.count, "\(requests.count) requests over \(connections.count) connections")
        #expect(poller.statistics.polls == results.all.count && poller.statistics.failures == 0)
    }

    @Test func aServerClosingIdleConnectionsCostsNeitherPollsNorABusyLoop() async throws {
        let server = try ClosingKeepAliveServer(body: "0.97", idleClose: .milliseconds(30))
        defer { server.stop() }
        let results = Results()
        let target = PollTarget(
            id: 1, url: "http://127.0.0.1:\(server.port)/m", interval: .milliseconds(100), timeout: .seconds(30))
        let poller = try Poller(targets: [target], options: options(spread: false), deliver: results.record)
        poller.start()
        let polledTenTimes = await eventually { results.count(1) >= 10 }
        poller.stop()

        #expect(polledTenTimes)
        #expect(results.all.allSatisfy { $0 == .body(Array("0.97".utf8)) }, "no poll fails on a closed connection")
        // The server closes what it left idle; the poller finds it closed and opens another. How many polls a
        // loaded machine lets reuse a connection before the server's 30 ms timer runs is scheduling, not behaviour:
        // what is checked is that closes happened and no poll failed on them.
        #expect(server.connections >= 2, "a closed connection is replaced, \(server.requests) requests")
        // A closed idle socket left readable in epoll would wake the loop thousands of times a second.
        #expect(poller.statistics.wakeups < 20 * results.count(1), "\(poller.statistics.wakeups) wake-ups")
    }

    @Test func anUpdateTakesEffectAtOnceAndDropsTheShardsNoLongerNeeded() async throws {
        let server = try await LoopbackHTTPServer.start(fallback: .json("1"))
        let results = Results()
        let poller = try Poller(
            targets: targets(0..<12, on: server, interval: .milliseconds(100)),
            options: options(perShard: 4, spread: false),
            deliver: results.record)
        poller.start()
        #expect(await eventually { (0..<12).allSatisfy { results.count($0) >= 2 } })

        // Two new targets polled once a minute: a poller that waited out its sleep would not poll them now.
        poller.update(targets(100..<102, on: server, interval: .seconds(60)))
        let newOnesPolled = await eventually { results.count(100) >= 1 && results.count(101) >= 1 }
        let oldCounts = (0..<12).map { server.requestCount("/t/\($0)") }
        try await Task.sleep(for: .milliseconds(300))
        let laterCounts = (0..<12).map { server.requestCount("/t/\($0)") }
        poller.stop()
        await server.stop()

        #expect(newOnesPolled)
        #expect(laterCounts == oldCounts, "the old targets are no longer polled")
        #expect(results.count(100) == 1 && results.count(101) == 1, "a one-minute interval polls once in the test")
    }

    @Test func noMoreThanMaxInFlightTransfersRunAtOnce() async throws {
        let server = try await LoopbackHTTPServer.start(fallback: .hang)
        var options = options(spread: false)
        options.maxInFlight = 2
        let results = Results()
        let poller = try Poller(
            targets: targets(0..<6, on: server, interval: .seconds(60)), options: options, deliver: results.record)
        poller.start()
        #expect(await eventually { server.requests.count >= 2 })
        // Give the other four every chance to start, were the bound not kept.
        try await Task.sleep(for: .milliseconds(300))
        #expect(server.requests.count == 2)
        #expect(poller.statistics.inFlight == 2)
        poller.stop()
        await server.stop()
        #expect(results.all.isEmpty, "stopping abandons hanging transfers without delivering them")
    }

    @Test func stoppingAbandonsAHangingTransferWithoutWaitingForItsTimeout() async throws {
        let server = try await LoopbackHTTPServer.start(fallback: .hang)
        let results = Results()
        let target = PollTarget(id: 1, url: server.url("/slow"), interval: .seconds(60), timeout: .seconds(50))
        let poller = try Poller(targets: [target], options: options(spread: false), deliver: results.record)
        poller.start()
        #expect(await server.waitForRequests(to: "/slow"))
        // Returns long before the 50 s timeout, or the suite's time limit fails the test.
        poller.stop()
        await server.stop()
        #expect(results.all.isEmpty)
    }
}

@Suite struct ScheduledTargetTests {
    @Test(arguments: [
        ("http://127.0.0.1:9100/metrics", "127.0.0.1", true),
        ("https://user:pw@[::1]:8443/m?q=1", "::1", true),
        ("http://metrics.shop.internal/m", "metrics.shop.internal", false),
        ("http://10.0.0.7", "10.0.0.7", true),
        ("http://1.2.3.4.example.com:80/", "1.2.3.4.example.com", false),
    ])
    func addressesWrittenInTheURLAreToldFromNames(url: String, host: String, isAddress: Bool) {
        #expect(ScheduledTarget.host(of: url) == host[...])
        #expect(ScheduledTarget.isAddress(ScheduledTarget.host(of: url)) == isAddress)
    }
}
