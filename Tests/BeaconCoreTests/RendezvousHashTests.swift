import BeaconCore
import Testing

@Suite struct RendezvousHashTests {
    let keys = (0..<3_000).map { "http://127.0.0.1:9100/metrics/\($0)" }

    @Test func everyKeyHasOneOwnerAndTheSharesAreEven() {
        let nodes = ["node-a", "node-b", "node-c"]
        let owners = keys.map { RendezvousHash.owner(of: $0, among: nodes) }
        #expect(owners.allSatisfy { $0 != nil })
        for node in nodes {
            let share = owners.filter { $0 == node }.count
            #expect((800...1_200).contains(share), "\(node) owns \(share) of 3000")
        }
        #expect(RendezvousHash.owner(of: "x", among: []) == nil)
        #expect(keys.map { RendezvousHash.owner(of: $0, among: nodes.reversed()) } == owners, "order does not matter")
    }

    @Test func whenANodeLeavesOnlyItsKeysMove() {
        let three = keys.map { RendezvousHash.owner(of: $0, among: ["node-a", "node-b", "node-c"]) }
        let two = keys.map { RendezvousHash.owner(of: $0, among: ["node-a", "node-c"]) }
        for (before, after) in zip(three, two) where before != "node-b" {
            #expect(before == after)
        }
        #expect(!two.contains("node-b"))
        let four = keys.map { RendezvousHash.owner(of: $0, among: ["node-a", "node-b", "node-c", "node-d"]) }
        for (before, after) in zip(three, four) where after != "node-d" {
            #expect(before == after, "a node that joins takes keys, and only takes")
        }
    }
}
