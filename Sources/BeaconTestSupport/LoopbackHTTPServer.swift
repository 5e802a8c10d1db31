import BeaconCore
public import Foundation
import Hummingbird
public import Logging
import ServiceLifecycle

/// A real HTTP/1.1 server on 127.0.0.1 for tests: metric endpoints to poll, webhooks to receive.
///
/// The port is chosen by the operating system. Each path answers by a ``Behaviour`` that the test can change at
/// any time; every request is logged with its headers and body.
///
/// ```swift
/// let server = try await LoopbackHTTPServer.start(routes: ["/metrics": .prometheus("up 1\n")])
/// defer { Task { await server.stop() } }   // or `await server.stop()` at the end of the test
/// server.set(.hang, for: "/metrics")
/// let polled = server.requestCount("/metrics")
/// ```
public final class LoopbackHTTPServer: Sendable {
    /// The address the server listens on; never anything but loopback.
    public let host = "127.0.0.1"
    /// The port the operating system gave the server.
    public let port: Int

    private let table: Locked<RouteTable>
    private let stopping: Latch
    private let finished: Latch
    private let task: Task<Void, Never>
    /// Runs the server; a graceful shutdown lets every connection finish its response and close its writer,
    /// which a cancelled task does not (NIO traps on a writer dropped unfinished).
    private let group: ServiceGroup
    private let clock: any Clock<Duration>
    private let logger: Logger

    /// How long ``stop()`` waits for the server to wind down before giving up on it.
    public static let stopLimit: Duration = .seconds(5)

    /// A logger that drops everything, so tests stay quiet unless they pass their own.
    public static let silentLogger = Logger(label: "beacon.test.loopback-http") { _ in SwiftLogNoOpLogHandler() }

    private init(
        port: Int, table: Locked<RouteTable>, stopping: Latch, finished: Latch, task: Task<Void, Never>,
        group: ServiceGroup,
        clock: any Clock<Duration>, logger: Logger
    ) {
        self.port = port
        self.table = table
        self.stopping = stopping
        self.finished = finished
        self.task = task
        self.group = group
        self.clock = clock
        self.logger = logger
    }

    deinit {
        // A test that forgot `stop()` must not leave hanging handlers or a listening socket behind.
        stopping.open()
        task.cancel()
    }

    /// Starts a server on 127.0.0.1 and a port the operating system chooses, and returns once it accepts
    /// connections.
    /// - Parameters:
    ///   - routes: the behaviour of each path (`/metrics`), matched exactly, without the query.
    ///   - fallback: the behaviour of every other path.
    ///   - maxRequestBodyBytes: a larger request body is refused with 413 and not logged.
    ///   - clock: the clock `.slow` waits on.
    ///   - now: the time recorded for each request.
    ///   - logger: the server's logger; silent by default.
    /// - Throws: `LoopbackServerError` when the server cannot listen.
    public static func start(
        routes: [String: Behaviour] = [:], fallback: Behaviour = .status(404), maxRequestBodyBytes: Int = 8 << 20,
        clock: any Clock<Duration> = ContinuousClock(), now: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = LoopbackHTTPServer.silentLogger
    ) async throws -> LoopbackHTTPServer {
        let table = Locked(RouteTable(behaviours: routes, fallback: fallback))
        let stopping = Latch()
        let finished = Latch()
        let failure = Locked<String?>(nil)
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let responder = LoopbackResponder(
            table: table, stopping: stopping, clock: clock, now: now, maxRequestBodyBytes: maxRequestBodyBytes)
        let application = Application(
            responder: responder, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portSink.yield(channel.localAddress?.port ?? 0)
                portSink.finish()
            },
            logger: logger)
        let group = ServiceGroup(services: [application], logger: logger)
        let task = Task {
            do {
                try await group.run()
            } catch {
                failure.withLock { $0 = "\(error)" }
            }
            portSink.finish()
            finished.open()
        }
        guard let port = await ports.first(where: { _ in true }), port > 0 else {
            stopping.open()
            task.cancel()
            await finished.wait(atMost: stopLimit, clock: clock)
            let reason = failure.withLock { $0 } ?? "it stopped before reporting its port"
            throw LoopbackServerError("The loopback HTTP server could not start: \(reason).")
        }
        return LoopbackHTTPServer(
            port: port, table: table, stopping: stopping, finished: finished, task: task, group: group, clock: clock,
            logger: logger)
    }

    /// `http://127.0.0.1:<port>`.
    public var baseURL: String { "http://\(host):\(port)" }

    /// The URL of a path on this server: `url("/metrics")` is `http://127.0.0.1:<port>/metrics`.
    public func url(_ path: String) -> String {
        baseURL + (path.hasPrefix("/") ? path : "/" + path)
    }

    /// Stops the server: releases `.hang` and `.slow` requests, closes every connection, and returns once the
    /// server has wound down or ``stopLimit`` has passed. Calling it again does nothing.
    public func stop() async {
        stopping.open()
        await group.triggerGracefulShutdown()
        if await !finished.wait(atMost: Self.stopLimit, clock: clock) {
            task.cancel()
            await finished.wait(atMost: Self.stopLimit, clock: clock)
            logger.warning("The loopback HTTP server did not stop in time.", metadata: ["server.port": "\(port)"])
        }
    }
}

// MARK: - Routes

extension LoopbackHTTPServer {
    /// Makes `path` behave as `behaviour` from the next request on; requests already waiting are unaffected.
    public func set(_ behaviour: Behaviour, for path: String) {
        table.withLock { $0.behaviours[path] = behaviour }
    }

    /// Makes every path without a behaviour of its own behave as `behaviour`.
    public func setFallback(_ behaviour: Behaviour) {
        table.withLock { $0.fallback = behaviour }
    }

    /// The behaviour `path` has now.
    public func behaviour(for path: String) -> Behaviour {
        table.withLock { $0.behaviours[path] ?? $0.fallback }
    }
}

// MARK: - Request log

extension LoopbackHTTPServer {
    /// Every request received, oldest first.
    public var requests: [RecordedRequest] { table.withLock { $0.requests } }

    /// The requests received for one path, oldest first.
    public func requests(to path: String) -> [RecordedRequest] {
        table.withLock { $0.requests.filter { $0.path == path } }
    }

    /// How many requests `path` has received.
    public func requestCount(_ path: String) -> Int {
        table.withLock { $0.counts[path] ?? 0 }
    }

    /// The number of requests received, per path.
    public var requestCounts: [String: Int] { table.withLock { $0.counts } }

    /// Forgets the requests received so far (the behaviours stay).
    public func clearLog() {
        table.withLock {
            $0.requests = []
            $0.counts = [:]
        }
    }

    /// Waits until `path` has received at least `count` requests, checking every 10 ms for at most `timeout`.
    /// - Returns: whether it had.
    public func waitForRequests(to path: String, count: Int = 1, timeout: Duration = .seconds(10)) async -> Bool {
        let step = Duration.milliseconds(10)
        for _ in 0..<max(1, Int(timeout / step)) {
            if requestCount(path) >= count || Task.isCancelled { break }
            try? await clock.sleep(for: step)
        }
        return requestCount(path) >= count
    }
}
