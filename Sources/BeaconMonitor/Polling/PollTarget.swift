/// One endpoint the poller fetches at an interval.
public struct PollTarget: Sendable, Hashable {
    /// Chosen by the caller; results carry it back.
    public var id: Int
    public var url: String
    public var interval: Duration
    public var timeout: Duration
    public var headers: [String: String]
    /// A larger body aborts the transfer and counts as a failure.
    public var maxBytes: Int

    public init(
        id: Int, url: String, interval: Duration, timeout: Duration, headers: [String: String] = [:],
        maxBytes: Int = 1 << 20
    ) {
        self.id = id
        self.url = url
        self.interval = interval
        self.timeout = timeout
        self.headers = headers
        self.maxBytes = maxBytes
    }
}

/// What one poll of one target returned.
public struct PollResult: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// A 2xx response and its body.
        case body([UInt8])
        /// No usable response: the reason, for logs and `absent` incidents.
        case failure(String)
    }

    public var target: Int
    public var outcome: Outcome
    /// When the transfer started and ended, in the poller's monotonic nanoseconds.
    public var startedNanos: UInt64
    public var finishedNanos: UInt64

    public init(target: Int, outcome: Outcome, startedNanos: UInt64, finishedNanos: UInt64) {
        self.target = target
        self.outcome = outcome
        self.startedNanos = startedNanos
        self.finishedNanos = finishedNanos
    }
}
