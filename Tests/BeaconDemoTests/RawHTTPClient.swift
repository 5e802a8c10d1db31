import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A response as read off the socket.
struct RawHTTPResponse: Sendable {
    var status: Int
    /// Header names lowercased.
    var headers: [String: String]
    var body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }
}

/// Why a raw exchange failed.
struct RawHTTPError: Error, CustomStringConvertible {
    enum Code: Sendable { case connect, send, timedOut, closedEarly, malformed, tooLarge }
    var code: Code
    var description: String
}

/// A minimal HTTP/1.1 client over a blocking socket to 127.0.0.1, so the server's tests depend on nothing else.
///
/// Each exchange runs on a thread of its own: a blocking `recv` on Swift's cooperative pool could starve the
/// very server handlers it waits for.
enum RawHTTPClient {
    /// The largest response read; more is an error.
    static let maxResponseBytes = 64 << 20

    static func get(port: Int, path: String, timeout: Duration = .seconds(10)) async throws -> RawHTTPResponse {
        try await request(port: port, path: path, timeout: timeout)
    }

    /// Sends one request with `Connection: close` and reads the whole response.
    /// - Throws: `RawHTTPError`, with `.timedOut` when no complete response came within `timeout`.
    static func request(
        method: String = "GET", port: Int, path: String, headers: [String: String] = [:], body: [UInt8] = [],
        timeout: Duration = .seconds(10)
    ) async throws -> RawHTTPResponse {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        if !body.isEmpty || method == "POST" || method == "PUT" { head += "Content-Length: \(body.count)\r\n" }
        let request = Array((head + "\r\n").utf8) + body
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try exchange(request, port: port, timeout: timeout) })
            }
            thread.start()
        }
    }

    /// Sends a GET and never reads the answer: a client that stalls the server's writes. Close the socket after.
    static func stalledRequest(port: Int, path: String) throws -> Int32 {
        let socket = try openConnection(port: port, timeout: .seconds(5))
        var size: Int32 = 4096
        setsockopt(socket, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        try sendAll(Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8), on: socket)
        return socket
    }

    private static func exchange(_ request: [UInt8], port: Int, timeout: Duration) throws -> RawHTTPResponse {
        let socket = try openConnection(port: port, timeout: timeout)
        defer { close(socket) }
        try sendAll(request, on: socket)
        let deadline = ContinuousClock.now.advanced(by: timeout)
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while ContinuousClock.now < deadline {
            if let response = try RawHTTPParser.parse(received, complete: false) { return response }
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK { continue }
                throw RawHTTPError(code: .closedEarly, description: "recv failed: errno \(errno)")
            }
            received += buffer[..<count]
            if received.count > maxResponseBytes {
                throw RawHTTPError(code: .tooLarge, description: "response over \(maxResponseBytes) bytes")
            }
        }
        if ContinuousClock.now >= deadline {
            throw RawHTTPError(code: .timedOut, description: "no complete response within \(timeout)")
        }
        guard let response = try RawHTTPParser.parse(received, complete: true) else {
            throw RawHTTPError(code: .closedEarly, description: "connection closed after \(received.count) bytes")
        }
        return response
    }

    private static func openConnection(port: Int, timeout: Duration) throws -> Int32 {
        #if os(Linux)
            let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let socket = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard socket >= 0 else { throw RawHTTPError(code: .connect, description: "socket() failed: errno \(errno)") }
        // Short receive timeouts so the read loop can check the overall deadline.
        var interval = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        var sendLimit = timeval(tv_sec: Int(max(1, timeout.components.seconds)), tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &sendLimit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(socket)
            throw RawHTTPError(code: .connect, description: "connect to 127.0.0.1:\(port) failed: errno \(errno)")
        }
        return socket
    }

    private static func sendAll(_ bytes: [UInt8], on socket: Int32) throws {
        #if os(Linux)
            let flags = Int32(MSG_NOSIGNAL)
        #else
            let flags: Int32 = 0
        #endif
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, flags) }
            if sent < 0 && errno == EINTR { continue }
            guard sent > 0 else { throw RawHTTPError(code: .send, description: "send failed: errno \(errno)") }
            offset += sent
        }
    }
}
