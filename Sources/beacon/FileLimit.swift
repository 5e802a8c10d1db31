import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// The process's limit on open files: every polled target keeps a connection open.
enum FileLimit {
    /// Raises the soft limit to the hard limit, as far as the system allows.
    static func raise(logger: Logger) {
        #if canImport(Glibc)
            var limit = rlimit()
            guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
            let previous = limit.rlim_cur
            limit.rlim_cur = limit.rlim_max
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 {
                logger.debug("open file limit raised", metadata: ["from": "\(previous)", "to": "\(limit.rlim_max)"])
            }
        #endif
    }
}
