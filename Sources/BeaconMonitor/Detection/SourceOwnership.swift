import BeaconCore

/// Which sources this process polls: every one when it runs alone, its share when several `beacon serve` nodes
/// share a PostgreSQL store (`ClusterMembership`).
public protocol SourceOwnership: Sendable {
    /// Whether this node polls the source with this key (`SourcePlan.key(of:)`).
    func owns(_ key: String) -> Bool
    /// Yields whenever the answer may have changed: a node joined, left or died, or this node lost the store.
    var changes: AsyncStream<Void> { get }
}

extension SourceOwnership {
    /// The rules whose source this node polls.
    func owned(_ rules: [Rule]) -> [Rule] { rules.filter { owns(SourcePlan.key(of: $0.source)) } }
}
