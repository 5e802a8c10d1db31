import CCurl

/// The options every Beacon transfer shares, polls and notifications alike: TLS always verified (against a
/// private CA when one is given), no redirects followed, no signals, one user agent.
public struct CurlDefaults: Sendable, Hashable {
    public var userAgent = "Beacon/1.0 (+libcurl)"
    /// A PEM file of certification authorities to trust instead of the system's (a company's private CA);
    /// verification itself is never turned off.
    public var caBundlePath: String?

    public init(userAgent: String = "Beacon/1.0 (+libcurl)", caBundlePath: String? = nil) {
        self.userAgent = userAgent
        self.caBundlePath = caBundlePath
    }

    /// Sets the shared options on an easy handle.
    /// - Parameter protocols: the schemes the transfer may use (`http,https`, `smtp,smtps`).
    public func apply(to easy: UnsafeMutableRawPointer, protocols: String) {
        beacon_curl_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
        beacon_curl_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, 1)
        beacon_curl_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, 2)
        if let caBundlePath { beacon_curl_setopt_string(easy, CURLOPT_CAINFO, caBundlePath) }
        beacon_curl_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 0)
        beacon_curl_setopt_string(easy, CURLOPT_PROTOCOLS_STR, protocols)
        beacon_curl_setopt_string(easy, CURLOPT_USERAGENT, userAgent)
    }

    /// Bounds a transfer, connection included, by `timeout`.
    public static func setTimeout(_ easy: UnsafeMutableRawPointer, _ timeout: Duration) {
        let milliseconds = self.milliseconds(timeout)
        beacon_curl_setopt_long(easy, CURLOPT_TIMEOUT_MS, milliseconds)
        beacon_curl_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, milliseconds)
    }

    /// A duration in whole milliseconds, at least one (libcurl reads 0 as "no timeout").
    public static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(Int(seconds) * 1_000 + Int(attoseconds / 1_000_000_000_000_000), 1)
    }
}
