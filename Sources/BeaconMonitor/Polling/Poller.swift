import CCurl
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Polls many HTTP endpoints from one thread over a libcurl multi handle.
///
/// One loop drives `curl_multi_poll` over every transfer in flight; connections stay open in the multi
/// handle's cache between polls (keep-alive); each target keeps its interval from a randomly spread first
/// poll, with a little jitter so thousands of targets do not fire in lockstep. Results leave through
/// `deliver`, called on the loop thread: hand them on without blocking (an `AsyncStream` continuation).
public final class Poller: @unchecked Sendable {
    public struct Options: Sendable {
        /// The most transfers in flight at once; due targets wait for a free slot.
        public var maxInFlight = 1024
        /// Spread each target's first poll over its interval (off in tests, to poll at once).
        public var spreadStart = true
        /// libcurl's receive buffer per transfer; bodies here are small, and 10,000 default 16 KiB buffers
        /// would cost 160 MiB.
        public var receiveBufferBytes = 4096
        public var userAgent = "Beacon/1.0 (+libcurl)"

        public init() {}
    }

    /// Counters since start, for `/metrics` and health.
    public struct Statistics: Sendable, Equatable {
        public var polls = 0
        public var failures = 0
        /// Polls skipped because the previous poll of the same target was still in flight.
        public var overruns = 0
        public var inFlight = 0
    }

    private struct Shared {
        var pendingTargets: [PollTarget]?
        var stopping = false
        var statistics = Statistics()
    }

    private let options: Options
    private let deliver: @Sendable (PollResult) -> Void
    private let multi: UnsafeMutableRawPointer
    private let shared = Mutex(Shared())
    private let finished = DispatchSemaphore(value: 0)
    private var started = false

    // Owned by the loop thread only.
    private var targets: [Int: ScheduledTarget] = [:]
    private var schedule = TargetSchedule()
    private var inFlight: [UnsafeMutableRawPointer: Transfer] = [:]
    private var idleHandles: [UnsafeMutableRawPointer] = []

    /// - Parameters:
    ///   - targets: what to poll at first; `update(_:)` replaces them.
    ///   - deliver: receives every result, on the loop thread.
    public init(
        targets: [PollTarget] = [], options: Options = Options(), deliver: @escaping @Sendable (PollResult) -> Void
    ) {
        Curl.initialize()
        self.options = options
        self.deliver = deliver
        multi = curl_multi_init()
        shared.withLock { $0.pendingTargets = targets }
    }

    deinit {
        curl_multi_cleanup(multi)
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
        curl_multi_wakeup(multi)
    }

    /// Stops polling, abandoning transfers in flight, and waits for the loop thread to end.
    public func stop() {
        shared.withLock { $0.stopping = true }
        curl_multi_wakeup(multi)
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
                return (state.pendingTargets, state.stopping)
            }
            if stopping { break }
            if let pending { replaceTargets(pending) }
            startDueTransfers(at: Self.monotonicNanos())
            var running: Int32 = 0
            curl_multi_perform(multi, &running)
            collectFinishedTransfers()
            curl_multi_poll(multi, nil, 0, waitMilliseconds(), nil)
        }
        for transfer in inFlight.values {
            curl_multi_remove_handle(multi, transfer.easy)
            curl_easy_cleanup(transfer.easy)
        }
        inFlight.removeAll()
        idleHandles.forEach { curl_easy_cleanup($0) }
        idleHandles.removeAll()
    }

    private func replaceTargets(_ newTargets: [PollTarget]) {
        let now = Self.monotonicNanos()
        for old in targets.values { old.removed = true }
        targets.removeAll(keepingCapacity: true)
        schedule.removeAll()
        for target in newTargets {
            let interval = Self.nanos(target.interval)
            let offset = options.spreadStart ? UInt64.random(in: 0..<max(interval, 1)) : 0
            let scheduled = ScheduledTarget(target, firstDue: now + offset)
            targets[target.id] = scheduled
            schedule.push(scheduled)
        }
        // Keep one idle connection per target, so every target's keep-alive connection survives.
        beacon_curl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, max(newTargets.count + 16, 64))
    }

    private func startDueTransfers(at now: UInt64) {
        while inFlight.count < options.maxInFlight, let scheduled = schedule.popDue(at: now) {
            guard !scheduled.removed else { continue }
            let interval = Self.nanos(scheduled.target.interval)
            let jitter = Int64.random(in: -Int64(interval / 100)...Int64(interval / 100))
            scheduled.nextDue = max(scheduled.nextDue &+ UInt64(bitPattern: Int64(interval) &+ jitter), now + 1_000_000)
            schedule.push(scheduled)
            if scheduled.inFlight {
                shared.withLock { $0.statistics.overruns += 1 }
                continue
            }
            begin(scheduled, at: now)
        }
        shared.withLock { $0.statistics.inFlight = inFlight.count }
    }

    private func begin(_ scheduled: ScheduledTarget, at now: UInt64) {
        guard let easy = idleHandles.popLast() ?? curl_easy_init() else { return }
        let transfer = Transfer(scheduled, easy: easy, startedNanos: now)
        configure(easy, for: transfer)
        scheduled.inFlight = true
        inFlight[easy] = transfer
        curl_multi_add_handle(multi, easy)
    }

    private func configure(_ easy: UnsafeMutableRawPointer, for transfer: Transfer) {
        let target = transfer.scheduled.target
        let context = Unmanaged.passUnretained(transfer).toOpaque()
        beacon_curl_setopt_string(easy, CURLOPT_URL, target.url)
        beacon_curl_setopt_write_function(easy, Transfer.write)
        beacon_curl_setopt_pointer(easy, CURLOPT_WRITEDATA, context)
        beacon_curl_setopt_pointer(easy, CURLOPT_HTTPHEADER, UnsafeMutableRawPointer(transfer.scheduled.headerList))
        beacon_curl_setopt_long(easy, CURLOPT_TIMEOUT_MS, Int(Self.nanos(target.timeout) / 1_000_000))
        beacon_curl_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, Int(Self.nanos(target.timeout) / 1_000_000))
        beacon_curl_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
        beacon_curl_setopt_long(easy, CURLOPT_BUFFERSIZE, options.receiveBufferBytes)
        beacon_curl_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, 1)
        beacon_curl_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, 2)
        beacon_curl_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 0)
        beacon_curl_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "http,https")
        beacon_curl_setopt_string(easy, CURLOPT_USERAGENT, options.userAgent)
        beacon_curl_setopt_off(easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(target.maxBytes))
    }

    private func collectFinishedTransfers() {
        var queued: Int32 = 0
        while let message = curl_multi_info_read(multi, &queued) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                let transfer = inFlight.removeValue(forKey: easy)
            else { continue }
            let code = message.pointee.data.result
            curl_multi_remove_handle(multi, easy)
            let outcome = outcome(of: transfer, code: code)
            transfer.scheduled.inFlight = false
            if idleHandles.count < options.maxInFlight { idleHandles.append(easy) } else { curl_easy_cleanup(easy) }
            shared.withLock { state in
                state.statistics.polls += 1
                if case .failure = outcome { state.statistics.failures += 1 }
            }
            deliver(
                PollResult(
                    target: transfer.scheduled.target.id, outcome: outcome, startedNanos: transfer.startedNanos,
                    finishedNanos: Self.monotonicNanos()))
        }
    }

    private func outcome(of transfer: Transfer, code: CURLcode) -> PollResult.Outcome {
        let target = transfer.scheduled.target
        if transfer.overflowed || code == CURLE_FILESIZE_EXCEEDED {
            return .failure("response larger than \(target.maxBytes) bytes")
        }
        guard code == CURLE_OK else { return .failure(Self.describe(code, timeout: target.timeout)) }
        var status = 0
        beacon_curl_getinfo_long(transfer.easy, CURLINFO_RESPONSE_CODE, &status)
        guard (200..<300).contains(status) else { return .failure("HTTP \(status)") }
        return .body(transfer.body)
    }

    static func describe(_ code: CURLcode, timeout: Duration) -> String {
        switch code {
        case CURLE_COULDNT_CONNECT: "connection refused"
        case CURLE_OPERATION_TIMEDOUT:
            "no response within \(timeout.description.replacingOccurrences(of: " seconds", with: "s"))"
        case CURLE_COULDNT_RESOLVE_HOST: "host not found"
        case CURLE_GOT_NOTHING: "connection closed without a response"
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR: "connection broken"
        case CURLE_PEER_FAILED_VERIFICATION: "TLS certificate not trusted"
        case CURLE_SSL_CONNECT_ERROR: "TLS handshake failed"
        case CURLE_UNSUPPORTED_PROTOCOL: "unsupported protocol"
        default: String(cString: curl_easy_strerror(code))
        }
    }

    /// How long to sleep: until the next due target (if a slot is free) or libcurl's own next timeout.
    private func waitMilliseconds() -> Int32 {
        var wait: Int = 1_000
        if inFlight.count < options.maxInFlight, let due = schedule.nextDue {
            let now = Self.monotonicNanos()
            wait = due <= now ? 0 : Int((due - now + 999_999) / 1_000_000)
        }
        var curlTimeout = -1
        curl_multi_timeout(multi, &curlTimeout)
        if curlTimeout >= 0 { wait = min(wait, curlTimeout) }
        return Int32(min(wait, 1_000))
    }

    static func nanos(_ duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        return UInt64(max(seconds, 0)) * 1_000_000_000 + UInt64(max(attoseconds, 0) / 1_000_000_000)
    }
}
