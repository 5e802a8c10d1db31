/// Which node of a cluster does a piece of work: rendezvous (highest-random-weight) hashing. Every node computes
/// the same answer from the same list of live nodes, with no coordination; when a node leaves, only its work moves
/// (spread over the others), and when one joins, it takes about its share from each.
public enum RendezvousHash {
    /// The node among `nodes` that owns `key`, or `nil` when there is none.
    public static func owner(of key: String, among nodes: some Sequence<String>) -> String? {
        nodes.max { weight(key, $0) < weight(key, $1) || (weight(key, $0) == weight(key, $1) && $0 < $1) }
    }

    /// A node's weight for a key: 64-bit FNV-1a of both, mixed (splitmix64) so nearby names spread evenly.
    static func weight(_ key: String, _ node: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in node.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0100_0000_01b3
        }
        hash = (hash ^ 0x0A) &* 0x0100_0000_01b3
        for byte in key.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0100_0000_01b3
        }
        hash = (hash ^ (hash >> 30)) &* 0xbf58_476d_1ce4_e5b9
        hash = (hash ^ (hash >> 27)) &* 0x94d0_49bb_1331_11eb
        return hash ^ (hash >> 31)
    }
}
