import CCurl

#if canImport(Glibc)
    import Glibc
#endif

/// An epoll instance for the poller's thread, with an eventfd that other threads write to wake it.
///
/// Sockets are watched level-triggered, as libcurl expects; each carries a 64-bit tag that comes back with its
/// readiness (the poller packs a shard index and the socket into it).
final class EventPoll {
    /// The tag of the wake-up eventfd; no socket tag has all bits set.
    static let wakeTag = UInt64.max
    static let capacity = 256

    private let epoll: Int32
    private let wakeFD: Int32
    /// Sockets libcurl stopped watching but left open (an idle kept-alive connection), still in the epoll set.
    private var parked = Set<Int32>()
    private var readyFlags = [UInt32](repeating: 0, count: EventPoll.capacity)
    private var readyTags = [UInt64](repeating: 0, count: EventPoll.capacity)

    /// - Throws: `PollerError` when the process is out of file descriptors.
    init() throws(PollerError) {
        epoll = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard epoll >= 0 else { throw PollerError.system("epoll_create1", errno) }
        wakeFD = eventfd(0, Int32(EFD_CLOEXEC | EFD_NONBLOCK))
        guard wakeFD >= 0 else {
            let code = errno
            close(epoll)
            throw PollerError.system("eventfd", code)
        }
        _ = beacon_epoll_control(epoll, EPOLL_CTL_ADD, wakeFD, EPOLLIN.rawValue, Self.wakeTag)
    }

    deinit {
        close(wakeFD)
        close(epoll)
    }

    /// Makes the next (or current) `wait` return; safe from any thread.
    func wake() {
        var one: UInt64 = 1
        _ = withUnsafeBytes(of: &one) { write(wakeFD, $0.baseAddress, 8) }
    }

    /// Watches `socket` for the given readiness, adding it or changing what it is watched for.
    func watch(_ socket: Int32, reading: Bool, writing: Bool, tag: UInt64, isNew: Bool) {
        let flags = (reading ? EPOLLIN.rawValue : 0) | (writing ? EPOLLOUT.rawValue : 0)
        let first = isNew && parked.remove(socket) == nil ? EPOLL_CTL_ADD : EPOLL_CTL_MOD
        if beacon_epoll_control(epoll, first, socket, flags, tag) != 0 {
            // The socket was closed and its number reused behind libcurl's back, or added twice: try the other way.
            _ = beacon_epoll_control(epoll, first == EPOLL_CTL_ADD ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, socket, flags, tag)
        }
    }

    /// Stops watching `socket`; a socket already closed has left the set by itself.
    func forget(_ socket: Int32) {
        parked.remove(socket)
        _ = beacon_epoll_control(epoll, EPOLL_CTL_DEL, socket, 0, 0)
    }

    /// Leaves `socket` in the set as it is, though libcurl stopped watching it (an idle kept-alive connection), so
    /// the next transfer on that connection changes its registration instead of adding it again: one system call
    /// per poll rather than two. Readiness of a parked socket can only mean the server closed or broke the
    /// connection; `dropIfParked` then takes it out.
    func park(_ socket: Int32) {
        parked.insert(socket)
    }

    /// Forgets `socket` if it is parked: its idle connection was closed by the server or failed (libcurl finds out
    /// when it next tries to reuse it), or libcurl closed it and the number now belongs to a new socket.
    /// - Returns: whether it was parked, so its readiness means nothing to libcurl.
    func dropIfParked(_ socket: Int32) -> Bool {
        guard parked.contains(socket) else { return false }
        forget(socket)
        return true
    }

    /// Waits up to `milliseconds` (-1: no limit) and calls `ready` for each socket that is ready, with its tag and
    /// whether it is readable, writable or in error. The wake-up eventfd is drained and not reported.
    /// - Returns: whether the wake-up eventfd was written to.
    func wait(
        milliseconds: Int32, ready: (_ tag: UInt64, _ readable: Bool, _ writable: Bool, _ error: Bool) -> Void
    )
        -> Bool
    {
        let count = readyFlags.withUnsafeMutableBufferPointer { flags in
            readyTags.withUnsafeMutableBufferPointer { tags in
                beacon_epoll_wait(epoll, flags.baseAddress, tags.baseAddress, Int32(Self.capacity), milliseconds)
            }
        }
        var woken = false
        for index in 0..<max(Int(count), 0) {
            let (flags, tag) = (readyFlags[index], readyTags[index])
            if tag == Self.wakeTag {
                var value: UInt64 = 0
                _ = withUnsafeMutableBytes(of: &value) { read(wakeFD, $0.baseAddress, 8) }
                woken = true
                continue
            }
            ready(
                tag, flags & EPOLLIN.rawValue != 0, flags & EPOLLOUT.rawValue != 0,
                flags & (EPOLLERR.rawValue | EPOLLHUP.rawValue) != 0)
        }
        return woken
    }
}

/// The poller could not get what it needs from the system.
public struct PollerError: Error, Sendable, CustomStringConvertible {
    public var description: String

    static func system(_ call: String, _ code: Int32) -> Self {
        Self(description: "\(call) failed: \(String(cString: strerror(code)))")
    }
}
