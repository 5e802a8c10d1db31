import CCurl

/// Process-wide libcurl setup for the notification engine.
///
/// `BeaconNotify` does not depend on `BeaconMonitor`, so it initialises libcurl itself; libcurl counts
/// `curl_global_init` calls, so both modules doing it once is harmless.
enum CurlLibrary {
    /// Initialises libcurl once per process; safe from any thread, any number of times.
    static func initialize() { _ = globalInit }

    private static let globalInit: Void = {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT))
    }()
}
