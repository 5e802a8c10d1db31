import CCurl

/// Process-wide libcurl setup, shared by the monitor's poller and the notification client.
public enum Curl {
    /// Initialises libcurl once per process; safe to call from any thread, any number of times.
    public static func initialize() { _ = globalInit }

    private static let globalInit: Void = {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT))
    }()

    /// The libcurl version and its TLS library, as libcurl reports it (`libcurl/7.88.1 OpenSSL/3.0.15 …`).
    public static var version: String { String(cString: curl_version()) }
}
