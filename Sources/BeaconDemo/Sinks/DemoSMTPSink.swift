public import Logging
import NIOCore
import NIOPosix

/// A real SMTP server on 127.0.0.1 that accepts every message and reports it as a ``DemoDelivery``: what
/// `beacon demo` points the mail channels at.
///
/// It speaks plain SMTP only (no STARTTLS, no AUTH), as libcurl does with `security: none`, and refuses a
/// message over ``maximumMessageBytes`` with 552.
///
/// ```swift
/// let sink = try await DemoSMTPSink.start(logger: logger) { delivery in print(delivery.headline) }
/// // smtp://127.0.0.1:\(sink.port)
/// await sink.stop()
/// ```
public final class DemoSMTPSink: Sendable {
    /// The address the sink listens on; never anything but loopback.
    public let host = "127.0.0.1"
    /// The port it listens on.
    public let port: Int
    /// The largest message accepted.
    public let maximumMessageBytes: Int

    private let listener: any Channel
    private let task: Task<Void, Never>
    private let finished: SinkLatch
    private let clock: any Clock<Duration>
    private let logger: Logger

    /// 1 MiB: far more than a notification takes.
    public static let defaultMaximumMessageBytes = 1 << 20
    /// How long ``stop()`` waits for open conversations to end.
    public static let stopLimit: Duration = .seconds(5)

    private init(
        port: Int, maximumMessageBytes: Int, listener: any Channel, task: Task<Void, Never>, finished: SinkLatch,
        clock: any Clock<Duration>, logger: Logger
    ) {
        self.port = port
        self.maximumMessageBytes = maximumMessageBytes
        self.listener = listener
        self.task = task
        self.finished = finished
        self.clock = clock
        self.logger = logger
    }

    deinit {
        // A sink that was never stopped must not keep its port or its conversations.
        listener.close(promise: nil)
        task.cancel()
    }

    /// Starts listening on 127.0.0.1 and returns once the sink accepts connections.
    /// - Parameters:
    ///   - port: the port, 0 for one the operating system chooses.
    ///   - maximumMessageBytes: a larger message is refused with 552.
    ///   - clock: the clock ``stop()`` waits on.
    ///   - logger: the sink's logger.
    ///   - onDelivery: called with each message accepted, before the client hears 250.
    /// - Throws: ``DemoSinkError`` when the port cannot be bound.
    public static func start(
        port: Int = 0, maximumMessageBytes: Int = defaultMaximumMessageBytes,
        clock: any Clock<Duration> = ContinuousClock(), logger: Logger,
        onDelivery: @escaping @Sendable (DemoDelivery) -> Void
    ) async throws -> DemoSMTPSink {
        let server: NIOAsyncChannel<NIOAsyncChannel<SMTPLine, ByteBuffer>, Never>
        do {
            server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .bind(host: "127.0.0.1", port: port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(
                            ByteToMessageHandler(SMTPLineDecoder(maximumLength: maximumMessageBytes)))
                        return try NIOAsyncChannel<SMTPLine, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw DemoSinkError("The demo mail sink cannot listen on 127.0.0.1:\(port): \(error).")
        }
        let boundPort = server.channel.localAddress?.port ?? port
        let session = SMTPSession(hostname: "127.0.0.1", maximumMessageBytes: maximumMessageBytes)
        let finished = SinkLatch()
        let task = Task {
            await withDiscardingTaskGroup { group in
                do {
                    try await server.executeThenClose { connections in
                        for try await connection in connections {
                            group.addTask {
                                await serve(connection, session: session, logger: logger, onDelivery: onDelivery)
                            }
                        }
                    }
                } catch {
                    logger.debug("The demo mail sink stopped accepting.", metadata: ["error": "\(error)"])
                }
                group.cancelAll()
            }
            finished.open()
        }
        logger.debug("The demo mail sink is listening.", metadata: ["sink.port": "\(boundPort)"])
        return DemoSMTPSink(
            port: boundPort, maximumMessageBytes: maximumMessageBytes, listener: server.channel, task: task,
            finished: finished, clock: clock, logger: logger)
    }

    /// `smtp://127.0.0.1:<port>`.
    public var url: String { "smtp://\(host):\(port)" }

    /// Stops listening, ends every conversation, and returns once they have ended or ``stopLimit`` has passed.
    /// Calling it again does nothing.
    public func stop() async {
        listener.close(promise: nil)
        task.cancel()
        if await !finished.wait(atMost: Self.stopLimit, clock: clock) {
            logger.warning("The demo mail sink did not stop in time.", metadata: ["sink.port": "\(port)"])
        }
    }

    /// One client's conversation, until it quits, goes away or the sink stops.
    private static func serve(
        _ connection: NIOAsyncChannel<SMTPLine, ByteBuffer>, session: SMTPSession, logger: Logger,
        onDelivery: @Sendable (DemoDelivery) -> Void
    ) async {
        do {
            try await connection.executeThenClose { inbound, outbound in
                var session = session
                try await outbound.write(ByteBuffer(string: session.greeting + "\r\n"))
                for try await input in inbound {
                    let step =
                        switch input {
                        case .line(let bytes): session.receive(bytes)
                        case .overlong: session.receiveOverlongLine()
                        }
                    if let mail = step.mail {
                        let delivery = DemoDelivery(mail: mail)
                        logger.info(
                            "The demo mail sink received a message.",
                            metadata: ["sink.channel": "smtp", "sink.recipient": "\(delivery.recipient ?? "")"])
                        onDelivery(delivery)
                    }
                    if !step.replies.isEmpty {
                        try await outbound.write(ByteBuffer(string: step.replies.map { $0 + "\r\n" }.joined()))
                    }
                    if step.closes { return }
                }
            }
        } catch {
            logger.debug("A demo mail sink conversation ended.", metadata: ["error": "\(error)"])
        }
    }
}
