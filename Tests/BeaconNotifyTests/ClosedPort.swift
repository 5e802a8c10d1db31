import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A loopback port nothing listens on.
///
/// A low port, below the range the operating system hands out for port 0: a port bound and released again could be
/// given to another test's server a moment later, and a request meant to be refused would reach it.
enum ClosedPort {
    static func make() throws -> Int {
        for port in 9..<1024 where !accepts(port) { return port }
        throw FixtureError("every port from 9 to 1023 accepts connections")
    }

    private static func accepts(_ port: Int) -> Bool {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return true }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}
