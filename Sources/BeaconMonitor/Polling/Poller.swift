import BeaconCore
public import BeaconCurl
import CCurl
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Polls many HTTP endpoints from one thread over libcurl.
///
/// One loop waits on an epoll set and drives libcurl through `curl_multi_socket_action`, so each wake-up costs what
/// is ready rather than every socket open. Targets are split over small multi handles (shards) whose caches keep
/// each target's connection alive between polls. Each target keeps its interval from a randomly spread first poll,
/// with a little jitter so thousands of targets do not fire in lockstep; targets due within a few milliseconds of
/// each other start together, so the thread wakes a few hundred times a second rather than once per poll.
/// Results leave through `deliver`, called on the loop thread: hand them on without blocking.
public final class Poller: @unchecked Sendable {
    public struct Options: Sendable {
        /// The most transfers in flight at once; due targets wait for a free slot.
        public var maxInFlight = 1024
        /// Spread each target's first poll over its interval (off in tests, to poll at once).
        public var spreadStart = true
        /// How far a poll may move from its due time, early or late, to share a wake-up with others: 1% of the
        /// target's interval, at most this.
        public var coalesce: Duration = .milliseconds(50)
        /// Targets per multi handle: the connections libcurl walks each time a transfer finishes.
        public var targetsPerShard = 16
        /// libcurl's receive buffer per transfer; bodies here are small, and 10,000 default 16 KiB buffers
        /// would cost 160 MiB.
        public var receiveBufferBytes = 4096
        /// TLS, redirects and the user agent, as for every Beacon transfer.
        public var defaults = CurlDefaults()
        /// Seeds the spread and jitter; `nil` seeds from the system.
        public var seed: UInt64?

        public init() {}
    }

    /// Counters since start, for `/metrics` and health.
    public struct Statistics: Sendable, Equatable {
        public var polls = 0
        public var failures = 0
        /// Polls skipped because the previous poll of the same target was still in flight.
        public var overruns = 0
        public var inFlight = 0
        /// Times the loop woke up, for a cost that polls alone do not show.
        public var wakeups = 0
    }

    private struct Shared {
        var pendingTargets: [PollTarget]?
        var stopping = false
        var statistics = Statistics()
    }

    private let options: Options
    private let deliver: @Sendable (PollResult) -> Void
    private let shared = Mutex(Shared())
    private let finished = DispatchSemaphore(value: 0)
    private let events: EventPoll
    private var started = false

    // Owned by the loop thread only.
    private var shards: [CurlShard] = []
    private var schedule = TargetSchedule()
    private var inFlight: [UnsafeMutableRawPointer: ScheduledTarget] = [:]
    private var idleHandles: [UnsafeMutableRawPointer] = []
    private var random: SplitMix64
    private var counted = Statistics()

    /// - Parameters:
    ///   - targets: what to poll at first; `update(_:)` replaces them.
    ///   - deliver: receives every result, on the loop thread.
    /// - Throws: `PollerError` when the system has no file descriptor left for the event loop.
    public init(
        targets: [PollTarget] = [], options: Options = Options(), deliver: @escaping @Sendable (PollResult) -> Void
    ) throws(PollerError) {
        Curl.initialize()
        self.options = options
        self.deliver = deliver
        events = try EventPoll()
        random = SplitMix64(seed: options.seed ?? UInt64.random(in: .min ... .max))
        shared.withLock { $0.pendingTargets = targets }
    }

    /// Starts the loop thread.
    public func start() {
        precondition(!started, "a poller starts once")
        started = true
        let thread = Thread { [self] in
            runLoop()
            finished.signal()
        }
        thread.name = "beacon-poller"
        thread.start()
    }

    /// Replaces the polled targets; takes effect at once, without waiting for the current sleep.
    public func update(_ targets: [PollTarget]) {
        shared.withLock { $0.pendingTargets = targets }
        events.wake()
    }

    /// Stops polling, abandoning transfers in flight, and waits for the loop thread to end.
    public func stop() {
        shared.withLock { $0.stopping = true }
        events.wake()
        if started { finished.wait() }
    }

    public var statistics: Statistics { shared.withLock { $0.statistics } }

    /// Nanoseconds on CLOCK_MONOTONIC, the clock results are stamped with.
    public static func monotonicNanos() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    // MARK: - The loop

    private func runLoop() {
        while true {
            let (pending, stopping) = shared.withLock { state in
                defer { state.pendingTargets = nil }
                state.statistics = counted
                return (state.pendingTargets, state.stopping)
            }
            if stopping { break }
            if let pending { replaceTargets(pending) }
            startDueTransfers(at: Self.monotonicNanos())
            // After the starts: each new transfer asked for a timeout action at once.
            let now = Self.monotonicNanos()
            for shard in shards { shard.fireTimer(at: now) }
            collectFinishedTransfers()
            counted.wakeups += 1
            _ = events.wait(milliseconds: waitMilliseconds()) { tag, readable, writable, error in
                let (index, socket) = CurlShard.split(tag)
                guard !events.dropIfParked(socket), index < shards.count else { return }
                shards[index].socketReady(socket, readable: readable, writable: writable, error: error)
            }
            collectFinishedTransfers()
        }
        for (easy, scheduled) in inFlight {
            scheduled.shard.remove(easy)
            _ = scheduled.end()
            curl_easy_cleanup(easy)
        }
        inFlight.removeAll()
        idleHandles.forEach { curl_easy_cleanup($0) }
        idleHandles.removeAll()
        shards.removeAll()
        shared.withLock { $0.statistics = counted }
    }

    /// Schedules `newTargets` in place of the current ones, `targetsPerShard` to a shard in id order; transfers in
    /// flight on shards that remain finish and are delivered, those on shards no longer needed are abandoned.
    private func replaceTargets(_ newTargets: [PollTarget]) {
        let now = Self.monotonicNanos()
        let perShard = max(1, options.targetsPerShard)
        let needed = (newTargets.count + perShard - 1) / perShard
        if shards.count > needed {
            for (easy, scheduled) in inFlight where scheduled.shard.index >= needed {
                scheduled.shard.remove(easy)
                _ = scheduled.end()
                inFlight[easy] = nil
                curl_easy_cleanup(easy)
            }
            shards.removeLast(shards.count - needed)
        }
        while shards.count < needed {
            // One cached connection per target, so every target's keep-alive connection survives between polls.
            shards.append(CurlShard(index: shards.count, events: events, maxConnections: perShard + 4))
        }
        schedule.removeAll()
        for (position, target) in newTargets.sorted(by: { $0.id < $1.id }).enumerated() {
            let interval = Self.nanos(target.interval)
            let offset = options.spreadStart ? random.next(upperBound: max(interval, 1)) : 0
            schedule.push(ScheduledTarget(target, shard: shards[position / perShard], firstDue: now + offset))
        }
    }

    private func startDueTransfers(at now: UInt64) {
        while inFlight.count < options.maxInFlight, let scheduled = schedule.popDue(at: now, early: slack(of:)) {
            let interval = scheduled.intervalNanos
            let jitter = Int64(random.next(upperBound: interval / 50 + 1)) - Int64(interval / 100)
            scheduled.nextDue = max(scheduled.nextDue &+ UInt64(bitPattern: Int64(interval) &+ jitter), now + 1_000_000)
            schedule.push(scheduled)
            if scheduled.inFlight {
                counted.overruns += 1
                continue
            }
            begin(scheduled, at: now)
        }
        counted.inFlight = inFlight.count
    }

    private func begin(_ scheduled: ScheduledTarget, at now: UInt64) {
        guard let easy = idleHandles.popLast() ?? makeHandle() else { return }
        scheduled.begin(easy, at: now)
        beacon_curl_setopt_string(easy, CURLOPT_URL, scheduled.target.url)
        beacon_curl_setopt_pointer(easy, CURLOPT_WRITEDATA, Unmanaged.passUnretained(scheduled).toOpaque())
        beacon_curl_setopt_pointer(easy, CURLOPT_HTTPHEADER, UnsafeMutableRawPointer(scheduled.headerList))
        CurlDefaults.setTimeout(easy, scheduled.target.timeout)
        beacon_curl_setopt_off(easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(scheduled.maxBytes))
        beacon_curl_setopt_long(easy, CURLOPT_DNS_CACHE_TIMEOUT, scheduled.dnsCacheSeconds)
        inFlight[easy] = scheduled
        scheduled.shard.add(easy)
    }

    /// A new easy handle with the options every poll shares; `begin` sets only what differs per target.
    private func makeHandle() -> UnsafeMutableRawPointer? {
        guard let easy = curl_easy_init() else { return nil }
        beacon_curl_setopt_write_function(easy, ScheduledTarget.write)
        beacon_curl_setopt_long(easy, CURLOPT_BUFFERSIZE, options.receiveBufferBytes)
        options.defaults.apply(to: easy, protocols: "http,https")
        return easy
    }

    private func collectFinishedTransfers() {
        for shard in shards {
            shard.drainFinished { easy, code in
                guard let scheduled = inFlight.removeValue(forKey: easy) else { return }
                shard.remove(easy)
                let outcome = outcome(of: scheduled, code: code)
                _ = scheduled.end()
                if idleHandles.count < options.maxInFlight { idleHandles.append(easy) } else { curl_easy_cleanup(easy) }
                counted.polls += 1
                if case .failure = outcome { counted.failures += 1 }
                deliver(
                    PollResult(
                        target: scheduled.target.id, outcome: outcome, startedNanos: scheduled.startedNanos,
                        finishedNanos: Self.monotonicNanos()))
            }
        }
    }

    private func outcome(of scheduled: ScheduledTarget, code: CURLcode) -> PollResult.Outcome {
        if scheduled.overflowed || code == CURLE_FILESIZE_EXCEEDED {
            return .failure("response larger than \(scheduled.maxBytes) bytes")
        }
        guard code == CURLE_OK else {
            return .failure(CurlFailure.from(code, timeout: scheduled.target.timeout).message)
        }
        var status = 0
        beacon_curl_getinfo_long(scheduled.easy, CURLINFO_RESPONSE_CODE, &status)
        guard (200..<300).contains(status) else { return .failure("HTTP \(status)") }
        return .body(scheduled.body)
    }

    /// How long to sleep: until the next due target (if a slot is free) or the earliest libcurl deadline.
    private func waitMilliseconds() -> Int32 {
        var until = Self.monotonicNanos() + 1_000_000_000
        // The first due target waits its slack, and whatever falls due meanwhile goes with it.
        if inFlight.count < options.maxInFlight, let (due, target) = schedule.first {
            until = min(until, due + slack(of: target))
        }
        for shard in shards { if let deadline = shard.deadline { until = min(until, deadline) } }
        let now = Self.monotonicNanos()
        return until <= now ? 0 : Int32((until - now + 999_999) / 1_000_000)
    }

    /// How far a target's poll may move from its due time to share a wake-up: 1% of its interval, at most
    /// `coalesce`. Polls never drift: the next due time counts from the due time, not from the start.
    private func slack(of target: ScheduledTarget) -> UInt64 {
        min(Self.nanos(options.coalesce), target.intervalNanos / 100)
    }

    static func nanos(_ duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        return UInt64(max(seconds, 0)) * 1_000_000_000 + UInt64(max(attoseconds, 0) / 1_000_000_000)
    }
}
