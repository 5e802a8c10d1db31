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

    /// A node cut from the database (its connections terminated, its logins refused, as a partition would leave
    /// it) stops polling at its next beat and the other takes every source; what breaches then is opened once, by
    /// the node that can record it.
    @Test(.timeLimit(.minutes(3))) func aNodeCutFromTheDatabaseStopsPollingAndTheOtherTakesOver() async throws {
        let postgres = try await PostgresServer.start()
        defer { postgres.stop() }
        // Node A signs in as a role of its own, so it alone can be cut off.
        _ = try postgres.psql("CREATE ROLE node_a LOGIN SUPERUSER")
        let count = 24
        let metrics = try await LoopbackHTTPServer.start(
            routes: Dictionary(
                uniqueKeysWithValues: (0..<count).map { ("/s/\($0)", .prometheus("payment_success_rate 0.97\n")) }))
        let hook = try await LoopbackHTTPServer.start(routes: ["/hook": .status(200)])
        let rules = (0..<count).map { index in
            """
              - id: payment-\(index)
                title: Payments \(index)
                category: system
                source: { url: "\(metrics.url("/s/\(index)"))", format: prometheus, metric: payment_success_rate, interval: 200ms, timeout: 150ms }
                condition: { kind: threshold, op: "<", levels: { sev2: 0.9 } }
            """
        }
        var configs: [TemporaryConfig] = []
        for user in ["node_a", postgres.user] {
            let config = try TemporaryConfig()
            try config.writeMinimal(metricsURL: metrics.url("/s/0"), hookURL: hook.url("/hook"))
            let main = try String(contentsOfFile: config.configPath, encoding: .utf8)
            try main.replacingOccurrences(
                of: "store: beacon.sqlite",
                with: "store: \"postgresql://\(user)@127.0.0.1:\(postgres.port)/postgres?sslmode=disable\"\n"
                    + "cluster: { node: \"${BEACON_NODE}\", heartbeat: 500ms }"
            ).write(toFile: config.configPath, atomically: false, encoding: .utf8)
            try config.write("Alerts/payments.yaml", "rules:\n" + rules.joined(separator: "\n"))
            configs.append(config)
        }
        let direct = configs[1]
        // B first, so the schema is made by the owner of everything.
        let connected = try DaemonProcess(
            ["serve", "--config", direct.configPath], logPath: direct.path("b.log"),
            environment: ["BEACON_NODE": "node-b"])
        #expect(try await connected.waitForLog("monitor started", seconds: 60))
        let cutOff = try DaemonProcess(
            ["serve", "--config", configs[0].configPath], logPath: configs[0].path("a.log"),
            environment: ["BEACON_NODE": "node-a"])
        defer { for node in [cutOff, connected] where node.process.isRunning { node.signal(SIGKILL) } }
        #expect(try await cutOff.waitForLog("monitor started", seconds: 60))
        #expect(
            try await eventually {
                let alive = try await status(direct).filter(\.alive)
                return alive.map(\.name).sorted() == ["node-a", "node-b"] && alive.map(\.sources).reduce(0, +) == count
            }, "two nodes share the sources")

        _ = try postgres.psql(
            "ALTER ROLE node_a NOLOGIN; "
                + "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'node_a'")
        #expect(
            try await eventually {
                let alive = try await status(direct).filter(\.alive)
                return alive.map(\.name) == ["node-b"] && alive.first?.sources == count
            }, "the connected node takes every source")
        #expect(try await cutOff.waitForLog("cannot reach the store; polling nothing until it can", seconds: 60))
        let stopped = try await cutOff.waitForLog("rules=0 targets=0", seconds: 60)
        #expect(stopped, "the cut-off node polls nothing")
        if !stopped {
            let lines = cutOff.log.split(separator: "\n").filter {
                !$0.contains("cannot reach") && !$0.contains("psql_")
            }
            print("CUTOFF LOG", lines.suffix(40).joined(separator: "\n"))
        }

        for index in 0..<count { metrics.set(.prometheus("payment_success_rate 0.85\n"), for: "/s/\(index)") }
        #expect(try await eventually { try await incidents(direct).count == count })
        #expect(await hook.waitForRequests(to: "/hook", count: count, timeout: .seconds(60)))
        let keys = hook.requests(to: "/hook").compactMap { $0.header("Idempotency-Key") }
        #expect(Set(keys).count == keys.count)

        for node in [cutOff, connected] { node.signal(SIGTERM) }
        for node in [cutOff, connected] { _ = await node.waitForExit() }
        await metrics.stop()
        await hook.stop()
    }

    /// The port a node's console bound, from its log.
    func consolePort(_ node: DaemonProcess) async throws -> Int? {
        guard try await node.waitForLog("listening on 127.0.0.1:", seconds: 60) else { return nil }
        let text = node.log
        guard let range = text.range(of: "listening on 127.0.0.1:") else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }

    /// One request through `curl` with a shared cookie jar: cookies go by host, not port, so two nodes on
    /// 127.0.0.1 are one address to it, as to a browser behind a load balancer.
    func curl(_ jar: String, _ arguments: [String]) async throws -> (status: Int, body: String) {
        let result = try await BeaconProcess.run(
            ["-s", "-b", jar, "-c", jar, "-w", "\n%{http_code}"] + arguments,
            program: URL(fileURLWithPath: "/usr/bin/curl"))
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false)
        return (Int(lines.last ?? "") ?? 0, lines.dropLast().joined(separator: "\n"))
    }

    /// A person signs in on one node and works on the other: the session, its CSRF token and what it changes are
    /// in the database, so whichever node answers serves the console alike.
    @Test(.timeLimit(.minutes(3))) func eitherNodeServesTheSameConsoleSession() async throws {
        let postgres = try await PostgresServer.start()
        defer { postgres.stop() }
        let config = try TemporaryConfig()
        try config.writeMinimal(metricsURL: "http://127.0.0.1:9/metrics")
        let main = try String(contentsOfFile: config.configPath, encoding: .utf8)
        try main.replacingOccurrences(
            of: "store: beacon.sqlite",
            with: "store: \"\(postgres.url)?sslmode=disable\"\ncluster: { node: \"${BEACON_NODE}\", heartbeat: 500ms }"
        ).write(toFile: config.configPath, atomically: false, encoding: .utf8)
        let added = try await BeaconProcess.run(
            ["user", "add", "zhangmin", "--config", config.configPath], environment: Self.cli,
            input: "correct horse battery\n")
        #expect(added.status == 0, "\(added.errors)")
        let nodes = try ["node-a", "node-b"].map { name in
            try DaemonProcess(
                ["serve", "--config", config.configPath], logPath: config.path("\(name).log"),
                environment: ["BEACON_NODE": name])
        }
        defer { for node in nodes where node.process.isRunning { node.signal(SIGKILL) } }
        let a = try #require(try await consolePort(nodes[0]))
        let b = try #require(try await consolePort(nodes[1]))
        let jar = config.path("cookies.txt")
        try "127.0.0.1\tFALSE\t/\tFALSE\t0\tbeacon_login\tsign-in-token\n".write(
            toFile: jar, atomically: false, encoding: .utf8)

        // Signed in on A…
        let signedIn = try await curl(
            jar,
            [
                "-X", "POST", "--data", "login=zhangmin&password=correct%20horse%20battery&csrf=sign-in-token",
                "http://127.0.0.1:\(a)/login",
            ])
        #expect(signedIn.status == 303)
        // …the same session reads B's pages, and a form from A's page posts on B.
        let page = try await curl(jar, ["http://127.0.0.1:\(b)/incidents"])
        #expect(page.status == 200)
        #expect(page.body.contains("Zhang Min"))
        let onA = try await curl(jar, ["http://127.0.0.1:\(a)/incidents"])
        let token = try #require(
            onA.body.range(of: #"name="csrf" value=""#).map { onA.body[$0.upperBound...].prefix { $0 != "\"" } })
        let declared = try await curl(
            jar,
            [
                "-X", "POST", "--data",
                "csrf=\(token)&title=Checkout%20down%20on%20one%20node&category=system&severity=sev2&description=",
                "http://127.0.0.1:\(b)/incidents/new",
            ])
        #expect(declared.status == 303, "\(declared.body.prefix(300))")
        #expect(try await curl(jar, ["http://127.0.0.1:\(a)/incidents"]).body.contains("Checkout down on one node"))
        // Signing out on B ends the session on A too.
        let signedOut = try await curl(jar, ["-X", "POST", "--data", "csrf=\(token)", "http://127.0.0.1:\(b)/logout"])
        #expect(signedOut.status == 303)
        #expect(try await curl(jar, ["http://127.0.0.1:\(a)/incidents"]).status == 303, "back to sign-in")

        for node in nodes { node.signal(SIGTERM) }
        for node in nodes { _ = await node.waitForExit() }
    }
}
