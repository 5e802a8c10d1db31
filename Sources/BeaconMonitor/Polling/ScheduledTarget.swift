import CCurl

#if canImport(Glibc)
    import Glibc
#endif

/// A target as the poller's loop holds it: its shard, its schedule, its request headers as a curl list, and its
/// transfer while one is in flight (a target has at most one at a time).
final class ScheduledTarget {
    let target: PollTarget
    /// The multi handle its transfers run on, which keeps its connection alive between polls.
    let shard: CurlShard
    let intervalNanos: UInt64
    let maxBytes: Int
    /// How long libcurl keeps the host's address: an address written in the URL never changes, so it is kept
    /// for good (-1), which also spares libcurl a walk over its whole DNS cache after each transfer.
    let dnsCacheSeconds: Int
    /// Request headers, kept alive while a transfer of this target is in flight; `nil` when it sends none.
    let headerList: UnsafeMutablePointer<curl_slist>?
    var nextDue: UInt64

    // The transfer in flight.
    private(set) var easy: UnsafeMutableRawPointer?
    private(set) var startedNanos: UInt64 = 0
    /// The body so far; its storage is reused from one poll to the next.
    private(set) var body: [UInt8] = []
    private(set) var overflowed = false

    var inFlight: Bool { easy != nil }

    init(_ target: PollTarget, shard: CurlShard, firstDue: UInt64) {
        self.target = target
        self.shard = shard
        intervalNanos = Poller.nanos(target.interval)
        maxBytes = target.maxBytes
        dnsCacheSeconds = Self.isAddress(Self.host(of: target.url)) ? -1 : 60
        nextDue = firstDue
        var list: UnsafeMutablePointer<curl_slist>?
        for (name, value) in target.headers.sorted(by: { $0.key < $1.key }) {
            list = curl_slist_append(list, "\(name): \(value)")
        }
        headerList = list
    }

    deinit { curl_slist_free_all(headerList) }

    /// Takes `easy` for a new transfer.
    func begin(_ easy: UnsafeMutableRawPointer, at now: UInt64) {
        self.easy = easy
        startedNanos = now
        body.removeAll(keepingCapacity: true)
        overflowed = false
    }

    /// Gives the easy handle back once its transfer finished or was abandoned.
    func end() -> UnsafeMutableRawPointer? {
        defer { easy = nil }
        return easy
    }

    /// The host part of an http(s) URL, without brackets around an IPv6 address.
    static func host(of url: String) -> Substring {
        var rest = url[...]
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        rest = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            return rest[rest.index(after: rest.startIndex)..<close]
        }
        return rest.prefix { $0 != ":" }
    }

    /// Whether `host` is an IPv4 or IPv6 address rather than a name to resolve.
    static func isAddress(_ host: Substring) -> Bool {
        var buffer = in6_addr()
        return String(host).withCString { text in
            inet_pton(AF_INET, text, &buffer) == 1 || inet_pton(AF_INET6, text, &buffer) == 1
        }
    }

    /// libcurl's write callback, with the target as its context: appends to the body, or aborts the transfer past
    /// the cap.
    static let write: beacon_curl_write_callback = { data, size, count, context in
        guard let context, let data else { return 0 }
        let scheduled = Unmanaged<ScheduledTarget>.fromOpaque(context).takeUnretainedValue()
        let length = size * count
        guard scheduled.body.count + length <= scheduled.maxBytes else {
            scheduled.overflowed = true
            return 0
        }
        scheduled.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: length))
        return length
    }
}
