import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One SMTP reply: its code and its lines' texts (after the code and separator).
struct SMTPReply: Sendable, Hashable, CustomStringConvertible {
    var code: Int
    var lines: [String]

    var description: String { lines.map { "\(code) \($0)" }.joined(separator: " / ") }
}

/// Why a raw SMTP conversation failed.
struct RawSMTPError: Error, CustomStringConvertible {
    var description: String
}

/// A blocking SMTP client over a socket to 127.0.0.1, speaking exactly the bytes a test gives it.
///
/// A conversation runs on a thread of its own (``converse(port:timeout:_:)``): a blocking `recv` on Swift's
/// cooperative pool could starve the very sink tasks it waits for.
final class RawSMTPConnection {
    private let socket: Int32
    private let deadline: ContinuousClock.Instant
    private var received: [UInt8] = []

    private init(socket: Int32, deadline: ContinuousClock.Instant) {
        self.socket = socket
        self.deadline = deadline
    }

    /// Connects, runs `body` on a new thread, closes the socket, and returns what `body` returned; every read
    /// gives up at `timeout` after the start.
    static func converse<Value: Sendable>(
        port: Int, timeout: Duration = .seconds(60), _ body: @escaping @Sendable (RawSMTPConnection) throws -> Value
    ) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(
                    with: Result {
                        let connection = try RawSMTPConnection(
                            socket: open(port: port), deadline: ContinuousClock.now.advanced(by: timeout))
                        defer { close(connection.socket) }
                        return try body(connection)
                    })
            }
            thread.start()
        }
    }

    /// Sends `text` as it is (add the CRLF yourself).
    func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Self.systemSend(socket, $0.baseAddress, $0.count) }
            if sent < 0 && errno == EINTR { continue }
            guard sent > 0 else { throw RawSMTPError(description: "send failed: errno \(errno)") }
            offset += sent
        }
    }

    private static func systemSend(_ socket: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.send(socket, bytes, count, Int32(MSG_NOSIGNAL))
        #elseif canImport(Musl)
            Musl.send(socket, bytes, count, Int32(MSG_NOSIGNAL))
        #else
            Darwin.send(socket, bytes, count, 0)
        #endif
    }

    /// Sends one command line and reads its reply.
    func command(_ line: String) throws -> SMTPReply {
        try send(line + "\r\n")
        return try reply()
    }

    /// Reads one reply, multi-line (`250-…` … `250 …`) or not.
    func reply() throws -> SMTPReply {
        var lines: [String] = []
        while true {
            let line = try readLine()
            guard line.count >= 3, let code = Int(line.prefix(3)) else {
                throw RawSMTPError(description: "not an SMTP reply line: \(line)")
            }
            lines.append(String(line.dropFirst(4)))
            if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] == " " {
                return SMTPReply(code: code, lines: lines)
            }
        }
    }

    /// Whether the server closed the connection (a read finds the end of the stream) before the deadline.
    func isClosedByServer() throws -> Bool {
        while ContinuousClock.now < deadline {
            if !received.isEmpty { return false }
            switch try receiveSome() {
            case 0: return true
            default: continue
            }
        }
        return false
    }

    private func readLine() throws -> String {
        while true {
            if let end = received.firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(received[..<end])
                received.removeFirst(end + 1)
                if line.last == 13 { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            guard ContinuousClock.now < deadline else { throw RawSMTPError(description: "no reply in time") }
            if try receiveSome() == 0 { throw RawSMTPError(description: "the server closed the connection") }
        }
    }

    /// Receives what is there: the byte count, 0 at the end of the stream, -1 when nothing came in 100 ms.
    private func receiveSome() throws -> Int {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        if count < 0 {
            if errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK { return -1 }
            if errno == ECONNRESET { return 0 }
            throw RawSMTPError(description: "recv failed: errno \(errno)")
        }
        received += buffer[..<count]
        return count
    }

    private static func open(port: Int) throws -> Int32 {
        #if os(Linux)
            let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let socket = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard socket >= 0 else { throw RawSMTPError(description: "socket() failed: errno \(errno)") }
        // Short receive timeouts so reads can check the deadline.
        var interval = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        var sendLimit = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &sendLimit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(socket)
            throw RawSMTPError(description: "connect to 127.0.0.1:\(port) failed: errno \(errno)")
        }
        return socket
    }
}
