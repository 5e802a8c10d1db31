import BeaconCore
import BeaconStore
import BeaconTestSupport
import Foundation
import Logging
import Synchronization
import Testing

@testable import BeaconMonitor

/// The monitor as `beacon serve` runs it: the libcurl poller, the detector and the commit stage, on a real
/// SQLite file, against a loopback server.
@Suite struct MonitorServiceTests {
    let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    /// Another process (a backup, a long `sqlite3` session) holds the write lock: polling goes on as scheduled, and
    /// the breach seen meanwhile is committed once, when the lock is released.
    @Test func pollsKeepTheirScheduleWhileAnotherProcessHoldsTheWriteLock() async throws {
        let path = NSTemporaryDirectory() + "beacon-monitor-lock-\(UUID()).sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        // A commit waits for the lock rather than failing, as a short lock would make it.
        let store = try BeaconStore.open(path: path, busyTimeout: 600)
        let server = try await LoopbackHTTPServer.start(routes: [
            "/metrics": .prometheus("payment_success_rate 0.99\n")
        ])
        let rule = Rule(
            id: "payment-success-rate", title: "Payment success rate", category: .system,
            source: Source(
                url: server.url("/metrics"), format: .prometheus, metric: MetricSelector(name: "payment_success_rate"),
                interval: .milliseconds(50), timeout: .seconds(30)),
            condition: .threshold(op: .below, levels: [.sev2: 0.90]), forDuration: .zero, resolveAfter: .seconds(30))
        let config = BeaconConfig(channels: [], chain: TestChain.empty, rules: [rule])
        let (changes, sink) = AsyncStream.makeStream(of: IncidentChange.self)
        var options = Poller.Options()
        options.spreadStart = false
        let monitor = MonitorService(
            config: config, ledger: IncidentLedger.recordingOnly(store), samples: store.samples,
            incidents: store.incidentReader,
            logger: logger, options: options, clock: TestClock(),
            now: { Date() }, onChange: { sink.yield($0) })
        let running = Task { try await monitor.run() }
        defer { running.cancel() }
        #expect(await server.waitForRequests(to: "/metrics", count: 1, timeout: .seconds(60)))

        let lock = try SQLiteWriteLock(path: path)
        server.set(.prometheus("payment_success_rate 0.50\n"), for: "/metrics")
        let before = server.requestCount("/metrics")
        #expect(
            await server.waitForRequests(to: "/metrics", count: before + 20, timeout: .seconds(120)),
            "polls go on while the database is locked")
        #expect(try store.incidents().isEmpty, "nothing is committed while the lock is held")
        lock.release()

        let opened = await first(of: changes, within: .seconds(120))
        #expect(opened?.incident.severity == .sev2)
        #expect(opened?.event.kind == .opened)
        #expect(try store.incidents().count == 1, "the breach opens one incident, however many polls saw it")
        running.cancel()
        _ = await running.result
        await server.stop()
    }

    /// The first element of `stream`, or `nil` if none comes within `limit` (a bound, not a measurement).
    func first<T: Sendable>(of stream: AsyncStream<T>, within limit: Duration) async -> T? {
        await withTaskGroup(of: T?.self) { group in
            group.addTask { await stream.first { _ in true } }
            group.addTask {
                try? await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            return await group.next() ?? nil
        }
    }
}

/// Another process holding SQLite's write lock (`BEGIN EXCLUSIVE`) on a store file until released: Python's sqlite3,
/// tied to the test run so that it dies with it.
final class SQLiteWriteLock: Sendable {
    private let process: Process
    private let input: Pipe

    init(path: String) throws {
        let script = """
            import sqlite3, sys
            connection = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=60)
            connection.execute("BEGIN EXCLUSIVE")
            print("locked", flush=True)
            sys.stdin.readline()
            connection.execute("COMMIT")
            """
        let process = Process()
        TiedProcess.configure(
            process, executable: URL(fileURLWithPath: "/usr/bin/python3"), arguments: ["-c", script, path])
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        // Blocks only until Python has the lock (or has died, which the line tells).
        let line = String(decoding: output.fileHandleForReading.readDataToEndOfLine(), as: UTF8.self)
        guard line == "locked" else { throw CocoaError(.fileLocking) }
        self.process = process
        self.input = input
    }

    func release() {
        input.fileHandleForWriting.write(Data("\n".utf8))
        process.waitUntilExit()
    }
}

extension FileHandle {
    /// Reads up to the first newline (dropped), or to the end.
    fileprivate func readDataToEndOfLine() -> Data {
        var line = Data()
        while let byte = try? read(upToCount: 1), let first = byte.first, first != UInt8(ascii: "\n") {
            line.append(first)
        }
        return line
    }
}
