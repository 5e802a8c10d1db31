import BeaconCore
public import Foundation
import PostgresNIO
import Synchronization

/// This node's place among the `beacon serve` nodes sharing a PostgreSQL store: it says it is alive every
/// heartbeat (`cluster_node`, the database's clock), reads which nodes are, and from that list alone decides which
/// sources it polls (rendezvous hashing: every node reaches the same split without talking to the others).
///
/// A node that cannot reach the database owns nothing until it can again: partitioned, it stops polling at its
/// next heartbeat rather than page on what it can no longer record (fencing); its outbox claims run out with their
/// lease and pass to the others.
public final class ClusterMembership: Sendable {
    public let store: PostgresStore
    public let heartbeat: Duration
    private let live = Mutex<[String]>([])
    private let (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))

    public init(store: PostgresStore, heartbeat: Duration) {
        self.store = store
        self.heartbeat = heartbeat
    }

    /// This node's name.
    public var node: String { store.node }

    /// The nodes alive at the last heartbeat, this one included while it reaches the database; sorted.
    public var members: [String] { live.withLock { $0 } }

    /// Yields whenever the members change (one consumer: the monitor).
    public var changes: AsyncStream<Void> { stream }

    /// Whether this node polls the source with this key.
    public func owns(_ key: String) -> Bool {
        live.withLock { nodes in
            nodes.contains(store.node) && RendezvousHash.owner(of: key, among: nodes) == store.node
        }
    }

    /// A node silent this long is taken for dead: one and a half heartbeats, three missed beats (a node beats
    /// twice a heartbeat). So a dead node's sources are polled again within two heartbeats and one poll interval
    /// of its death: 1.5 until it counts as dead, 0.5 until the others' next beat sees it, then their next poll.
    public var deadAfter: Duration { heartbeat * 3 / 2 }

    /// Beats until cancelled, then leaves, so the others take its sources over at once.
    public func run() async {
        while !Task.isCancelled {
            await beat()
            try? await Task.sleep(for: heartbeat / 2)
        }
        await leave()
    }

    /// Says this node is alive and reads who else is.
    public func beat() async {
        let seconds = Double(deadAfter.components.seconds) + Double(deadAfter.components.attoseconds) / 1e18
        var nodes: [String] = []
        do {
            // A partition often shows as a query that never answers rather than one that fails: a beat that takes
            // longer than the dead-after span counts as failed, so the node stops polling in time.
            nodes = try await Self.within(deadAfter) { [store] in try await Self.live(store, seconds: seconds) }
        } catch {
            store.logger.error(
                "cannot reach the store; polling nothing until it can",
                metadata: ["error": "\(String(reflecting: error))"])
        }
        let changed = live.withLock { current in
            defer { current = nodes }
            return current != nodes
        }
        if changed {
            store.logger.info("cluster members changed", metadata: ["members": "\(nodes.joined(separator: ", "))"])
            continuation.yield()
        }
    }

    /// Says `store`'s node is alive and reads the names of the nodes that are.
    private static func live(_ store: PostgresStore, seconds: Double) async throws -> [String] {
        try await store.client.query(
            """
            INSERT INTO cluster_node (name, started_at, heartbeat_at) VALUES (\(store.node), now(), now())
            ON CONFLICT (name) DO UPDATE SET heartbeat_at = now()
            """, logger: store.logger)
        let rows = try await store.client.query(
            """
            SELECT name FROM cluster_node WHERE heartbeat_at > now() - make_interval(secs => \(seconds))
            ORDER BY name
            """, logger: store.logger)
        var nodes: [String] = []
        for try await name in rows.decode(String.self) { nodes.append(name) }
        return nodes
    }

    struct TimedOut: Error, CustomStringConvertible {
        var description: String { "the store did not answer in time" }
    }

    /// `operation`'s result, or `TimedOut` once `limit` has passed (the operation is left to finish or fail on
    /// its own: a query stuck on a dead connection may not heed cancellation).
    static func within<T: Sendable>(
        _ limit: Duration, _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let waiting = Mutex<CheckedContinuation<T, any Error>?>(nil)
        let finish: @Sendable (Result<T, any Error>) -> Void = { result in
            waiting.withLock { continuation in
                continuation?.resume(with: result)
                continuation = nil
            }
        }
        return try await withCheckedThrowingContinuation { continuation in
            waiting.withLock { $0 = continuation }
            Task {
                do { finish(.success(try await operation())) } catch { finish(.failure(error)) }
            }
            Task {
                try? await Task.sleep(for: limit)
                finish(.failure(TimedOut()))
            }
        }
    }

    /// Takes this node out of the cluster: its sources pass to the others at their next heartbeat.
    public func leave() async {
        live.withLock { $0 = [] }
        continuation.yield()
        _ = try? await store.client.query("DELETE FROM cluster_node WHERE name = \(store.node)", logger: store.logger)
    }
}

extension PostgresStore {
    /// One node as `beacon cluster status` shows it.
    public struct NodeStatus: Sendable, Hashable, Codable {
        public var name: String
        public var startedAt: Date
        /// Seconds since its last heartbeat, by the database's clock.
        public var heartbeatAge: Double
        /// Notifications it holds claims on now.
        public var claims: Int

        enum CodingKeys: String, CodingKey {
            case name, claims
            case startedAt = "started_at"
            case heartbeatAge = "heartbeat_age"
        }
    }

    /// Every node that said it was alive in the last day, newest heartbeat first.
    public func nodes() async throws -> [NodeStatus] {
        let rows = try await client.query(
            """
            SELECT c.name, c.started_at, extract(epoch FROM now() - c.heartbeat_at)::float8,
                (SELECT count(*) FROM notification n
                 WHERE n.claimed_by = c.name AND n.claimed_until > now() AND n.state = 'pending')::bigint
            FROM cluster_node c WHERE c.heartbeat_at > now() - interval '1 day'
            ORDER BY c.heartbeat_at DESC, c.name
            """, logger: logger)
        var nodes: [NodeStatus] = []
        for try await (name, started, age, claims) in rows.decode((String, Date, Double, Int64).self) {
            nodes.append(NodeStatus(name: name, startedAt: started, heartbeatAge: age, claims: Int(claims)))
        }
        return nodes
    }
}

extension PostgresStore {
    /// Calls `wake` whenever any node queues a notification (`NOTIFY beacon_outbox`), until cancelled; a lost
    /// connection is listened on again after a pause. The dispatcher's own tick stays the fallback.
    public func listenForWork(_ wake: @escaping @Sendable () -> Void) async {
        while !Task.isCancelled {
            do {
                try await client.withConnection { connection in
                    try await connection.listen(on: Self.outboxChannel) { notifications in
                        for try await _ in notifications { wake() }
                    }
                }
            } catch {
                if Task.isCancelled { return }
                logger.warning(
                    "cannot listen for new work; retrying", metadata: ["error": "\(String(reflecting: error))"])
            }
            try? await Task.sleep(for: .seconds(1))
        }
    }
}
