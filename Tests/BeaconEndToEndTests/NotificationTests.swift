import BeaconTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Paging through `beacon serve` to a real webhook receiver, across a crash.
@Suite(.serialized) struct NotificationTests {
    @Test func anOpenedIncidentPagesTheOnCallByWebhook() async throws {
        let server = try await LoopbackHTTPServer.start(routes: [
            "/metrics": .prometheus("payment_success_rate 0.85\n"), "/hook": .json(#"{"ok":true}"#),
        ])
        let config = try TemporaryConfig()
        try config.writeMinimal(metricsURL: server.url("/metrics"), hookURL: server.url("/hook"))
        let daemon = try DaemonProcess(["serve", "--config", config.configPath], logPath: config.path("serve.log"))
        #expect(
            await server.waitForRequests(to: "/hook", count: 2, timeout: .seconds(60)), "sev2: operation and execution")
        let request = try #require(
            server.requests(to: "/hook").first { $0.header("Idempotency-Key") == "incident-1/page/zhangmin/hook" })
        let event = try #require(try JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any])
        #expect(event["event"] as? String == "page")
        let incident = try #require(event["incident"] as? [String: Any])
        #expect(incident["rule"] as? String == "payment-success-rate")
        #expect((event["recipient"] as? [String: Any])?["login"] as? String == "zhangmin")
        #expect(
            Set(server.requests(to: "/hook").compactMap { $0.header("Idempotency-Key") }) == [
                "incident-1/page/zhangmin/hook", "incident-1/page/wanglei/hook",
            ])
        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit() == 0)
        await server.stop()
    }

    @Test func aCrashLosesNothingAndSendsNothingTwice() async throws {
        let server = try await LoopbackHTTPServer.start(routes: [
            "/metrics": .prometheus("payment_success_rate 0.85\n"), "/hook": .status(500),
        ])
        let config = try TemporaryConfig()
        try config.writeMinimal(metricsURL: server.url("/metrics"), hookURL: server.url("/hook"), ackWithin: "2s")
        let first = try DaemonProcess(["serve", "--config", config.configPath], logPath: config.path("first.log"))
        #expect(await server.waitForRequests(to: "/hook", timeout: .seconds(60)), "the page is attempted and fails")
        first.signal(SIGKILL)
        _ = await first.waitForExit()

        try await Task.sleep(for: .seconds(2))
        server.set(.json(#"{"ok":true}"#), for: "/hook")
        let healthyFrom = Date()
        let second = try DaemonProcess(["serve", "--config", config.configPath], logPath: config.path("second.log"))
        var delivered: [String] = []
        for _ in 0..<600 {
            delivered = server.requests(to: "/hook").filter { $0.receivedAt >= healthyFrom }
                .compactMap { $0.header("Idempotency-Key") }
            if delivered.contains("incident-1/escalate-ack/wanglei/hook")
                && delivered.contains("incident-1/page/zhangmin/hook")
            {
                break
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(delivered.contains("incident-1/page/zhangmin/hook"), "the page left pending by the crash is sent")
        #expect(delivered.contains("incident-1/escalate-ack/wanglei/hook"), "the overdue acknowledge deadline fires")
        try await Task.sleep(for: .seconds(1))
        let all = server.requests(to: "/hook").filter { $0.receivedAt >= healthyFrom }.compactMap {
            $0.header("Idempotency-Key")
        }
        #expect(all.count == Set(all).count, "nothing is delivered twice: \(all)")
        second.signal(SIGTERM)
        #expect(await second.waitForExit() == 0)
        await server.stop()
    }
}
