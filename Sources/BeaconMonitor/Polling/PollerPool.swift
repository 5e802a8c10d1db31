/// Several pollers, each with its own multi handle and thread, sharing the targets.
///
/// libcurl 7.88 walks every cached connection of a multi handle whenever a finished transfer is removed from it,
/// so one multi handle holding 10,000 keep-alive connections pays for all of them on every poll. Shards of at most
/// `shardSize` targets keep that walk short.
public final class PollerPool: @unchecked Sendable {
    public static let shardSize = 512

    private let options: Poller.Options
    private let deliver: @Sendable (PollResult) -> Void
    private var pollers: [Poller] = []
    private var started = false

    public init(targets: [PollTarget], options: Poller.Options, deliver: @escaping @Sendable (PollResult) -> Void) {
        self.options = options
        self.deliver = deliver
        pollers = Self.shards(targets).map { Poller(targets: $0, options: options, deliver: deliver) }
    }

    public func start() {
        started = true
        pollers.forEach { $0.start() }
    }

    /// Replaces the targets: shards keep their pollers when their number stays the same, else they are rebuilt.
    public func update(_ targets: [PollTarget]) {
        let shards = Self.shards(targets)
        if shards.count == pollers.count {
            zip(pollers, shards).forEach { $0.update($1) }
            return
        }
        pollers.forEach { $0.stop() }
        pollers = shards.map { Poller(targets: $0, options: options, deliver: deliver) }
        if started { pollers.forEach { $0.start() } }
    }

    public func stop() { pollers.forEach { $0.stop() } }

    public var statistics: Poller.Statistics {
        pollers.map(\.statistics).reduce(into: Poller.Statistics()) { sum, one in
            sum.polls += one.polls
            sum.failures += one.failures
            sum.overruns += one.overruns
            sum.inFlight += one.inFlight
        }
    }

    /// Targets in shards of at most `shardSize`; at least one shard, so an empty pool still runs.
    static func shards(_ targets: [PollTarget]) -> [[PollTarget]] {
        let sorted = targets.sorted { $0.id < $1.id }
        let count = max(1, (sorted.count + shardSize - 1) / shardSize)
        return (0..<count).map { index in
            Array(sorted[min(index * shardSize, sorted.count)..<min((index + 1) * shardSize, sorted.count)])
        }
    }
}
