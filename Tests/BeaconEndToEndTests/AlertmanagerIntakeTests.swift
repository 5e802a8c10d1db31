import BeaconTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The real Prometheus and Alertmanager (Debian's packages) in front of `beacon serve`, wired as
/// docs/alertmanager.md recommends: a rule written the usual Prometheus way, one alertname in two tiers
/// (`severity: warning` above 5%, `critical` above 20%), scraping a loopback shop. The tiers are one incident,
/// raised when the critical one fires, eased (kept at sev1) when it stops, resolved when the warning stops too.
/// The rules read the highest value of the last ten seconds, so a scrape the loaded machine misses (which makes
/// an instant selector see nothing, and resolve the alert) does not flap them.
@Suite(.serialized) struct AlertmanagerIntakeTests {
    static func program(_ names: [String]) -> URL? {
        for name in names {
            for directory in ["/usr/bin", "/usr/local/bin", "/usr/sbin"] {
                let path = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: path) { return URL(fileURLWithPath: path) }
            }
        }
        return nil
    }

    /// Starts `program` on a free port of 127.0.0.1 (`arguments` given the port), until its log says `ready`;
    /// a port taken in between is tried again with another.
    static func start(
        _ program: URL, log: String, ready: String, arguments: (Int) -> [String]
    ) async throws -> (DaemonProcess, Int) {
        for _ in 0..<5 {
            let port = try ListeningSocket().port
            let daemon = try DaemonProcess(arguments(port), logPath: log, program: program)
            for _ in 0..<1200 where daemon.process.isRunning && !daemon.log.contains(ready) {
                try await Task.sleep(for: .milliseconds(50))
            }
            if daemon.process.isRunning && daemon.log.contains(ready) { return (daemon, port) }
            daemon.signal(SIGKILL)
        }
        throw TestFailure(
            "\(program.lastPathComponent) did not start: \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
    }

    struct TestFailure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// Polls `beacon incident show 1 --json` until `done` holds (at most two minutes), and returns it.
    static func incident(
        _ config: TemporaryConfig, until done: ([String: Any]) -> Bool
    ) async throws -> [String: Any] {
        var document: [String: Any] = [:]
        for _ in 0..<1200 {
            let shown = try await BeaconProcess.run(["incident", "show", "1", "--json", "--config", config.configPath])
            if shown.status == 0,
                let parsed = try JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as? [String: Any]
            {
                document = parsed
                if done(document) { return document }
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        return document
    }

    @Test(.timeLimit(.minutes(8))) func tieredRulesRaiseEaseAndResolveOneIncident() async throws {
        let prometheus = try #require(Self.program(["prometheus"]), "install Debian's prometheus")
        let alertmanager = try #require(
            Self.program(["prometheus-alertmanager", "alertmanager"]), "install Debian's prometheus-alertmanager")
        let shop = try await LoopbackHTTPServer.start(
            routes: ["/metrics": .prometheus("checkout_error_ratio{sku=\"A17\"} 0.01\n")])
        defer { Task { await shop.stop() } }
        let config = try TemporaryConfig()
        try config.writeMinimal(metricsURL: "http://127.0.0.1:9/metrics")
        _ = try await BeaconProcess.run(
            ["user", "add", "alertmanager", "--service", "intake", "--config", config.configPath])
        let token = try await BeaconProcess.run(["user", "token", "alertmanager", "--config", config.configPath])
            .output.trimmingCharacters(in: .whitespacesAndNewlines)
        let beacon = try DaemonProcess(["serve", "--config", config.configPath], logPath: config.path("serve.log"))
        defer { beacon.signal(SIGKILL) }
        try #require(try await beacon.waitForLog("listening on 127.0.0.1:", seconds: 60), "\(beacon.log)")
        let beaconPort = try #require(
            beacon.log.components(separatedBy: "listening on 127.0.0.1:").last?.prefix { $0.isNumber })

        try config.write(
            "alertmanager.yml",
            """
            route:
              receiver: beacon
              group_by: [alertname, sku]
              group_wait: 1s
              group_interval: 1s
              repeat_interval: 1h
            receivers:
              - name: beacon
                webhook_configs:
                  - url: http://127.0.0.1:\(beaconPort)/api/intake/alertmanager
                    send_resolved: true
                    http_config:
                      authorization: { credentials: \(token) }
            """)
        let (am, amPort) = try await Self.start(
            alertmanager, log: config.path("alertmanager.log"), ready: "Listening on"
        ) {
            [
                "--config.file=\(config.path("alertmanager.yml"))", "--storage.path=\(config.path("am-data"))",
                "--web.listen-address=127.0.0.1:\($0)", "--cluster.listen-address=",
            ]
        }
        defer { am.signal(SIGKILL) }
        try config.write(
            "rules.yml",
            """
            groups:
              - name: checkout
                interval: 1s
                rules:
                  - alert: HighErrorRate
                    expr: max_over_time(checkout_error_ratio[10s]) > 0.05
                    labels: { severity: warning }
                    annotations:
                      summary: "Checkout errors on {{ $labels.sku }}"
                      description: "{{ $value | humanizePercentage }} of checkouts fail"
                      value: "{{ $value }}"
                  - alert: HighErrorRate
                    expr: max_over_time(checkout_error_ratio[10s]) > 0.2
                    labels: { severity: critical }
                    annotations:
                      summary: "Checkout errors on {{ $labels.sku }}"
                      description: "{{ $value | humanizePercentage }} of checkouts fail"
                      value: "{{ $value }}"
            """)
        try config.write(
            "prometheus.yml",
            """
            global: { scrape_interval: 1s, scrape_timeout: 1s, evaluation_interval: 1s }
            rule_files: [ \(config.path("rules.yml")) ]
            scrape_configs:
              - job_name: shop
                static_configs: [ { targets: ["127.0.0.1:\(shop.port)"] } ]
            alerting:
              alertmanagers: [ { static_configs: [ { targets: ["127.0.0.1:\(amPort)"] } ] } ]
            """)
        let (prom, _) = try await Self.start(
            prometheus, log: config.path("prometheus.log"), ready: "Server is ready to receive web requests"
        ) {
            [
                "--config.file=\(config.path("prometheus.yml"))", "--storage.tsdb.path=\(config.path("prom-data"))",
                "--web.listen-address=127.0.0.1:\($0)", "--rules.alert.resend-delay=1s",
            ]
        }
        defer { prom.signal(SIGKILL) }
        let logs = { "\(beacon.log.suffix(3_000))\n\(am.log.suffix(2_000))\n\(prom.log.suffix(2_000))" }

        shop.set(.prometheus("checkout_error_ratio{sku=\"A17\"} 0.1\n"), for: "/metrics")
        let opened = try await Self.incident(config) { $0["severity"] as? String == "sev3" }
        #expect(opened["severity"] as? String == "sev3", "\(logs())")
        #expect(opened["title"] as? String == "Checkout errors on A17")
        #expect(opened["description"] as? String == "10% of checkouts fail")
        #expect(opened["value"] as? Double == 0.1)

        shop.set(.prometheus("checkout_error_ratio{sku=\"A17\"} 0.3\n"), for: "/metrics")
        let raised = try await Self.incident(config) { $0["severity"] as? String == "sev1" }
        #expect(raised["severity"] as? String == "sev1", "\(logs())")
        #expect(raised["firing_tiers"] as? [String] == ["sev1", "sev3"])

        shop.set(.prometheus("checkout_error_ratio{sku=\"A17\"} 0.1\n"), for: "/metrics")
        let eased = try await Self.incident(config) { ($0["firing_tiers"] as? [String]) == ["sev3"] }
        #expect(eased["firing_tiers"] as? [String] == ["sev3"], "\(logs())")
        #expect(eased["severity"] as? String == "sev1" && eased["status"] as? String == "open")

        shop.set(.prometheus("checkout_error_ratio{sku=\"A17\"} 0.01\n"), for: "/metrics")
        let resolved = try await Self.incident(config) { $0["status"] as? String == "resolved" }
        #expect(resolved["status"] as? String == "resolved", "\(logs())")
        let list = try await BeaconProcess.run(["incident", "list", "--all", "--json", "--config", config.configPath])
        let incidents = try JSONSerialization.jsonObject(with: Data(list.output.utf8)) as? [Any]
        #expect(incidents?.count == 1, "the two tiers were one incident throughout")
    }
}
