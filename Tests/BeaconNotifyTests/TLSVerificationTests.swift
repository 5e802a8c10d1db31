import BeaconCore
import BeaconCurl
import BeaconNotify
import Foundation
import Testing

extension SubprocessServerTests {
    @Suite struct TLSVerificationTests {
        private func send(to server: TLSTestServer, trusting certificate: String?) async -> DeliveryResult {
            var options = CurlClient.Options()
            options.defaults.caBundlePath = certificate
            let client = CurlClient(options: options)
            let sender = CurlChannelSender(client: client, now: { Fixture.now })
            let result = await sender.send(
                Fixture.delivery(Channel(id: "hook", type: .webhook, url: server.url("/hook"))))
            await client.shutdown()
            return result
        }

        @Test func anUntrustedCertificateIsRefusedWithoutRetry() async throws {
            let server = try await TLSTestServer.start(subjectAltName: "IP:127.0.0.1")
            let result = await send(to: server, trusting: nil)
            #expect(result.retryable == false)
            #expect(result.reason.hasPrefix("TLS certificate not trusted"))
            #expect(server.requestCount == 0)
            await server.stop()
        }

        @Test func aTrustedCertificateForTheAddressIsAccepted() async throws {
            let server = try await TLSTestServer.start(subjectAltName: "IP:127.0.0.1")
            let result = await send(to: server, trusting: server.certificateFile)
            #expect(result == .delivered(detail: "HTTP 200"))
            #expect(server.requestCount == 1)
            await server.stop()
        }

        @Test func aTrustedCertificateForAnotherNameIsRefused() async throws {
            let server = try await TLSTestServer.start(subjectAltName: "DNS:elsewhere.test")
            let result = await send(to: server, trusting: server.certificateFile)
            #expect(result.retryable == false)
            #expect(result.reason.hasPrefix("TLS certificate not trusted"))
            #expect(server.requestCount == 0)
            await server.stop()
        }
    }
}
