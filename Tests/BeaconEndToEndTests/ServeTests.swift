import BeaconTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `beacon serve` as a process: reload on SIGHUP, graceful stop on SIGTERM.
@Suite(.serialized) struct ServeTests {
    @Test func sighupWithAnInvalidFileKeepsTheOldRules() async throws {
        let server = try await LoopbackHTTPServer.start(routes: ["/metrics": .prometheus("payment_success_rate 0.97\n")]
        )
        let config = try TemporaryConfig()
        try config.writeMinimal(metricsURL: server.url("/metrics"))
        let daemon = try DaemonProcess(["serve", "--config", config.configPath], logPath: config.path("serve.log"))
        #expect(try await daemon.waitForLog("monitor started"))

        try config.write(
            "Alerts/payments.yaml", TemporaryConfig.paymentRule(metricsURL: server.url("/metrics"), kind: "treshold"))
        daemon.signal(SIGHUP)
        #expect(try await daemon.waitForLog("configuration rejected; the previous one keeps running"))
        #expect(
            daemon.log.contains(#"Alerts/payments.yaml:6: rules[0].condition.kind: unknown condition kind "treshold""#))

        server.set(.prometheus("payment_success_rate 0.85\n"), for: "/metrics")
        var listed = ""
        for _ in 0..<600 where !listed.contains("payment-success-rate") {
            try await Task.sleep(for: .milliseconds(100))
            listed = try await BeaconProcess.run(["incident", "list", "--json", "--config", config.configPath]).output
        }
        #expect(listed.contains(#""rule" : "payment-success-rate""#), "the old rule still opens incidents")

        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit() == 0)
        #expect(daemon.log.contains("monitor stopped"))
        await server.stop()
    }

    @Test func aSecondServeOnABusyAddressFailsNamingItBeforeServing() async throws {
        let busy = try ListeningSocket()
        let config = try TemporaryConfig()
        try config.writeMinimal(metricsURL: "http://127.0.0.1:9/metrics")
        let text = try String(contentsOfFile: config.configPath, encoding: .utf8)
        try text.replacingOccurrences(of: "listen: 127.0.0.1:0", with: "listen: 127.0.0.1:\(busy.port)")
            .write(toFile: config.configPath, atomically: false, encoding: .utf8)
        let second = try await BeaconProcess.run(["serve", "--config", config.configPath])
        #expect(second.status != 0)
        #expect(second.errors.contains("Cannot listen on 127.0.0.1:\(busy.port): address already in use."))
        #expect(!second.errors.contains("beacon serving"))
        #expect(!second.errors.contains("monitor started"))
    }

    @Test func sighupWithAValidFileAppliesIt() async throws {
        let server = try await LoopbackHTTPServer.start(routes: ["/metrics": .prometheus("payment_success_rate 0.97\n")]
        )
        let config = try TemporaryConfig()
        try config.writeMinimal(metricsURL: server.url("/metrics"))
        let daemon = try DaemonProcess(["serve", "--config", config.configPath], logPath: config.path("serve.log"))
        #expect(try await daemon.waitForLog("monitor started"))
        try config.write(
            "Alerts/payments.yaml",
            TemporaryConfig.paymentRule(metricsURL: server.url("/other"), kind: "threshold"))
        daemon.signal(SIGHUP)
        #expect(try await daemon.waitForLog("configuration reloaded"))
        #expect(await server.waitForRequests(to: "/other", timeout: .seconds(60)))
        daemon.signal(SIGINT)
        #expect(await daemon.waitForExit() == 0)
        await server.stop()
    }
}

/// A `beacon` process running in the background, its standard error going to a file.
final class DaemonProcess: Sendable {
    let process: Process
    let logPath: String

    /// - Parameter program: another program than `beacon` (Prometheus, Alertmanager), tied to the test run the
    ///   same way.
    init(
        _ arguments: [String], logPath: String, program: URL = BeaconProcess.executable,
        environment: [String: String] = [:]
    ) throws {
        self.logPath = logPath
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        process = Process()
        TiedProcess.configure(process, executable: program, arguments: arguments)
        process.standardError = log
        process.standardOutput = log
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        try process.run()
    }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// Waits, for at most `seconds`, until the log contains `text`.
    func waitForLog(_ text: String, seconds: Double = 10) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if log.contains(text) { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    /// Waits, for at most 10 s, for the process to exit; kills it if it does not.
    func waitForExit() async -> Int32? {
        for _ in 0..<200 where process.isRunning { try? await Task.sleep(for: .milliseconds(50)) }
        guard !process.isRunning else {
            kill(process.processIdentifier, SIGKILL)
            return nil
        }
        return process.terminationStatus
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
}

/// A TCP socket listening on a free port of 127.0.0.1 until the value is dropped.
final class ListeningSocket {
    let descriptor: Int32
    let port: Int

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.descriptor = descriptor
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard descriptor >= 0, bound == 0, listen(descriptor, 1) == 0 else { throw ListeningSocketError() }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(descriptor) }
}

struct ListeningSocketError: Error {}
