import BeaconApproval
import BeaconCore
import BeaconCurl
import BeaconMonitor
import BeaconNotify
import BeaconPostgres
import BeaconServer
import BeaconStore
import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// Everything `beacon serve` runs, wired together: the monitor, the outbox dispatcher, the escalation service
/// and the HTTP server, all following one configuration that SIGHUP can replace.
struct Daemon: Sendable {
    let services: [any Service]
    let client: CurlClient
    private let current: ConfigBox
    private let monitor: MonitorService<ContinuousClock>
    private let dispatcher: OutboxDispatcher<ContinuousClock>
    /// What the services read and change, around the daemon's one ledger.
    let repositories: Repositories

    /// - Parameters:
    ///   - onChange: told of every incident change the monitor commits.
    ///   - onHTTPRunning: told the port the HTTP server bound.
    init(
        config: BeaconConfig, store: OpenedStore, logger: Logger, pollerOptions: Poller.Options = Poller.Options(),
        retryPolicy: RetryPolicy = RetryPolicy(), escalationTick: Duration = .seconds(1),
        onChange: @escaping @Sendable (IncidentChange) -> Void = { _ in },
        onHTTPRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws {
        let current = ConfigBox(config)
        let repositories = store.repositories(configuration: { current.value })
        let metrics = BeaconMetrics(channelIDs: { current.value.channels.map(\.id) })
        let client = CurlClient()
        let signer = ApprovalSigner(key: try await repositories.approvalLinks.secret("approval-signing-key"))
        let dispatcher = OutboxDispatcher(
            config: config, outbox: repositories.outbox, sender: CurlChannelSender(client: client, now: { Date() }),
            signer: signer,
            policy: retryPolicy, logger: logger, instrumentation: metrics)
        // On PostgreSQL, several nodes share the sources (and each wakes at once on work any of them queues).
        var cluster: [any Service] = []
        var ownership: ClusterOwnership?
        if case .postgres(let postgres) = store.kind {
            let membership = ClusterMembership(store: postgres, heartbeat: config.cluster.heartbeat)
            await membership.beat()
            ownership = ClusterOwnership(membership: membership)
            cluster = [ClusterService(membership: membership, dispatcher: dispatcher)]
        }
        let monitor = MonitorService(
            config: config, repositories: repositories, logger: logger, options: pollerOptions,
            instrumentation: metrics, ownership: ownership,
            onChange: { change in
                if change.notificationsQueued > 0 { dispatcher.wake() }
                onChange(change)
            })
        let escalation = EscalationService(
            ledger: repositories.commands, tick: escalationTick,
            logger: logger, instrumentation: metrics, queued: { _ in dispatcher.wake() })
        let http = BeaconHTTP.application(
            listen: config.listen, repositories: repositories, signer: signer, config: { current.value },
            logger: logger,
            queued: { _ in dispatcher.wake() },
            health: {
                let status = monitor.status
                let outbox = repositories.outbox
                let depth = try? await outbox.depth()
                // Channels are judged on the last hour: a channel that failed yesterday and has not been tried
                // since says nothing about now.
                let failing = (try? await outbox.failingChannels(since: Date().addingTimeInterval(-3_600))) ?? [:]
                let unreached = (try? await outbox.unreachedIncidents()) ?? []
                return HealthReport(
                    storeOK: depth != nil, monitorRunning: status.running, targets: status.targets,
                    failingSources: status.failingSources.count, outboxDepth: depth ?? 0,
                    failingChannels: Array(failing.keys), unreachedIncidents: unreached.map(\.id.rawValue))
            }, metrics: metrics, failingSources: { monitor.status.failingSources }, onRunning: onHTTPRunning)
        let membership = ownership?.membership
        metrics.readNodeFigures { (monitor.status.targets, membership?.members.count ?? 1) }
        services = cluster + [monitor, dispatcher, escalation, http]
        self.client = client
        self.repositories = repositories
        self.current = current
        self.monitor = monitor
        self.dispatcher = dispatcher
    }

    /// Applies a new, already validated configuration to every service.
    func reload(_ config: BeaconConfig) {
        current.value = config
        monitor.reload(config)
        dispatcher.reload(config)
    }
}

/// The configuration in force, shared by the services.
final class ConfigBox: Sendable {
    private let storage: Mutex<BeaconConfig>

    init(_ config: BeaconConfig) { storage = Mutex(config) }

    var value: BeaconConfig {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }
}

/// The sources a cluster member polls: its rendezvous share among the live nodes.
struct ClusterOwnership: SourceOwnership {
    let membership: ClusterMembership
    func owns(_ key: String) -> Bool { membership.owns(key) }
    var changes: AsyncStream<Void> { membership.changes }
}

/// A node's part in a cluster: its heartbeat, and waking the dispatcher when any node queues a notification.
struct ClusterService: Service {
    let membership: ClusterMembership
    let dispatcher: OutboxDispatcher<ContinuousClock>

    func run() async throws {
        let store = membership.store
        let dispatcher = dispatcher
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await membership.run() }
            group.addTask { await store.listenForWork { dispatcher.wake() } }
            try? await gracefulShutdown()
            group.cancelAll()
        }
    }
}
