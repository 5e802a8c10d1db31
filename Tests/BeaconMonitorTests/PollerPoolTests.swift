import Testing

@testable import BeaconMonitor

@Suite struct PollerPoolTests {
    func targets(_ count: Int) -> [PollTarget] {
        (0..<count).reversed().map {
            PollTarget(id: $0, url: "http://127.0.0.1:9/t/\($0)", interval: .seconds(1), timeout: .milliseconds(500))
        }
    }

    @Test func targetsAreSplitIntoBoundedShardsInIdOrder() {
        let shards = PollerPool.shards(targets(2 * PollerPool.shardSize + 1))
        #expect(shards.map(\.count) == [PollerPool.shardSize, PollerPool.shardSize, 1])
        #expect(shards[0].first?.id == 0 && shards[2].first?.id == 2 * PollerPool.shardSize)
        #expect(shards.flatMap { $0 }.map(\.id) == Array(0...(2 * PollerPool.shardSize)))
    }

    @Test func anEmptyPoolStillHasOneShard() {
        #expect(PollerPool.shards([]).map(\.count) == [0])
        #expect(PollerPool.shards(targets(3)).map(\.count) == [3])
    }
}
