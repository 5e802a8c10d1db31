public import BeaconCore
public import Logging

/// The demo's notification sinks together: an HTTP sink for the webhook, chat robot and SMS channels and an
/// SMTP sink for mail, both on 127.0.0.1, reporting every notification on one stream.
///
/// ```swift
/// let sinks = try await DemoSinks.start(channels: config.channels, logger: logger)
/// let routed = DemoConfig.routeChannels(config, httpPort: sinks.httpPort, smtpPort: sinks.smtpPort)
/// for await delivery in sinks.deliveries { print(delivery.channel, delivery.headline) }
/// await sinks.stop()
/// ```
public final class DemoSinks: Sendable {
    public let http: DemoHTTPSink
    public let smtp: DemoSMTPSink
    /// Every notification either sink received, in the order they arrived; it finishes on ``stop()``.
    /// Read it from one task: when nobody reads, the newest ``bufferedDeliveries`` are kept.
    public let deliveries: AsyncStream<DemoDelivery>
    private let continuation: AsyncStream<DemoDelivery>.Continuation

    /// How many unread deliveries the stream keeps.
    public static let bufferedDeliveries = 1_000

    private init(
        http: DemoHTTPSink, smtp: DemoSMTPSink, deliveries: AsyncStream<DemoDelivery>,
        continuation: AsyncStream<DemoDelivery>.Continuation
    ) {
        self.http = http
        self.smtp = smtp
        self.deliveries = deliveries
        self.continuation = continuation
    }

    /// Starts both sinks on 127.0.0.1 and returns once both accept connections.
    /// - Parameters:
    ///   - channels: the configured channels, so the HTTP sink answers each channel's path as its type's real
    ///     service would.
    ///   - httpPort: the HTTP sink's port, 0 for one the operating system chooses.
    ///   - smtpPort: the SMTP sink's port, 0 for one the operating system chooses.
    ///   - logger: the sinks' logger.
    /// - Throws: ``DemoSinkError`` when either port cannot be bound (neither sink is left running).
    public static func start(
        channels: [Channel] = [], httpPort: Int = 0, smtpPort: Int = 0, logger: Logger
    ) async throws -> DemoSinks {
        let (deliveries, continuation) = AsyncStream.makeStream(
            of: DemoDelivery.self, bufferingPolicy: .bufferingNewest(bufferedDeliveries))
        let deliver: @Sendable (DemoDelivery) -> Void = { continuation.yield($0) }
        let types = Dictionary(channels.map { ($0.id, $0.type) }, uniquingKeysWith: { first, _ in first })
        let http = try await DemoHTTPSink.start(
            port: httpPort, channelTypes: types, logger: logger, onDelivery: deliver)
        let smtp: DemoSMTPSink
        do {
            smtp = try await DemoSMTPSink.start(port: smtpPort, logger: logger, onDelivery: deliver)
        } catch {
            await http.stop()
            continuation.finish()
            throw error
        }
        return DemoSinks(http: http, smtp: smtp, deliveries: deliveries, continuation: continuation)
    }

    /// The HTTP sink's port.
    public var httpPort: Int { http.port }
    /// The SMTP sink's port.
    public var smtpPort: Int { smtp.port }

    /// `config` with every channel pointed at these sinks (``DemoConfig/routeChannels(_:httpPort:smtpPort:)``).
    public func route(_ config: BeaconConfig) -> BeaconConfig {
        DemoConfig.routeChannels(config, httpPort: httpPort, smtpPort: smtpPort)
    }

    /// Stops both sinks and finishes ``deliveries``; returns within the sinks' stop limits.
    public func stop() async {
        async let httpStopped: Void = http.stop()
        async let smtpStopped: Void = smtp.stop()
        _ = await (httpStopped, smtpStopped)
        continuation.finish()
    }
}
