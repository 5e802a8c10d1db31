import BeaconCore
import BeaconNotify
import BeaconTestSupport
import Foundation
import Testing

@Suite struct FailureClassificationTests {
    private func webhook(_ url: String, timeout: Duration = .seconds(5)) -> Channel {
        Channel(id: "hook", type: .webhook, url: url, timeout: timeout)
    }

    @Test(arguments: [408, 429, 500, 502, 503, 504])
    func overloadedOrBrokenReceiversAreRetried(status: Int) async throws {
        try await Fixture.withReceiver(["/hook": .status(status)]) { server, sender in
            let result = await sender.send(Fixture.delivery(webhook(server.url("/hook"))))
            #expect(result == .failed(reason: "HTTP \(status): HTTP \(status)", retryable: true))
        }
    }

    @Test(arguments: [400, 401, 403, 404, 410, 422])
    func refusalsAreNotRetried(status: Int) async throws {
        try await Fixture.withReceiver(["/hook": .status(status)]) { server, sender in
            let result = await sender.send(Fixture.delivery(webhook(server.url("/hook"))))
            #expect(result == .failed(reason: "HTTP \(status): HTTP \(status)", retryable: false))
        }
    }

    @Test func redirectsAreNotFollowed() async throws {
        try await Fixture.withReceiver(["/hook": .respond(status: 301, body: "moved")]) { server, sender in
            let result = await sender.send(Fixture.delivery(webhook(server.url("/hook"))))
            #expect(result == .failed(reason: "HTTP 301: moved", retryable: false))
        }
    }

    @Test func aHangingReceiverTimesOut() async throws {
        try await Fixture.withReceiver(["/hook": .hang]) { server, sender in
            let result = await sender.send(Fixture.delivery(webhook(server.url("/hook"), timeout: .milliseconds(300))))
            #expect(result == .failed(reason: "no response within 300ms", retryable: true))
        }
    }

    @Test func aClosedPortIsRetried() async throws {
        let port = try ClosedPort.make()
        try await Fixture.withReceiver { _, sender in
            let result = await sender.send(Fixture.delivery(webhook("http://127.0.0.1:\(port)/hook")))
            #expect(result.retryable == true)
            #expect(result.reason.hasPrefix("connection refused"))
        }
    }

    @Test func anUnsupportedSchemeIsNotRetried() async throws {
        try await Fixture.withReceiver { _, sender in
            let result = await sender.send(Fixture.delivery(webhook("ftp://127.0.0.1/hook")))
            #expect(result.retryable == false)
            #expect(result.reason.hasPrefix("the URL cannot be used"))
        }
    }

    @Test func robotErrorCodesInA200AreFailures() async throws {
        let cases: [(ChannelType, String, DeliveryResult)] = [
            (
                .dingtalk, #"{"errcode":310000,"errmsg":"keywords not in content"}"#,
                .failed(reason: "the channel refused the message: 310000 keywords not in content", retryable: false)
            ),
            (
                .dingtalk, #"{"errcode":130101,"errmsg":"send too fast"}"#,
                .throttled(reason: "the channel is throttled: 130101 send too fast", pause: .seconds(600))
            ),
            (.dingtalk, #"{"errcode":0,"errmsg":"ok"}"#, .delivered(detail: "HTTP 200")),
            (
                .wecom, #"{"errcode":93000,"errmsg":"invalid webhook url"}"#,
                .failed(reason: "the channel refused the message: 93000 invalid webhook url", retryable: false)
            ),
            (
                .wecom, #"{"errcode":45009,"errmsg":"api freq out of limit"}"#,
                .throttled(reason: "the channel is throttled: 45009 api freq out of limit", pause: .seconds(600))
            ),
            (
                .feishu, #"{"code":19021,"msg":"sign match fail or timestamp is not within one hour"}"#,
                .failed(
                    reason:
                        "the channel refused the message: 19021 sign match fail or timestamp is not within one hour",
                    retryable: false)
            ),
            (.feishu, #"{"code":0,"msg":"success","data":{}}"#, .delivered(detail: "HTTP 200")),
            (.feishu, #"{"StatusCode":0,"StatusMessage":"success"}"#, .delivered(detail: "HTTP 200")),
            (.slack, "no_text", .failed(reason: "Slack refused the message: no_text", retryable: false)),
            (.slack, "ok", .delivered(detail: "HTTP 200")),
        ]
        try await Fixture.withReceiver { server, sender in
            for (type, answer, expected) in cases {
                server.set(.json(answer), for: "/robot")
                let channel = Channel(id: "robot", type: type, url: server.url("/robot"))
                let result = await sender.send(Fixture.delivery(channel))
                #expect(result == expected, "\(type) answering \(answer)")
            }
        }
    }

    @Test func aRobotAnsweringAnHTTPErrorFailsByStatus() async throws {
        try await Fixture.withReceiver(["/robot": .status(503)]) { server, sender in
            let channel = Channel(id: "robot", type: .dingtalk, url: server.url("/robot"))
            #expect(await sender.send(Fixture.delivery(channel)).retryable == true)
        }
    }
}
