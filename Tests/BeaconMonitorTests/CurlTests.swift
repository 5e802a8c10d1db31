import BeaconCurl
import Testing

@testable import BeaconMonitor

@Suite struct CurlTests {
    @Test func libcurlSupportsTLSForVerifiedHTTPS() {
        Curl.initialize()
        #expect(Curl.version.hasPrefix("libcurl/"))
        #expect(Curl.version.contains("OpenSSL") || Curl.version.contains("GnuTLS"))
    }
}
