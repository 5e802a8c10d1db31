import ArgumentParser
import BeaconCore

#if canImport(Glibc)
    import Glibc
#endif

/// Checks that `serve` can listen where the configuration says, before anything starts: a second `serve` on a
/// busy address must fail at once, naming it, not poll and page beside the first one.
enum ListenProbe {
    /// - Throws: `ValidationError` naming the address and the reason when it cannot be bound.
    static func check(_ address: ListenAddress, words: Localizer) throws {
        #if canImport(Glibc)
            guard address.port != 0 else { return }
            var hints = addrinfo()
            hints.ai_flags = AI_PASSIVE
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            var results: UnsafeMutablePointer<addrinfo>?
            let lookup = getaddrinfo(address.host, String(address.port), &hints, &results)
            guard lookup == 0, let first = results else {
                throw ValidationError(
                    words(
                        "cli.error.listen", ["address": "\(address)", "reason": String(cString: gai_strerror(lookup))]))
            }
            defer { freeaddrinfo(results) }
            let socket = Glibc.socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
            guard socket >= 0 else {
                throw ValidationError(words("cli.error.listen", ["address": "\(address)", "reason": "socket()"]))
            }
            defer { close(socket) }
            // As the server will bind: with SO_REUSEADDR, so a socket left in TIME_WAIT is no obstacle.
            var one: Int32 = 1
            setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
            guard bind(socket, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 else {
                let reason = String(cString: strerror(errno))
                throw ValidationError(
                    words(
                        "cli.error.listen",
                        ["address": "\(address)", "reason": reason.prefix(1).lowercased() + reason.dropFirst()]))
            }
        #endif
    }
}
