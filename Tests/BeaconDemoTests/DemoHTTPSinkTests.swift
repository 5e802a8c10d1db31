import BeaconCore
import BeaconCurl
import BeaconDemo
import BeaconNotify
import BeaconTestSupport
import Testing

/// The HTTP sink takes each channel type's real request, as Beacon's renderers and libcurl send it, answers it
/// as the real service would (so Beacon counts it delivered), and reads the notification back.
@Suite(.timeLimit(.minutes(1)))
struct DemoHTTPSinkTests {
    static let httpTypes: [ChannelType] = [.webhook, .slack, .dingtalk, .wecom, .feishu, .sms]

    let log = DeliveryLog()

    /// Runs `body` with a fresh sink and a sender on a fresh libcurl client, and stops both afterwards.
    func withSink(
        channelTypes: [String: ChannelType] = [:], maximumBodyBytes: Int = DemoHTTPSink.defaultMaximumBodyBytes,
        _ body: (DemoHTTPSink, CurlChannelSender) async throws -> Void
    ) async throws {
        let sink = try await DemoHTTPSink.start(
            channelTypes: channelTypes, maximumBodyBytes: maximumBodyBytes, logger: LoopbackHTTPServer.silentLogger,
            onDelivery: log.record)
        let client = CurlClient()
        do {
            try await body(sink, CurlChannelSender(client: client, now: { NotificationFixture.now }))
        } catch {
            await client.shutdown()
            await sink.stop()
            throw error
        }
        await client.shutdown()
        await sink.stop()
    }

    /// Sends `message` on a channel of `type` named `id` and returns what the sink read back.
    func send(
        _ message: NotificationMessage, type: ChannelType, id: String, to recipient: Recipient, sink: DemoHTTPSink,
        sender: CurlChannelSender
    ) async throws -> DemoDelivery {
        let channel = NotificationFixture.channel(id, type, httpPort: sink.port, smtpPort: 0)
        let before = log.all.count
        let result = await sender.send(NotificationFixture.delivery(channel, to: recipient, message: message))
        #expect(result.isDelivered, "\(type) was not delivered: \(result)")
        let received = await log.wait(for: before + 1)
        return try #require(received.dropFirst(before).first)
    }

    @Test(arguments: httpTypes)
    func pageOnEveryChannelTypeIsDeliveredAndReadBack(_ type: ChannelType) async throws {
        try await withSink(channelTypes: ["team-\(type.rawValue)-1": type]) { sink, sender in
            let delivery = try await send(
                NotificationFixture.page, type: type, id: "team-\(type.rawValue)-1", to: NotificationFixture.zhangMin,
                sink: sink, sender: sender)
            #expect(delivery.channel == "team-\(type.rawValue)-1")
            #expect(delivery.type == type)
            #expect(delivery.headline == NotificationFixture.pageSubject)
            #expect(delivery.approveURL == nil && delivery.rejectURL == nil)
            #expect(!delivery.body.isEmpty)
            switch type {
            case .webhook:
                #expect(delivery.recipient == "Zhang Min")
                #expect(delivery.kind == .page)
                #expect(delivery.text.hasPrefix("Payment success rate is 0.87, below 0.9"))
            case .dingtalk, .sms:
                #expect(delivery.recipient == "13800000101")
                #expect(delivery.kind == nil)
            default:
                #expect(delivery.recipient == nil)
                #expect(delivery.kind == nil)
            }
            if type != .sms { #expect(delivery.text.contains("Acknowledge within 5m")) }
        }
    }

    @Test(arguments: httpTypes)
    func approvalLinksAreFoundOnEveryChannelThatCarriesThem(_ type: ChannelType) async throws {
        try await withSink(channelTypes: ["decide": type]) { sink, sender in
            let delivery = try await send(
                NotificationFixture.approvalRequest, type: type, id: "decide", to: NotificationFixture.liNa, sink: sink,
                sender: sender)
            if type == .sms {
                // An SMS asks the question and carries one link whose page offers both answers.
                #expect(delivery.headline.hasPrefix("Approval sev2 #12: "))
                #expect(delivery.approveURL?.contains("/approvals/") == true)
            } else {
                #expect(delivery.headline == NotificationFixture.approvalSubject)
                #expect(delivery.approveURL == NotificationFixture.approveURL)
                #expect(delivery.rejectURL == NotificationFixture.rejectURL)
                #expect(delivery.asksForDecision)
            }
            if type == .webhook { #expect(delivery.kind == .approvalRequest) }
        }
    }

    @Test(arguments: httpTypes)
    func anUnconfiguredPathIsAnsweredByWhatItsBodyLooksLike(_ type: ChannelType) async throws {
        try await withSink { sink, sender in
            // A path no configuration names and whose name says nothing: only the body tells the type.
            let delivery = try await send(
                NotificationFixture.page, type: type, id: "channel-7", to: NotificationFixture.zhangMin, sink: sink,
                sender: sender)
            #expect(delivery.type == type)
            let answer = try await RawHTTPClient.request(
                method: "POST", port: sink.port, path: "/elsewhere", headers: ["Content-Type": "application/json"],
                body: Array(delivery.body.utf8))
            #expect(answer.status == 200)
            #expect(answer.text == DemoHTTPSink.answer(for: type).body)
        }
    }

    @Test
    func pathsNamedAfterATypeAreAnsweredAsThatService() async throws {
        try await withSink { sink, _ in
            let expected: [String: String] = [
                "/dingtalk": #"{"errcode":0,"errmsg":"ok"}"#, "/wecom": #"{"errcode":0,"errmsg":"ok"}"#,
                "/feishu": #"{"code":0,"data":{},"msg":"success"}"#, "/slack": "ok", "/hook": #"{"ok":true}"#,
                "/sms": #"{"ok":true}"#, "/ops-feishu": #"{"code":0,"data":{},"msg":"success"}"#,
            ]
            for (path, answer) in expected {
                let response = try await RawHTTPClient.request(
                    method: "POST", port: sink.port, path: path, body: Array("hello from \(path)".utf8))
                #expect(response.status == 200)
                #expect(response.text == answer, "\(path)")
            }
            let received = await log.wait(for: expected.count)
            #expect(Set(received.map(\.channel)) == Set(expected.keys.map { String($0.dropFirst()) }))
            #expect(received.allSatisfy { $0.headline == "hello from /\($0.channel)" })
        }
    }

    @Test
    func aFormEncodedSMSGatewayIsReadToo() async throws {
        try await withSink { sink, sender in
            let channel = Channel(
                id: "sms-form", type: .sms, url: sink.url("sms-form"), body: "to={{mobile}}&content={{text}}")
            let result = await sender.send(NotificationFixture.delivery(channel))
            #expect(result.isDelivered)
            let delivery = try #require(await log.wait(for: 1).first)
            #expect(delivery.recipient == "13800000101")
            #expect(delivery.headline == NotificationFixture.pageSubject)
            #expect(delivery.text == NotificationFixture.pageSubject + " http://127.0.0.1:8080/incidents/12")
        }
    }

    @Test
    func onlyPostsAreNotifications() async throws {
        try await withSink { sink, _ in
            let response = try await RawHTTPClient.get(port: sink.port, path: "/hook")
            #expect(response.status == 405)
            #expect(response.headers["allow"] == "POST")
            #expect(log.all.isEmpty)
        }
    }

    @Test
    func aBodyOverTheLimitIsRefusedAndNotReported() async throws {
        try await withSink(maximumBodyBytes: 1_024) { sink, _ in
            let response = try await RawHTTPClient.request(
                method: "POST", port: sink.port, path: "/hook", body: Array(repeating: UInt8(ascii: "x"), count: 4_096))
            #expect(response.status == 413)
            let small = try await RawHTTPClient.request(
                method: "POST", port: sink.port, path: "/hook", body: Array("fits".utf8))
            #expect(small.status == 200)
            #expect(await log.wait(for: 1).map(\.headline) == ["fits"])
        }
    }

    @Test
    func stopFreesThePort() async throws {
        let sink = try await DemoHTTPSink.start(logger: LoopbackHTTPServer.silentLogger) { _ in }
        await sink.stop()
        let refused = await outcome { try await RawHTTPClient.get(port: sink.port, path: "/", timeout: .seconds(2)) }
        #expect(throws: (any Error).self) { try refused.get() }
    }
}

extension DeliveryResult {
    var isDelivered: Bool {
        if case .delivered = self { return true }
        return false
    }
}
