import BeaconApproval
import BeaconCore
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import BeaconServer

@Suite struct IntakeAndMetricsTests {
    let store: BeaconStore
    let token: String
    let metrics = BeaconMetrics()

    init() async throws {
        store = try BeaconStore.inMemory()
        _ = try await store.people.addServiceAccount(login: "alertmanager", scope: .intake, at: Date())
        let made = Credentials.newToken()
        try await store.people.addToken(login: "alertmanager", hash: made.hash, prefix: made.prefix, at: Date())
        token = made.token
    }

    func application() -> some ApplicationProtocol {
        let config = ApprovalLinkTests.chainConfig
        return BeaconHTTP.application(
            listen: ListenAddress(host: "127.0.0.1", port: 0),
            repositories: store.repositories(configuration: { config }),
            signer: ApprovalSigner(key: Array(repeating: 1, count: 32)), config: { config },
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() },
            health: {
                HealthReport(storeOK: true, monitorRunning: true, targets: 0, failingSources: 0, outboxDepth: 0)
            },
            metrics: metrics)
    }

    static func payload(
        _ alerts: [(status: String, name: String, severity: String, fingerprint: String)], version: String = "4"
    )
        -> ByteBuffer
    {
        let items = alerts.map { alert in
            """
            {"status":"\(alert.status)","labels":{"alertname":"\(alert.name)","severity":"\(alert.severity)","instance":"db-1"},
             "annotations":{"summary":"\(alert.name) on db-1"},"startsAt":"2026-11-25T03:00:00.123Z",
             "endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prometheus/graph","fingerprint":"\(alert.fingerprint)"}
            """
        }
        return ByteBuffer(
            string: """
                {"version":"\(version)","groupKey":"{}:{alertname=\\"x\\"}","status":"firing","receiver":"beacon",
                 "groupLabels":{},"commonLabels":{},"commonAnnotations":{},"externalURL":"http://alertmanager",
                 "alerts":[\(items.joined(separator: ","))]}
                """)
    }

    func post(_ client: some TestClientProtocol, _ body: ByteBuffer, token: String? = nil) async throws -> TestResponse
    {
        try await client.execute(
            uri: "/api/intake/alertmanager", method: .post,
            headers: [.authorization: "Bearer \(token ?? self.token)", .contentType: "application/json"], body: body)
    }

    func summary(_ response: TestResponse) throws -> [String: Int] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Int])
    }

    @Test func firingGroupedAndResolvedAlertsDriveIncidents() async throws {
        try await application().test(.router) { client in
            let firing = try await post(
                client,
                Self.payload([
                    ("firing", "DiskFull", "critical", "aaa"), ("firing", "SlowQueries", "warning", "bbb"),
                ]))
            #expect(firing.status == .ok)
            #expect(try summary(firing) == ["received": 2, "opened": 2, "raised": 0, "resolved": 0, "unchanged": 0])
            let incidents = try store.incidents()
            #expect(incidents.map(\.severity).sorted() == [.sev3, .sev1])
            let disk = try #require(incidents.first { $0.title == "DiskFull on db-1" })
            #expect(disk.origin == .alertmanager && disk.declaredBy == "alertmanager")
            #expect(disk.labels["instance"] == "db-1")
            #expect(
                try store.notifications(try #require(disk.id)).isEmpty == false, "paged like Beacon's own incidents")

            let repeated = try await post(client, Self.payload([("firing", "DiskFull", "critical", "aaa")]))
            #expect(try summary(repeated)["unchanged"] == 1)

            let resolved = try await post(client, Self.payload([("resolved", "DiskFull", "critical", "aaa")]))
            #expect(try summary(resolved)["resolved"] == 1)
            #expect(try store.incident(try #require(disk.id))?.status == .resolved)
        }
    }

    @Test func aResolvedAlertOpensThePostMortemLikeAnyResolution() async throws {
        try await application().test(.router) { client in
            _ = try await post(client, Self.payload([("firing", "DiskFull", "critical", "aaa")]))
            let id = try #require(try store.incidents().first?.id)
            let before = try await client.execute(
                uri: "/api/incidents/\(id.rawValue)/postmortem", method: .get,
                headers: [.authorization: "Bearer \(token)"])
            #expect(before.status == .notFound, "no post-mortem while the alert fires")

            let resolved = try await post(client, Self.payload([("resolved", "DiskFull", "critical", "aaa")]))
            #expect(try summary(resolved)["resolved"] == 1)
            let response = try await client.execute(
                uri: "/api/incidents/\(id.rawValue)/postmortem", method: .get,
                headers: [.authorization: "Bearer \(token)"])
            #expect(response.status == .ok)
            let report = try #require(
                try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
            let postMortem = try #require(report["post_mortem"] as? [String: Any])
            #expect(postMortem["owner"] as? String == "execution")
            #expect(
                report["missing_for_close"] as? [String] == [
                    "a root cause", "at least one follow-up or a reason why no action is needed",
                ])
            let resolvedAt = try #require(try store.incident(id)?.resolvedAt)
            let chasing = try store.deadlines(id).filter { !$0.kind.measuresResponse }
            #expect(Set(chasing.map(\.kind)) == [.postMortemReminder, .postMortemOverdue])
            #expect(chasing.allSatisfy { $0.dueAt > resolvedAt })
            #expect(
                try store.timeline(id).contains {
                    $0.kind == .postMortem && $0.message.hasPrefix("Post-mortem opened: the execution layer writes it")
                })
        }
    }

    @Test func malformedPayloadsAreRefusedNamingTheField() async throws {
        try await application().test(.router) { client in
            let version = try await post(client, Self.payload([("firing", "X", "critical", "c")], version: "3"))
            #expect(version.status == .badRequest)
            let status = try await post(client, Self.payload([("burning", "X", "critical", "c")]))
            #expect(status.status == .badRequest)
            let statusBody = try #require(
                try JSONSerialization.jsonObject(with: Data(buffer: status.body)) as? [String: String])
            #expect(statusBody["field"] == "alerts[0].status")
            let broken = try await post(client, ByteBuffer(string: #"{"version":"4","alerts":[{"labels":{}}"#))
            #expect(broken.status == .badRequest)
            let anonymous = try await client.execute(uri: "/api/intake/alertmanager", method: .post)
            #expect(anonymous.status == .unauthorized)
            #expect(try store.incidents().isEmpty)
        }
    }

    @Test func metricsExposePollsNotificationsAndOpenIncidents() async throws {
        metrics.polled(source: "http://127.0.0.1:9100/metrics", failure: nil)
        metrics.polled(source: "http://127.0.0.1:9100/metrics", failure: "HTTP 500")
        metrics.notified(channel: "hook", delivered: true)
        metrics.deadlinesFired(2)
        metrics.readNodeFigures { (sources: 16, nodes: 3) }
        try await application().test(.router) { client in
            _ = try await post(client, Self.payload([("firing", "DiskFull", "critical", "aaa")]))
            let response = try await client.execute(uri: "/metrics", method: .get)
            let text = String(buffer: response.body)
            #expect(text.contains(#"beacon_polls_total{source="http://127.0.0.1:9100/metrics"} 2"#))
            #expect(text.contains(#"beacon_poll_failures_total{source="http://127.0.0.1:9100/metrics"} 1"#))
            #expect(text.contains(#"beacon_notifications_sent_total{channel="hook"} 1"#))
            #expect(text.contains("beacon_escalations_fired_total 2"))
            #expect(text.contains(#"beacon_incidents_open{severity="sev1"} 1"#))
            #expect(text.contains("beacon_outbox_depth "))
            #expect(text.contains(#"beacon_outbox_channel_depth{channel="hook"} "#), "per channel")
            #expect(text.contains("beacon_sources_polled 16"), "this node's share of the sources")
            #expect(text.contains("beacon_cluster_nodes 3"))
        }
    }

    @Test func metricsNameSourcesWithoutTheirSecretsAndPassPromtool() async throws {
        let secret = "http://scraper:s3cret@127.0.0.1:9100/stats?token=abc123#frag"
        metrics.polled(source: secret, failure: "HTTP 500")
        metrics.evaluated(seconds: 0.002)
        metrics.notified(channel: "hook", delivered: false)
        try await application().test(.router) { client in
            let response = try await client.execute(uri: "/metrics", method: .get)
            let text = String(buffer: response.body)
            #expect(text.contains(#"beacon_poll_failures_total{source="http://127.0.0.1:9100/stats"} 1"#))
            for leak in ["s3cret", "scraper", "abc123", "token", "frag"] {
                #expect(!text.contains(leak), "\(leak) must not reach /metrics")
            }
            let check = try Promtool.checkMetrics(text)
            #expect(check.status == 0, "promtool check metrics: \(check.output)")
            for family in Set(
                text.split(separator: "\n").filter { $0.hasPrefix("# TYPE ") }.map { $0.split(separator: " ")[2] })
            {
                #expect(text.contains("# HELP \(family) "), "\(family) has no HELP")
            }
        }
    }
}

/// Runs Prometheus' own linter on an exposition text.
enum Promtool {
    static func checkMetrics(_ text: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/promtool")
        process.arguments = ["check", "metrics"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: printed, as: UTF8.self))
    }
}
