public import BeaconCore
public import Hummingbird
public import Logging

/// The simulated platform's metric endpoints over HTTP: every ``DemoEndpoint`` at the URLs the shipped `Alerts/`
/// poll (`http://127.0.0.1:9100/metrics`, …), serving ``DemoScenario`` at the current elapsed time.
///
/// Run it as a service: ``makeApplication()`` is a Hummingbird application, which is a swift-service-lifecycle
/// `Service`, for the demo's `ServiceGroup`; or call ``run()``. It stops when its task is cancelled or the group
/// shuts down gracefully.
public struct DemoMetricsServer: Sendable {
    public var scenario: DemoScenario
    /// Where to listen; port 0 lets the operating system choose (tests).
    public var address: ListenAddress
    /// The time since the demo started; the server reads it on every request.
    public var elapsed: @Sendable () -> Duration
    /// Called with the bound port once the server accepts connections.
    public var onRunning: @Sendable (Int) async -> Void
    public var logger: Logger

    /// The address the shipped rules poll.
    public static let shippedAddress = ListenAddress(host: "127.0.0.1", port: 9100)

    /// - Parameters:
    ///   - scenario: the script to serve.
    ///   - address: where to listen, 127.0.0.1:9100 unless told otherwise.
    ///   - elapsed: the time since the demo started, such as ``elapsedTime(on:)``.
    ///   - logger: the server's logger.
    ///   - onRunning: called with the bound port once the server accepts connections.
    public init(
        scenario: DemoScenario = .standard, address: ListenAddress = DemoMetricsServer.shippedAddress,
        elapsed: @escaping @Sendable () -> Duration, logger: Logger,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) {
        self.scenario = scenario
        self.address = address
        self.elapsed = elapsed
        self.logger = logger
        self.onRunning = onRunning
    }

    /// A function giving the time since this call, read from `clock`.
    public static func elapsedTime<C: Clock>(on clock: C) -> @Sendable () -> Duration where C.Duration == Duration {
        let start = clock.now
        return { start.duration(to: clock.now) }
    }

    /// The Hummingbird application serving the endpoints: a `Service` to run in a `ServiceGroup`.
    public func makeApplication() -> some ApplicationProtocol {
        let router = Router()
        let scenario = scenario
        let elapsed = elapsed
        for endpoint in DemoEndpoint.allCases {
            router.get(RouterPath(endpoint.path)) { _, _ in
                let body = endpoint.body(scenario.metrics(at: elapsed()))
                return Response(
                    status: .ok, headers: [.contentType: endpoint.contentType],
                    body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
            }
        }
        let onRunning = onRunning
        let port = address.port
        return Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(address.host, port: address.port)),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    /// Serves until the task is cancelled or a surrounding service group shuts down.
    /// - Throws: when the address cannot be bound.
    public func run() async throws {
        try await makeApplication().run()
    }
}
