import BeaconCore
import BeaconCurl
import BeaconDemo
import BeaconNotify
import BeaconTestSupport
import Foundation
import Testing

/// The SMTP sink holds a real SMTP conversation: a raw socket client drives every command, libcurl (as Beacon
/// and as the `curl` tool) sends through it, and each accepted message is read back.
@Suite(.timeLimit(.minutes(1)))
struct DemoSMTPSinkTests {
    let log = DeliveryLog()

    /// Runs `body` with a fresh sink, and stops it afterwards.
    func withSink(
        maximumMessageBytes: Int = DemoSMTPSink.defaultMaximumMessageBytes, _ body: (DemoSMTPSink) async throws -> Void
    ) async throws {
        let sink = try await DemoSMTPSink.start(
            maximumMessageBytes: maximumMessageBytes, logger: LoopbackHTTPServer.silentLogger, onDelivery: log.record)
        do {
            try await body(sink)
        } catch {
            await sink.stop()
            throw error
        }
        await sink.stop()
    }

    static let message = [
        "From: Beacon <beacon@example.com>", "To: Wang Lei <wanglei@example.com>", "Subject: Disk almost full",
        "", "Disk usage is 97% on db-1.", ".A line that starts with a dot.", "..Two dots.", "",
        "Open incident #3: http://127.0.0.1:8080/incidents/3",
    ]

    /// `message`'s lines dot-stuffed as a client sends them, CRLF ends and the closing dot.
    static func stuffed(_ lines: [String]) -> String {
        lines.map { ($0.hasPrefix(".") ? "." : "") + $0 + "\r\n" }.joined() + ".\r\n"
    }

    @Test
    func aFullDialogueDeliversTheMessageDotUnstuffed() async throws {
        try await withSink { sink in
            let replies = try await RawSMTPConnection.converse(port: sink.port) { client in
                var replies = [try client.reply()]
                for command in [
                    "EHLO client.example", "MAIL FROM:<beacon@example.com>", "RCPT TO:<wanglei@example.com>",
                    "RCPT TO:<sunli@example.com>", "DATA",
                ] {
                    replies.append(try client.command(command))
                }
                try client.send(Self.stuffed(Self.message))
                replies.append(try client.reply())
                for command in ["NOOP", "RSET", "QUIT"] { replies.append(try client.command(command)) }
                return (replies, try client.isClosedByServer())
            }
            #expect(replies.0.map(\.code) == [220, 250, 250, 250, 250, 354, 250, 250, 250, 221])
            let ehlo = try #require(replies.0.dropFirst().first, "the EHLO reply")
            #expect(ehlo.lines.count > 1)
            #expect(!ehlo.lines.contains { $0.uppercased().contains("STARTTLS") || $0.uppercased().hasPrefix("AUTH") })
            #expect(replies.1, "the sink closes the connection after QUIT")
            let delivery = try #require(await log.wait(for: 1).first)
            #expect(delivery.channel == "smtp")
            #expect(delivery.type == .smtp)
            #expect(delivery.headline == "Disk almost full")
            #expect(delivery.recipient == "Wang Lei <wanglei@example.com>")
            #expect(delivery.body == Self.message.map { $0 + "\r\n" }.joined())
            #expect(delivery.text.contains("\n.A line that starts with a dot.\n..Two dots.\n"))
            #expect(delivery.approveURL == nil && delivery.rejectURL == nil)
        }
    }

    @Test
    func aMessageOverTheLimitIsRefusedAndTheConversationGoesOn() async throws {
        try await withSink(maximumMessageBytes: 4_096) { sink in
            let line = String(repeating: "x", count: 70)
            let replies = try await RawSMTPConnection.converse(port: sink.port) { client in
                _ = try client.reply()
                var codes: [Int] = []
                for command in ["HELO client", "MAIL FROM:<a@example.com> SIZE=999999"] {
                    codes.append(try client.command(command).code)
                }
                for command in ["MAIL FROM:<a@example.com>", "RCPT TO:<b@example.com>", "DATA"] {
                    codes.append(try client.command(command).code)
                }
                try client.send(Self.stuffed(["Subject: too big", ""] + Array(repeating: line, count: 100)))
                codes.append(try client.reply().code)
                // One line longer than the whole limit is refused the same way, after its closing dot.
                for command in ["MAIL FROM:<a@example.com>", "RCPT TO:<b@example.com>", "DATA"] {
                    codes.append(try client.command(command).code)
                }
                try client.send(Self.stuffed(["Subject: one huge line", "", String(repeating: "y", count: 10_000)]))
                codes.append(try client.reply().code)
                for command in ["MAIL FROM:<a@example.com>", "RCPT TO:<b@example.com>", "DATA"] {
                    codes.append(try client.command(command).code)
                }
                try client.send(Self.stuffed(["Subject: small", "", "fits"]))
                codes.append(try client.reply().code)
                return codes
            }
            #expect(replies == [250, 552, 250, 250, 354, 552, 250, 250, 354, 552, 250, 250, 354, 250])
            let received = await log.wait(for: 1)
            #expect(received.map(\.headline) == ["small"])
        }
    }

    @Test
    func unknownAndOutOfOrderCommandsAreRefused() async throws {
        try await withSink { sink in
            let codes = try await RawSMTPConnection.converse(port: sink.port) { client in
                _ = try client.reply()
                return try [
                    "MAIL FROM:<a@example.com>", "HELLO there", "EHLO client", "RCPT TO:<b@example.com>", "DATA",
                    "STARTTLS", "MAIL FROM:<a@example.com>", "MAIL FROM:<a@example.com>", "DATA", "RSET",
                    "RCPT TO:<b@example.com>", "MAIL TO:<a@example.com>", "FLY me to the moon", "",
                    String(repeating: "z", count: 2 << 20), "NOOP",
                ].map { try client.command($0).code }
            }
            #expect(codes == [503, 500, 250, 503, 503, 502, 250, 503, 503, 250, 503, 501, 500, 500, 500, 250])
            #expect(log.all.isEmpty)
        }
    }

    @Test
    func beaconsOwnMailIsDeliveredWithItsApprovalLinks() async throws {
        try await withSink { sink in
            let client = CurlClient()
            let sender = CurlChannelSender(client: client, now: { NotificationFixture.now })
            let channel = NotificationFixture.channel("exec-mail", .smtp, httpPort: 0, smtpPort: sink.port)
            let result = await sender.send(
                NotificationFixture.delivery(
                    channel, to: NotificationFixture.liNa, message: NotificationFixture.approvalRequest))
            await client.shutdown()
            #expect(result.isDelivered, "\(result)")
            let delivery = try #require(await log.wait(for: 1).first)
            #expect(delivery.channel == "smtp")
            #expect(delivery.recipient == "Li Na <lina@example.com>")
            #expect(delivery.headline == NotificationFixture.approvalSubject)
            #expect(delivery.kind == .approvalRequest)
            #expect(delivery.approveURL == NotificationFixture.approveURL)
            #expect(delivery.rejectURL == NotificationFixture.rejectURL)
            #expect(delivery.text.hasPrefix(NotificationFixture.approvalSubject + "\n\nCompensation for"))
            #expect(delivery.body.contains("Content-Transfer-Encoding: base64"))
        }
    }

    @Test
    func aSubjectInChineseIsDecoded() async throws {
        try await withSink { sink in
            var message = NotificationFixture.page
            message.subject = "[sev1] #3 支付成功率低于 90%,请立即确认影响范围并通知应急指挥组"
            var recipient = NotificationFixture.zhangMin
            recipient.name = "张敏"
            let client = CurlClient()
            let sender = CurlChannelSender(client: client, now: { NotificationFixture.now })
            let channel = NotificationFixture.channel("exec-mail", .smtp, httpPort: 0, smtpPort: sink.port)
            let result = await sender.send(NotificationFixture.delivery(channel, to: recipient, message: message))
            await client.shutdown()
            #expect(result.isDelivered, "\(result)")
            let delivery = try #require(await log.wait(for: 1).first)
            #expect(delivery.headline == message.subject)
            #expect(delivery.recipient == "张敏 <zhangmin@example.com>")
            #expect(delivery.kind == .page)
        }
    }

    @Test
    func theCurlToolSendsThroughTheSink() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("demo-smtp-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("message.txt")
        try Data(Self.message.map { $0 + "\r\n" }.joined().utf8).write(to: file)
        try await withSink { sink in
            let status = try await CurlTool.run([
                "--silent", "--show-error", "--max-time", "10", "--url", sink.url, "--mail-from", "beacon@example.com",
                "--mail-rcpt", "wanglei@example.com", "--upload-file", file.path,
            ])
            #expect(status == 0)
            let delivery = try #require(await log.wait(for: 1).first)
            #expect(delivery.headline == "Disk almost full")
            #expect(delivery.body == Self.message.map { $0 + "\r\n" }.joined())
        }
    }

    @Test
    func stopEndsAnOpenConversation() async throws {
        let sink = try await DemoSMTPSink.start(logger: LoopbackHTTPServer.silentLogger) { _ in }
        let (greetings, greeted) = AsyncStream.makeStream(of: Int.self)
        let conversation = Task {
            try await RawSMTPConnection.converse(port: sink.port) { client in
                defer { greeted.finish() }
                _ = try client.reply()
                greeted.yield(try client.command("EHLO idle.example").code)
                return try client.isClosedByServer()
            }
        }
        // Bounded: the client gives up reading at its deadline, which finishes the stream.
        #expect(await greetings.first { _ in true } == 250)
        await sink.stop()
        #expect(try await conversation.value, "the idle client saw its connection closed")
    }
}
