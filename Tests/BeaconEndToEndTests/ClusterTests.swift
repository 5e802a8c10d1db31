import BeaconTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Three `beacon serve` nodes on one real PostgreSQL: they share the sources, and when one is killed (`kill -9`)
/// the others poll its sources; every incident opens once, every notice reaches its person once.
@Suite(.serialized) struct ClusterTests {
    /// Enough that each of three nodes owns some (a node with none of 48 is a chance of about 1 in 10^8).
    static let sources = 48
    /// The commands a test runs against the cluster name themselves too (the shared file says `${BEACON_NODE}`).
    static let cli = ["BEACON_NODE": "cli"]

    /// Waits (a liveness bound, not a timing) until `condition` holds.
    func eventually(_ condition: () async throws -> Bool) async throws -> Bool {
        for _ in 0..<600 {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    struct Node: Decodable {
        var name: String
        var alive: Bool
        var sources: Int
    }

    func status(_ config: TemporaryConfig) async throws -> [Node] {
        let result = try await BeaconProcess.run(
            ["cluster", "status", "--json", "--config", config.configPath], environment: Self.cli)
        guard result.status == 0 else { return [] }
        return try JSONDecoder().decode([Node].self, from: Data(result.output.utf8))
    }

    func incidents(_ config: TemporaryConfig) async throws -> [[String: Any]] {
        let result = try await BeaconProcess.run(
            ["incident", "list", "--all", "--json", "--config", config.configPath], environment: Self.cli)
        guard result.status == 0 else { return [] }
        return (try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]]) ?? []
    }

    @Test(.timeLimit(.minutes(5))) func threeNodesShareTheSourcesAndTakeOverFromOneKilled() async throws {
        let postgres = try await PostgresServer.start()
        defer { postgres.stop() }
        let healthy = "payment_success_rate 0.97\n"
        let metrics = try await LoopbackHTTPServer.start(
            routes: Dictionary(uniqueKeysWithValues: (0..<Self.sources).map { ("/s/\($0)", .prometheus(healthy)) }))
        let hook = try await LoopbackHTTPServer.start(routes: ["/hook": .status(200)])
        let config = try TemporaryConfig()
        try config.writeMinimal(metricsURL: metrics.url("/s/0"), hookURL: hook.url("/hook"))
        let main = try String(contentsOfFile: config.configPath, encoding: .utf8)
        try main.replacingOccurrences(
            of: "store: beacon.sqlite",
            with: "store: \"\(postgres.url)?sslmode=disable\"\ncluster: { node: \"${BEACON_NODE}\", heartbeat: 500ms }"
        ).write(toFile: config.configPath, atomically: false, encoding: .utf8)
        let rules = (0..<Self.sources).map { index in
            """
              - id: payment-\(index)
                title: Payments \(index)
                category: system
                source: { url: "\(metrics.url("/s/\(index)"))", format: prometheus, metric: payment_success_rate, interval: 200ms, timeout: 150ms }
                condition: { kind: threshold, op: "<", levels: { sev2: 0.9, sev1: 0.8 } }
            """
        }
        try config.write("Alerts/payments.yaml", "rules:\n" + rules.joined(separator: "\n"))

        let nodes = try ["node-a", "node-b", "node-c"].map { name in
            try DaemonProcess(
                ["serve", "--config", config.configPath], logPath: config.path("\(name).log"),
                environment: ["BEACON_NODE": name])
        }
        defer { for node in nodes where node.process.isRunning { node.signal(SIGKILL) } }

        // The three split the twelve sources, each taking some.
        #expect(
            try await eventually {
                let alive = try await status(config).filter(\.alive)
                return alive.count == 3 && alive.map(\.sources).reduce(0, +) == Self.sources
                    && alive.allSatisfy { $0.sources > 0 }
            }, "three nodes share the sources")

        // Every source breaches: each opens one incident, and its pages go out once.
        for index in 0..<Self.sources { metrics.set(.prometheus("payment_success_rate 0.85\n"), for: "/s/\(index)") }
        #expect(try await eventually { try await incidents(config).count == Self.sources })
        #expect(await hook.waitForRequests(to: "/hook", count: Self.sources, timeout: .seconds(60)))

        // One node dies without a word; the other two take its sources over.
        let victim = nodes[1]
        victim.signal(SIGKILL)
        _ = await victim.waitForExit()
        #expect(
            try await eventually {
                let alive = try await status(config).filter(\.alive)
                return alive.map(\.name).sorted() == ["node-a", "node-c"]
                    && alive.map(\.sources).reduce(0, +) == Self.sources
            }, "the survivors share every source")

        // Every source gets worse: only a node polling it can raise its incident, so every incident raised to sev1
        // means the dead node's sources are polled again, and none opened a second incident.
        for index in 0..<Self.sources { metrics.set(.prometheus("payment_success_rate 0.70\n"), for: "/s/\(index)") }
        #expect(
            try await eventually {
                let listed = try await incidents(config)
                return listed.count == Self.sources && listed.allSatisfy { $0["severity"] as? String == "sev1" }
            }, "every incident raised, by whichever node polls its source now")
        let listed = try await incidents(config)
        let rulesOpened = listed.compactMap { $0["rule"] as? String }
        #expect(Set(rulesOpened).count == Self.sources && rulesOpened.count == Self.sources, "every incident once")
        // Every notice once: no idempotency key came twice (nothing was in flight when the node died).
        let keys = hook.requests(to: "/hook").compactMap { $0.header("Idempotency-Key") }
        #expect(Set(keys).count == keys.count)
        #expect(keys.count >= Self.sources * 2, "the pages, then the raises")

        for node in nodes where node.process.isRunning { node.signal(SIGTERM) }
        for node in nodes { _ = await node.waitForExit() }
        await metrics.stop()
        await hook.stop()
    }

    /// `beacon store copy` moves a SQLite installation into an empty PostgreSQL, and refuses one that is not empty.
    @Test(.timeLimit(.minutes(3))) func anInstallationMovesToPostgreSQLOnce() async throws {
        let postgres = try await PostgresServer.start()
        defer { postgres.stop() }
        let config = try TemporaryConfig()
        try config.writeMinimal(metricsURL: "http://127.0.0.1:9/metrics")
        let declared = try await BeaconProcess.run([
            "incident", "declare", "--title", "Typhoon delays deliveries", "--category", "system", "--severity", "sev2",
            "--as", "zhangmin", "--config", config.configPath,
        ])
        #expect(declared.status == 0, "\(declared.errors)")
        let url = "\(postgres.url)?sslmode=disable"
        let copy = ["store", "copy", "--from", config.path("beacon.sqlite"), "--to", url]
        let copied = try await BeaconProcess.run(copy)
        #expect(copied.status == 0, "\(copied.errors)")
        #expect(copied.output.contains("incident 1"))
        let again = try await BeaconProcess.run(copy)
        #expect(again.status != 0)
        #expect(again.errors.contains("already holds a Beacon installation"))

        let main = try String(contentsOfFile: config.configPath, encoding: .utf8)
        try main.replacingOccurrences(of: "store: beacon.sqlite", with: "store: \"\(url)\"")
            .write(toFile: config.configPath, atomically: false, encoding: .utf8)
        let listed = try await BeaconProcess.run(["incident", "list", "--all", "--json", "--config", config.configPath])
        #expect(listed.status == 0, "\(listed.errors)")
        #expect(listed.output.contains("Typhoon delays deliveries"))
    }
}
