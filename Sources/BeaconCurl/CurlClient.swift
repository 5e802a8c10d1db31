/// Sends one-shot requests (HTTP POSTs, SMTP mail) from one thread over a libcurl multi handle.
///
/// The sibling of the monitor's poller: one loop drives `curl_multi_poll` over every transfer in flight, at
/// most ``Options/maxInFlight`` at once (the rest wait their turn), each bounded by its own timeout.
/// Connections stay open in the multi handle's cache, so a burst of notifications to one chat robot reuses
/// one connection. TLS certificates and host names are always verified; redirects are never followed.
///
/// ```swift
/// let client = CurlClient()
/// let outcome = await client.perform(.post(url, headers: [.init("Content-Type", "application/json")],
///                                          body: Array(json.utf8), timeout: .seconds(5)))
/// await client.shutdown()
/// ```
///
/// The loop thread starts with the first request. Call ``shutdown()`` when done: requests still pending fail
/// with ``CurlFailure/Code/shutDown``. Dropping the client stops the loop too, without waiting.
public final class CurlClient: Sendable {
    public struct Options: Sendable {
        /// The most transfers in flight at once; further requests wait for a free slot.
        public var maxInFlight = 32
        /// The most response body kept per request; the rest is read and dropped.
        public var maxResponseBytes = 64 * 1024
        /// TLS, redirects and the user agent, as for every Beacon transfer.
        public var defaults = CurlDefaults()

        public init() {}
    }

    /// Counters since the client started.
    public struct Statistics: Sendable, Equatable {
        /// Requests that finished, with a response or a failure (not counting cancelled or shut-down ones).
        public var completed = 0
        /// Of those, the ones without a response.
        public var failures = 0
        public var inFlight = 0
    }

    private let engine: CurlEngine

    public init(options: Options = Options()) {
        var options = options
        options.maxInFlight = max(options.maxInFlight, 1)
        options.maxResponseBytes = max(options.maxResponseBytes, 0)
        engine = CurlEngine(options: options)
    }

    deinit {
        engine.stopSoon()
    }

    /// Performs one request.
    ///
    /// Cancelling the calling task abandons the request (it fails with ``CurlFailure/Code/cancelled``).
    /// - Returns: the server's response, whatever its status, or why there was none.
    public func perform(_ request: CurlRequest) async -> Result<CurlResponse, CurlFailure> {
        let engine = self.engine
        let id = engine.nextID()
        let maxResponseBytes = engine.maxResponseBytes
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                engine.submit(
                    CurlTransfer(
                        id: id, request: request, maxResponseBytes: maxResponseBytes, completion: continuation))
            }
        } onCancel: {
            engine.cancel(id)
        }
    }

    /// Fails every pending request and stops the loop thread; returns once it has stopped. Later requests
    /// fail at once.
    public func shutdown() async {
        await engine.shutdown()
    }

    public var statistics: Statistics { engine.statistics }
}
