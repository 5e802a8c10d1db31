import CCurl

/// A target as the poller's loop holds it: its shard, its schedule and its request headers as a curl list.
final class ScheduledTarget {
    let target: PollTarget
    /// The multi handle its transfers run on, which keeps its connection alive between polls.
    let shard: CurlShard
    let intervalNanos: UInt64
    let timeoutMilliseconds: Int
    /// Request headers, kept alive while any transfer of this target is in flight.
    let headerList: UnsafeMutablePointer<curl_slist>?
    var nextDue: UInt64
    var inFlight = false

    init(_ target: PollTarget, shard: CurlShard, firstDue: UInt64) {
        self.target = target
        self.shard = shard
        intervalNanos = Poller.nanos(target.interval)
        timeoutMilliseconds = max(1, Int(Poller.nanos(target.timeout) / 1_000_000))
        nextDue = firstDue
        var list: UnsafeMutablePointer<curl_slist>?
        for (name, value) in target.headers.sorted(by: { $0.key < $1.key }) {
            list = curl_slist_append(list, "\(name): \(value)")
        }
        // An empty Expect header stops curl from waiting on "100 continue".
        headerList = curl_slist_append(list, "Expect:")
    }

    deinit { curl_slist_free_all(headerList) }
}

/// One transfer in flight: the easy handle, the body so far, and the cap it must stay under.
final class Transfer {
    let scheduled: ScheduledTarget
    let easy: UnsafeMutableRawPointer
    let startedNanos: UInt64
    var body: [UInt8] = []
    var overflowed = false

    init(_ scheduled: ScheduledTarget, easy: UnsafeMutableRawPointer, startedNanos: UInt64) {
        self.scheduled = scheduled
        self.easy = easy
        self.startedNanos = startedNanos
    }

    /// libcurl's write callback: appends to the body, or aborts the transfer past the cap.
    static let write: beacon_curl_write_callback = { data, size, count, context in
        guard let context, let data else { return 0 }
        let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
        let length = size * count
        guard transfer.body.count + length <= transfer.scheduled.target.maxBytes else {
            transfer.overflowed = true
            return 0
        }
        transfer.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: length))
        return length
    }
}
