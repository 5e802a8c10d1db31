public import BeaconApproval
public import BeaconCore
public import Foundation
public import Hummingbird
public import Logging

/// Beacon's HTTP side: the approval link pages now; the JSON API and the console join the same router.
public enum BeaconHTTP {
    /// Every route of the application: the API, the console, the approval links, health and metrics.
    public static func router(
        repositories: Repositories, signer: ApprovalSigner, config: @escaping @Sendable () -> BeaconConfig,
        now: @escaping @Sendable () -> Date = { Date() }, queued: @escaping @Sendable (Int) -> Void = { _ in },
        health: @escaping @Sendable () async -> HealthReport, metrics: BeaconMetrics? = nil,
        failingSources: @escaping @Sendable () -> [String: String] = { [:] }, passwordCost: UInt8 = 12
    ) -> Router<BeaconRequestContext> {
        let router = Router(context: BeaconRequestContext.self)
        router.add(middleware: APIHeadersMiddleware())
        router.add(middleware: AuthMiddleware(people: repositories.people, chain: { config().chain }, now: now))
        router.add(middleware: ConsoleLanguageMiddleware(config: config))
        let environment = RouteEnvironment(repositories: repositories, config: config, now: now, queued: queued)
        ApprovalLinkRoutes(environment, signer: signer).add(to: router)
        IncidentRoutes(environment).add(to: router)
        UserRoutes(environment, passwordCost: passwordCost).add(to: router)
        PostMortemRoutes(environment).add(to: router)
        ConsoleRoutes(environment, failing: failingSources).add(to: router)
        AlertmanagerIntakeRoutes(environment).add(to: router)
        ReportRoutes(environment).add(to: router)
        OnCallRoutes(environment).add(to: router)
        OpenAPIDocument.add(to: router)
        if let metrics {
            router.get("/metrics") { _, _ in
                let text = await metrics.exposition(incidents: repositories.incidents, outbox: repositories.outbox)
                return Response(
                    status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                    body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
            }
        }
        router.get("/healthz") { _, _ in
            let report = await health()
            let body = try JSONEncoder.beacon.encode(report)
            return Response(
                status: report.isServing ? .ok : .serviceUnavailable, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
        }
        return router
    }

    /// The application `beacon serve` runs on the configuration's `listen` address.
    /// - Parameters:
    ///   - repositories: the store's, around the process's one ledger.
    ///   - onRunning: told the bound port once the server listens (port 0 picks a free one).
    public static func application(
        listen: ListenAddress, repositories: Repositories, signer: ApprovalSigner,
        config: @escaping @Sendable () -> BeaconConfig,
        logger: Logger, now: @escaping @Sendable () -> Date = { Date() },
        queued: @escaping @Sendable (Int) -> Void = { _ in },
        health: @escaping @Sendable () async -> HealthReport, metrics: BeaconMetrics? = nil,
        failingSources: @escaping @Sendable () -> [String: String] = { [:] }, passwordCost: UInt8 = 12,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = router(
            repositories: repositories, signer: signer, config: config, now: now, queued: queued, health: health,
            metrics: metrics, failingSources: failingSources, passwordCost: passwordCost)
        return Application(
            router: router,
            configuration: ApplicationConfiguration(
                address: .hostname(listen.host, port: listen.port), serverName: "Beacon"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? listen.port) },
            logger: logger)
    }
}
