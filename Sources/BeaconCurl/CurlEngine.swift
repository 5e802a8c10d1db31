import CCurl
import Foundation
import Synchronization

/// The loop behind ``CurlClient``: one thread drives a libcurl multi handle with `curl_multi_poll`.
///
/// Submissions and cancellations cross from callers to the loop under a mutex, followed by
/// `curl_multi_wakeup`; everything else (the queue, the transfers in flight, the idle easy handles) belongs to
/// the loop thread alone. Connections stay in the multi handle's cache between requests.
final class CurlEngine: @unchecked Sendable {
    private struct Shared {
        var submissions: [CurlTransfer] = []
        var cancellations: [UInt64] = []
        var nextID: UInt64 = 0
        var started = false
        var stopping = false
        var finished = false
        var finishWaiters: [CheckedContinuation<Void, Never>] = []
        var statistics = CurlClient.Statistics()
    }

    private let options: CurlClient.Options
    var maxResponseBytes: Int { options.maxResponseBytes }
    private let multi: UnsafeMutableRawPointer
    private let shared = Mutex(Shared())

    // Owned by the loop thread only.
    private var queue: [CurlTransfer] = []
    private var inFlight: [UnsafeMutableRawPointer: CurlTransfer] = [:]
    private var idleHandles: [UnsafeMutableRawPointer] = []
    /// Set by the loop once it has cleaned up the multi handle.
    private var cleanedUp = false

    init(options: CurlClient.Options) {
        Curl.initialize()
        self.options = options
        multi = curl_multi_init()
        beacon_curl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, max(options.maxInFlight, 8))
    }

    deinit {
        // The loop cleans up on its own thread when it ran; only an engine that never started is cleaned here.
        guard !cleanedUp else { return }
        idleHandles.forEach { curl_easy_cleanup($0) }
        curl_multi_cleanup(multi)
    }

    var statistics: CurlClient.Statistics { shared.withLock { $0.statistics } }

    func nextID() -> UInt64 {
        shared.withLock { state in
            state.nextID += 1
            return state.nextID
        }
    }

    /// Queues a transfer, starting the loop thread on first use; fails it at once after shutdown or when the
    /// calling task is already cancelled.
    func submit(_ transfer: CurlTransfer) {
        enum Admission {
            case queued(startThread: Bool)
            case refused(CurlFailure)
        }
        let admission = shared.withLock { state -> Admission in
            if state.stopping { return .refused(CurlFailure(.shutDown, "the notification client has shut down")) }
            // Checked under the lock: a cancellation after this point finds the transfer queued.
            if Task.isCancelled { return .refused(CurlFailure(.cancelled, "cancelled before it was sent")) }
            state.submissions.append(transfer)
            defer { state.started = true }
            return .queued(startThread: !state.started)
        }
        switch admission {
        case .refused(let failure): transfer.complete(.failure(failure))
        case .queued(let startThread):
            if startThread { start() } else { curl_multi_wakeup(multi) }
        }
    }

    /// Abandons the transfer with this id, if it has not finished.
    func cancel(_ id: UInt64) {
        shared.withLock { $0.cancellations.append(id) }
        curl_multi_wakeup(multi)
    }

    /// Fails every pending transfer and stops the loop; returns once it has stopped.
    func shutdown() async {
        let finished = shared.withLock { state in
            state.stopping = true
            return state.finished || !state.started
        }
        if finished { return }
        curl_multi_wakeup(multi)
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = shared.withLock { state in
                if !state.finished { state.finishWaiters.append(continuation) }
                return state.finished
            }
            if done { continuation.resume() }
        }
    }

    /// Asks the loop to stop without waiting for it, for `deinit`.
    func stopSoon() {
        shared.withLock { $0.stopping = true }
        curl_multi_wakeup(multi)
    }

    private func start() {
        let thread = Thread { [self] in
            runLoop()
            let waiters = shared.withLock { state in
                state.finished = true
                defer { state.finishWaiters = [] }
                return state.finishWaiters
            }
            waiters.forEach { $0.resume() }
        }
        thread.name = "beacon-notify-curl"
        thread.start()
    }

    // MARK: - The loop

    private func runLoop() {
        while true {
            let (submissions, cancellations, stopping) = shared.withLock { state in
                defer {
                    state.submissions = []
                    state.cancellations = []
                }
                return (state.submissions, state.cancellations, state.stopping)
            }
            queue.append(contentsOf: submissions)
            if stopping { break }
            cancellations.forEach(abandon)
            startQueued()
            var running: Int32 = 0
            curl_multi_perform(multi, &running)
            collectFinished()
            startQueued()
            curl_multi_poll(multi, nil, 0, waitMilliseconds(), nil)
        }
        let shutDown = CurlFailure(.shutDown, "the notification client shut down before the request finished")
        for (easy, transfer) in inFlight {
            release(easy)
            transfer.complete(.failure(shutDown))
        }
        inFlight.removeAll()
        queue.forEach { $0.complete(.failure(shutDown)) }
        queue.removeAll()
        // Closing cached connections can wait on servers (SMTP sends QUIT): do it here, on the engine's thread,
        // never in `deinit` on whatever thread drops the last reference.
        idleHandles.forEach { curl_easy_cleanup($0) }
        idleHandles.removeAll()
        curl_multi_cleanup(multi)
        cleanedUp = true
    }

    private func startQueued() {
        var started = 0
        while inFlight.count < options.maxInFlight, started < queue.count {
            let transfer = queue[started]
            started += 1
            guard let easy = idleHandles.popLast() ?? curl_easy_init() else {
                transfer.complete(.failure(CurlFailure(.other, "libcurl could not create a transfer")))
                continue
            }
            CurlTransferSetup(transfer: transfer, easy: easy, options: options).apply()
            inFlight[easy] = transfer
            curl_multi_add_handle(multi, easy)
        }
        queue.removeFirst(started)
        shared.withLock { $0.statistics.inFlight = inFlight.count }
    }

    private func abandon(_ id: UInt64) {
        let failure = CurlFailure(.cancelled, "cancelled before it finished")
        if let index = queue.firstIndex(where: { $0.id == id }) {
            queue.remove(at: index).complete(.failure(failure))
        } else if let (easy, transfer) = inFlight.first(where: { $0.value.id == id }) {
            inFlight.removeValue(forKey: easy)
            release(easy)
            transfer.complete(.failure(failure))
        }
    }

    private func collectFinished() {
        var queued: Int32 = 0
        while let message = curl_multi_info_read(multi, &queued) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                let transfer = inFlight.removeValue(forKey: easy)
            else { continue }
            let outcome = outcome(of: transfer, easy: easy, code: message.pointee.data.result)
            release(easy)
            shared.withLock { state in
                state.statistics.completed += 1
                if case .failure = outcome { state.statistics.failures += 1 }
            }
            transfer.complete(outcome)
        }
    }

    private func outcome(
        of transfer: CurlTransfer, easy: UnsafeMutableRawPointer, code: CURLcode
    )
        -> Result<CurlResponse, CurlFailure>
    {
        var status = 0
        beacon_curl_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
        guard code == CURLE_OK else {
            return .failure(
                CurlFailure.from(
                    code, detail: transfer.errorDetail, replyCode: status, reply: transfer.lastReply,
                    timeout: transfer.request.timeout))
        }
        var connects = 0
        beacon_curl_getinfo_long(easy, CURLINFO_NUM_CONNECTS, &connects)
        return .success(
            CurlResponse(
                status: status, body: transfer.body, bodyTruncated: transfer.bodyTruncated, reply: transfer.lastReply,
                reusedConnection: connects == 0))
    }

    /// Detaches an easy handle from its transfer and keeps it for the next one.
    ///
    /// Resetting at once drops libcurl's pointers into the transfer's buffers before they are freed; the
    /// connection itself stays in the multi handle's cache.
    private func release(_ easy: UnsafeMutableRawPointer) {
        curl_multi_remove_handle(multi, easy)
        curl_easy_reset(easy)
        if idleHandles.count < options.maxInFlight { idleHandles.append(easy) } else { curl_easy_cleanup(easy) }
    }

    /// How long to sleep: not at all while a queued request has a free slot, else until libcurl's next timeout
    /// (at most a second; a wakeup cuts it short).
    private func waitMilliseconds() -> Int32 {
        if !queue.isEmpty, inFlight.count < options.maxInFlight { return 0 }
        var curlTimeout = -1
        curl_multi_timeout(multi, &curlTimeout)
        return Int32(curlTimeout >= 0 ? min(curlTimeout, 1_000) : 1_000)
    }
}
