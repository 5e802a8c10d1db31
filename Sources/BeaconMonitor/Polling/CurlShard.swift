import CCurl

/// One libcurl multi handle in the poller: a bounded group of targets, their transfers and their cached
/// keep-alive connections, driven through `curl_multi_socket_action` by the poller's epoll.
///
/// libcurl 7.88 walks every cached connection of a multi handle each time a finished transfer is removed from it,
/// and its whole DNS cache (one entry per host and port) each time a transfer is done. So the poller keeps each
/// multi handle small (`Poller.Options.targetsPerShard`), with its own connection and DNS caches, and drives them
/// all from one epoll: a poll costs the same with 100 targets or 10,000.
final class CurlShard {
    let index: Int
    let multi: UnsafeMutableRawPointer
    private unowned let events: EventPoll
    /// When libcurl wants its timeout action, on the poller's monotonic clock; `nil` when it wants none.
    private(set) var deadline: UInt64?
    /// libcurl was driven since its finished transfers were last read.
    private(set) var touched = false
    /// Set on a socket libcurl told us about, through `curl_multi_assign`, so later calls know it is watched.
    private static var watched: UnsafeMutableRawPointer? { UnsafeMutableRawPointer(bitPattern: 1) }

    init(index: Int, events: EventPoll, maxConnections: Int) {
        self.index = index
        self.events = events
        multi = curl_multi_init()
        let context = Unmanaged.passUnretained(self).toOpaque()
        beacon_curl_multi_setopt_socket_function(multi, Self.socketChanged)
        beacon_curl_multi_setopt_pointer(multi, CURLMOPT_SOCKETDATA, context)
        beacon_curl_multi_setopt_timer_function(multi, Self.timerChanged)
        beacon_curl_multi_setopt_pointer(multi, CURLMOPT_TIMERDATA, context)
        beacon_curl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, maxConnections)
    }

    deinit {
        // Closing the cached connections tells the socket callback nothing: closed sockets leave epoll by themselves.
        beacon_curl_multi_setopt_socket_function(multi, nil)
        beacon_curl_multi_setopt_timer_function(multi, nil)
        curl_multi_cleanup(multi)
    }

    /// Starts `easy` on this shard; libcurl asks for a timeout action at once, which sends it.
    func add(_ easy: UnsafeMutableRawPointer) {
        curl_multi_add_handle(multi, easy)
    }

    /// Takes `easy` out of this shard, finished or abandoned.
    func remove(_ easy: UnsafeMutableRawPointer) {
        curl_multi_remove_handle(multi, easy)
    }

    /// Lets libcurl act on a socket that epoll reported ready.
    func socketReady(_ socket: Int32, readable: Bool, writable: Bool, error: Bool) {
        let flags =
            (readable ? CURL_CSELECT_IN : 0) | (writable ? CURL_CSELECT_OUT : 0) | (error ? CURL_CSELECT_ERR : 0)
        var running: Int32 = 0
        curl_multi_socket_action(multi, socket, flags, &running)
        touched = true
    }

    /// Runs libcurl's timeout action if its deadline has come.
    func fireTimer(at now: UInt64) {
        guard let deadline, deadline <= now else { return }
        self.deadline = nil
        var running: Int32 = 0
        // CURL_SOCKET_TIMEOUT: no particular socket, only what is due.
        curl_multi_socket_action(multi, -1, 0, &running)
        touched = true
    }

    /// Calls `finished` with each transfer libcurl has completed since the last call, and its result.
    func drainFinished(_ finished: (UnsafeMutableRawPointer, CURLcode) -> Void) {
        guard touched else { return }
        touched = false
        var queued: Int32 = 0
        while let message = curl_multi_info_read(multi, &queued) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
            finished(easy, message.pointee.data.result)
        }
    }

    /// The epoll tag of a socket of this shard: the shard's index above, the socket below.
    static func tag(shard: Int, socket: Int32) -> UInt64 {
        UInt64(shard) << 32 | UInt64(UInt32(bitPattern: socket))
    }

    static func split(_ tag: UInt64) -> (shard: Int, socket: Int32) {
        (Int(tag >> 32), Int32(bitPattern: UInt32(truncatingIfNeeded: tag)))
    }

    private static let socketChanged: beacon_curl_socket_callback = { _, socket, what, context, socketContext in
        guard let context else { return 0 }
        let shard = Unmanaged<CurlShard>.fromOpaque(context).takeUnretainedValue()
        if what == CURL_POLL_REMOVE {
            shard.events.park(socket)
            return 0
        }
        let isNew = socketContext == nil
        shard.events.watch(
            socket, reading: what & CURL_POLL_IN != 0, writing: what & CURL_POLL_OUT != 0,
            tag: tag(shard: shard.index, socket: socket), isNew: isNew)
        if isNew { curl_multi_assign(shard.multi, socket, watched) }
        return 0
    }

    private static let timerChanged: beacon_curl_timer_callback = { _, milliseconds, context in
        guard let context else { return 0 }
        let shard = Unmanaged<CurlShard>.fromOpaque(context).takeUnretainedValue()
        shard.deadline = milliseconds < 0 ? nil : Poller.monotonicNanos() + UInt64(milliseconds) * 1_000_000
        return 0
    }
}
