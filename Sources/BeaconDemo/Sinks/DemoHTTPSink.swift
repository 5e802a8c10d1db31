public import BeaconCore
import Hummingbird
public import Logging
import ServiceLifecycle

/// An HTTP server on 127.0.0.1 that takes every notification `POST`ed to it and answers as the channel's real
/// service would: what `beacon demo` points the webhook, chat robot and SMS channels at.
///
/// Any path is accepted; the path names the channel (`/ops-dingtalk` → `ops-dingtalk`), and the channel's type
/// chooses the answer (see ``answer(for:)``).
///
/// ```swift
/// let sink = try await DemoHTTPSink.start(logger: logger) { delivery in print(delivery.headline) }
/// // POST http://127.0.0.1:\(sink.port)/hook
/// await sink.stop()
/// ```
public final class DemoHTTPSink: Sendable {
    /// The address the sink listens on; never anything but loopback.
    public let host = "127.0.0.1"
    /// The port it listens on.
    public let port: Int

    private let finished: SinkLatch
    private let task: Task<Void, Never>
    /// Runs the server; a graceful shutdown lets every connection finish its response and close its writer,
    /// which a cancelled task does not (NIO traps on a writer dropped unfinished).
    private let group: ServiceGroup
    private let clock: any Clock<Duration>
    private let logger: Logger

    /// 1 MiB: far more than a notification takes.
    public static let defaultMaximumBodyBytes = 1 << 20
    /// How long ``stop()`` waits for the server to wind down.
    public static let stopLimit: Duration = .seconds(5)

    private init(
        port: Int, finished: SinkLatch, task: Task<Void, Never>, group: ServiceGroup, clock: any Clock<Duration>,
        logger: Logger
    ) {
        self.port = port
        self.finished = finished
        self.task = task
        self.group = group
        self.clock = clock
        self.logger = logger
    }

    deinit {
        // A sink that was never stopped must not keep its port.
        task.cancel()
    }

    /// Starts listening on 127.0.0.1 and returns once the sink accepts connections.
    /// - Parameters:
    ///   - port: the port, 0 for one the operating system chooses.
    ///   - channelTypes: the type of each channel by id, so `/ops-dingtalk` is answered as DingTalk answers;
    ///     a path not listed is answered by the type it names or its body looks like.
    ///   - maximumBodyBytes: a larger body is refused with 413.
    ///   - clock: the clock ``stop()`` waits on.
    ///   - logger: the sink's logger.
    ///   - onDelivery: called with each notification, before its sender has the answer.
    /// - Throws: ``DemoSinkError`` when the port cannot be bound.
    public static func start(
        port: Int = 0, channelTypes: [String: ChannelType] = [:], maximumBodyBytes: Int = defaultMaximumBodyBytes,
        clock: any Clock<Duration> = ContinuousClock(), logger: Logger,
        onDelivery: @escaping @Sendable (DemoDelivery) -> Void
    ) async throws -> DemoHTTPSink {
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let failure = Locked<String?>(nil)
        let finished = SinkLatch()
        let responder = DemoHTTPResponder(
            channelTypes: channelTypes, maximumBodyBytes: maximumBodyBytes, logger: logger, onDelivery: onDelivery)
        let application = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port)),
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
        guard let bound = await ports.first(where: { _ in true }), bound > 0 else {
            task.cancel()
            await finished.wait(atMost: stopLimit, clock: clock)
            let reason = failure.withLock { $0 } ?? "it stopped before reporting its port"
            throw DemoSinkError("The demo HTTP sink cannot listen on 127.0.0.1:\(port): \(reason).")
        }
        return DemoHTTPSink(port: bound, finished: finished, task: task, group: group, clock: clock, logger: logger)
    }

    /// `http://127.0.0.1:<port>`.
    public var baseURL: String { "http://\(host):\(port)" }

    /// The URL of a channel's path: `url("hook")` is `http://127.0.0.1:<port>/hook`.
    public func url(_ path: String) -> String {
        baseURL + (path.hasPrefix("/") ? path : "/" + path)
    }

    /// Stops the server and returns once it has wound down or ``stopLimit`` has passed. Calling it again does
    /// nothing.
    public func stop() async {
        await group.triggerGracefulShutdown()
        if await !finished.wait(atMost: Self.stopLimit, clock: clock) {
            task.cancel()
            await finished.wait(atMost: Self.stopLimit, clock: clock)
            logger.warning("The demo HTTP sink did not stop in time.", metadata: ["sink.port": "\(port)"])
        }
    }
}
