import BeaconCore
import BeaconCurl
import BeaconNotify
import Foundation
import Testing

extension SubprocessServerTests {
    @Suite struct MailChannelTests {
        private func channel(_ url: String, security: MailSecurity = .starttls) -> Channel {
            Channel(id: "exec-mail", type: .smtp, url: url, from: "Beacon <beacon@example.com>", security: security)
        }

        /// Runs `body` with a fresh SMTP server and sender, and stops both afterwards.
        private func withMailServer(_ body: (SMTPTestServer, CurlChannelSender) async throws -> Void) async throws {
            let server = try await SMTPTestServer.start()
            let client = CurlClient()
            do {
                try await body(server, CurlChannelSender(client: client, now: { Fixture.now }))
            } catch {
                await client.shutdown()
                await server.stop()
                throw error
            }
            await client.shutdown()
            await server.stop()
        }

        @Test func aPageArrivesAsTextAndHTML() async throws {
            try await withMailServer { server, sender in
                let result = await sender.send(
                    Fixture.delivery(channel(server.url), key: "incident-12/confirm/zhangmin/mail"))
                #expect(result == .delivered(detail: "250 OK queued as beacon-1"))
                let mail = try #require(try server.messages().first)
                #expect(mail.mailFrom == "beacon@example.com")
                #expect(mail.rcptTos == ["zm@example.com"])
                #expect(mail.headers["From"] == "Beacon <beacon@example.com>")
                #expect(mail.headers["To"] == "Zhang Min <zm@example.com>")
                #expect(mail.headers["Subject"] == "[sev2] #12 Payment success rate below 90%")
                #expect(mail.headers["Message-ID"] == "<incident-12/confirm/zhangmin/mail@beacon>")
                #expect(mail.headers["Date"] == "Mon, 04 May 2026 10:00:00 +0000")
                #expect(mail.headers["Auto-Submitted"] == "auto-generated")
                #expect(mail.contentType == "multipart/alternative")
                #expect(mail.parts.map(\.contentType) == ["text/plain", "text/html"])

                let text = try #require(mail.part("text/plain"))
                #expect(text.charset == "utf-8")
                #expect(
                    text.content.replacingOccurrences(of: "\r\n", with: "\n") == """
                        [sev2] #12 Payment success rate below 90%

                        \(Fixture.text)

                        Open incident #12: http://127.0.0.1:8080/incidents/12
                        """)

                let html = try #require(mail.part("text/html")).content
                #expect(html.contains("<h2 style=\"font-size: 18px;\">[sev2] #12 Payment success rate below 90%</h2>"))
                #expect(html.contains("Payment success rate is 0.87, below 0.9 (sev2 major).<br>"))
                #expect(html.contains("<a href=\"http://127.0.0.1:8080/incidents/12\""))
                #expect(html.contains(">Open incident #12</a>"))
                #expect(!html.contains("Approve"))
            }
        }

        @Test func anApprovalRequestHasApproveAndRejectButtons() async throws {
            let executive = Recipient(name: "Li Na", role: "CEO", email: "ln@example.com", layer: .decision)
            try await withMailServer { server, sender in
                let delivery = Fixture.delivery(channel(server.url), to: executive, message: Fixture.approvalRequest)
                #expect(await sender.send(delivery).isDelivered)
                let mail = try #require(try server.messages().first)
                let html = try #require(mail.part("text/html")).content
                #expect(html.contains("<a href=\"http://127.0.0.1:8080/approvals/7/approve?token=a1b2\""))
                #expect(html.contains("<a href=\"http://127.0.0.1:8080/approvals/7/reject?token=a1b2\""))
                #expect(html.contains(">Approve</a>") && html.contains(">Reject</a>"))
                let text = try #require(mail.part("text/plain")).content
                #expect(text.contains("Approve: http://127.0.0.1:8080/approvals/7/approve?token=a1b2"))
                #expect(text.contains("Reject: http://127.0.0.1:8080/approvals/7/reject?token=a1b2"))
                #expect(text.contains("The approve and reject links expire at 2026-05-04T11:00:00Z."))
            }
        }

        @Test func htmlIsEscapedAndNonASCIIHeadersAreEncoded() async throws {
            let recipient = Recipient(name: "张敏", email: "zm@example.com", layer: .operation)
            var message = Fixture.page
            message.subject = "[sev2] #12 支付成功率低于 90% — 请立即处理，并每 30 分钟同步一次进展"
            message.text = "<script>alert(1)</script> & \"quotes\""
            try await withMailServer { server, sender in
                #expect(
                    await sender.send(Fixture.delivery(channel(server.url), to: recipient, message: message))
                        .isDelivered)
                let mail = try #require(try server.messages().first)
                #expect(mail.headers["Subject"] == message.subject)
                #expect(mail.headers["To"] == "张敏 <zm@example.com>")
                #expect(!mail.raw.contains("支付"), "headers and bodies travel as 7-bit text")
                let html = try #require(mail.part("text/html")).content
                #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"))
                #expect(!html.contains("<script>"))
                #expect(try #require(mail.part("text/plain")).content.contains(message.text))
            }
        }

        @Test func aRecipientWithoutEmailFailsWithoutRetry() async throws {
            var recipient = Fixture.zhangMin
            recipient.email = nil
            try await withMailServer { server, sender in
                let result = await sender.send(Fixture.delivery(channel(server.url), to: recipient))
                #expect(
                    result
                        == .failed(reason: "Zhang Min has no e-mail address for channel exec-mail.", retryable: false))
                let received = try server.messages()
                #expect(received.isEmpty)
            }
        }

        @Test func aTemporaryRefusalIsRetriedAndAPermanentOneIsNot() async throws {
            try await withMailServer { server, sender in
                var recipient = Fixture.zhangMin
                recipient.email = "greylisted@example.com"
                let greylisted = await sender.send(Fixture.delivery(channel(server.url), to: recipient))
                #expect(greylisted.retryable == true)
                #expect(greylisted.reason.contains("451"))
                recipient.email = "nobody@example.com"
                let unknown = await sender.send(Fixture.delivery(channel(server.url), to: recipient))
                #expect(unknown.retryable == false)
                #expect(unknown.reason.contains("550"))
                let received = try server.messages()
                #expect(received.isEmpty)
            }
        }

        @Test func requiredStarttlsThatIsNotOfferedFailsWithoutRetry() async throws {
            try await withMailServer { server, sender in
                let result = await sender.send(Fixture.delivery(channel(server.url, security: .requireStarttls)))
                #expect(
                    result
                        == .failed(
                            reason: "the mail server does not offer STARTTLS, which is required", retryable: false))
                let received = try server.messages()
                #expect(received.isEmpty)
            }
        }

        @Test func aMailServerThatIsDownIsRetried() async throws {
            let port = try ClosedPort.make()
            let client = CurlClient()
            let sender = CurlChannelSender(client: client, now: { Fixture.now })
            let result = await sender.send(Fixture.delivery(channel("smtp://127.0.0.1:\(port)")))
            #expect(result.retryable == true)
            #expect(result.reason.hasPrefix("connection refused"))
            await client.shutdown()
        }
    }
}
