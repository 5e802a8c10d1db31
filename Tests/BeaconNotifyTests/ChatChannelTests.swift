import BeaconCore
import BeaconTestSupport
import Crypto
import Foundation
import Testing

@testable import BeaconNotify

@Suite struct ChatChannelTests {
    @Test func slackGetsBoldSubjectTextAndLink() async throws {
        var message = Fixture.page
        message.text = "Refunds <pending> & rising"
        try await Fixture.withReceiver { server, sender in
            let channel = Channel(id: "slack", type: .slack, url: server.url("/slack"))
            #expect(await sender.send(Fixture.delivery(channel, message: message)) == .delivered(detail: "HTTP 200"))
            let request = try #require(server.requests(to: "/slack").first)
            #expect(request.header("Content-Type") == "application/json")
            let body = try request.json
            #expect(body.count == 1)
            #expect(
                body["text"] as? String == """
                    *[sev2] #12 Payment success rate below 90%*
                    Refunds &lt;pending&gt; &amp; rising
                    <http://127.0.0.1:8080/incidents/12|Open incident #12>
                    """)
        }
    }

    @Test func slackApprovalsLinkBothDecisions() async throws {
        try await Fixture.withReceiver { server, sender in
            let channel = Channel(id: "slack", type: .slack, url: server.url("/slack"))
            #expect(await sender.send(Fixture.delivery(channel, message: Fixture.approvalRequest)).isDelivered)
            let text = try #require(try server.requests(to: "/slack").first?.json["text"] as? String)
            #expect(text.contains("<http://127.0.0.1:8080/approvals/7/approve?token=a1b2|Approve>"))
            #expect(text.contains("<http://127.0.0.1:8080/approvals/7/reject?token=a1b2|Reject>"))
        }
    }

    @Test func dingTalkMentionsTheRecipientAndSignsTheURL() async throws {
        let secret = "SEC0123456789abcdef"
        try await Fixture.withReceiver { server, sender in
            let channel = Channel(
                id: "ops-group", type: .dingtalk, url: server.url("/robot/send?access_token=abc"), secret: secret)
            #expect(await sender.send(Fixture.delivery(channel)) == .delivered(detail: "HTTP 200"))
            let request = try #require(server.requests(to: "/robot/send").first)

            let query = Self.queryItems(request.query)
            #expect(query["access_token"] == "abc")
            #expect(query["timestamp"] == "1777888800000")
            let expected = HMAC<SHA256>.authenticationCode(
                for: Array("1777888800000\n\(secret)".utf8), using: SymmetricKey(data: Array(secret.utf8)))
            #expect(query["sign"] == Data(expected).base64EncodedString())

            let body = try request.json
            #expect(body["msgtype"] as? String == "markdown")
            let markdown = try #require(body["markdown"] as? [String: Any])
            #expect(markdown["title"] as? String == "[sev2] #12 Payment success rate below 90%")
            let text = try #require(markdown["text"] as? String)
            #expect(text.hasPrefix("**[sev2] #12 Payment success rate below 90%**\n\n"))
            #expect(text.contains("Payment success rate is 0.87, below 0.9 (sev2 major).  \nAcknowledge within 5m"))
            #expect(text.contains("[Open incident #12](http://127.0.0.1:8080/incidents/12)"))
            #expect(text.hasSuffix("\n\n@13800000000"))
            let at = try #require(body["at"] as? [String: Any])
            #expect(at["atMobiles"] as? [String] == ["13800000000"])
            #expect(at["isAtAll"] as? Bool == false)
        }
    }

    @Test func dingTalkWithoutSecretOrMobileSendsPlainly() async throws {
        var recipient = Fixture.zhangMin
        recipient.mobile = nil
        try await Fixture.withReceiver { server, sender in
            let channel = Channel(id: "ops-group", type: .dingtalk, url: server.url("/robot/send"))
            #expect(await sender.send(Fixture.delivery(channel, to: recipient)).isDelivered)
            let request = try #require(server.requests(to: "/robot/send").first)
            #expect(request.query == nil)
            let body = try request.json
            #expect((body["at"] as? [String: Any])?["atMobiles"] as? [String] == [])
            #expect(((body["markdown"] as? [String: Any])?["text"] as? String)?.contains("@") == false)
        }
    }

    @Test func weComMentionsThePeopleItPagesByMobile() async throws {
        try await Fixture.withReceiver { server, sender in
            let channel = Channel(id: "wecom", type: .wecom, url: server.url("/cgi-bin/webhook/send"))
            #expect(await sender.send(Fixture.delivery(channel, message: Fixture.approvalRequest)).isDelivered)
            let body = try #require(server.requests(to: "/cgi-bin/webhook/send").first).json
            #expect(body["msgtype"] as? String == "text", "WeCom rings a phone only for a text message's mentions")
            let text = try #require(body["text"] as? [String: Any])
            #expect(text["mentioned_mobile_list"] as? [String] == ["13800000000"])
            let content = try #require(text["content"] as? String)
            #expect(content.hasPrefix("[sev2] #12 Approve compensation for affected orders\n\n"))
            #expect(content.contains("Open incident #12: http://127.0.0.1:8080/incidents/12"))
            #expect(content.contains("Approve: http://127.0.0.1:8080/approvals/7/approve?token=a1b2"))
            #expect(content.hasSuffix("For: Zhang Min (operation)"))
        }
    }

    @Test func oneGroupMessageMentionsEveryoneItPagesOnEachPlatform() async throws {
        var wang = Fixture.zhangMin
        wang.name = "Wang Lei"
        wang.login = "wanglei"
        wang.mobile = "13900000000"
        wang.layer = .execution
        wang.chatIDs = ChatIDs(dingtalk: "dt-wang", wecom: "wc-wang", feishu: "ou_wang")
        var message = Fixture.page
        message.mentions = [Fixture.zhangMin, wang]
        try await Fixture.withReceiver { server, sender in
            for type in [ChannelType.dingtalk, .wecom, .feishu] {
                let channel = Channel(id: type.rawValue, type: type, url: server.url("/\(type.rawValue)"))
                #expect(await sender.send(Fixture.delivery(channel, message: message)).isDelivered)
            }
            let dingtalk = try #require(server.requests(to: "/dingtalk").first).json
            let at = try #require(dingtalk["at"] as? [String: Any])
            #expect(at["atMobiles"] as? [String] == ["13800000000"])
            #expect(at["atUserIds"] as? [String] == ["dt-wang"])
            let markdown = try #require((dingtalk["markdown"] as? [String: Any])?["text"] as? String)
            #expect(markdown.contains("For: Zhang Min (operation), Wang Lei (execution)"))
            #expect(markdown.hasSuffix("@13800000000 @dt-wang"))
            let wecom = try #require(try server.requests(to: "/wecom").first?.json["text"] as? [String: Any])
            #expect(wecom["mentioned_list"] as? [String] == ["wc-wang"])
            #expect(wecom["mentioned_mobile_list"] as? [String] == ["13800000000"])
            let feishu = try #require(server.requests(to: "/feishu").first).json
            let text = try #require((feishu["content"] as? [String: Any])?["text"] as? String)
            #expect(text.hasSuffix(#"@Zhang Min <at user_id="ou_wang">Wang Lei</at>"#))
            #expect(server.requests(to: "/dingtalk").count == 1, "one message, not one per person")
        }
    }

    @Test func feishuSignsTheBody() async throws {
        let secret = "SEC0123456789abcdef"
        try await Fixture.withReceiver { server, sender in
            let channel = Channel(
                id: "feishu", type: .feishu, url: server.url("/open-apis/bot/v2/hook/x"), secret: secret)
            #expect(await sender.send(Fixture.delivery(channel)).isDelivered)
            let body = try #require(server.requests(to: "/open-apis/bot/v2/hook/x").first).json
            #expect(body["msg_type"] as? String == "text")
            #expect(body["timestamp"] as? String == "1777888800")
            let expected = HMAC<SHA256>.authenticationCode(
                for: [UInt8](), using: SymmetricKey(data: Array("1777888800\n\(secret)".utf8)))
            #expect(body["sign"] as? String == Data(expected).base64EncodedString())
            // The same value, computed with Python's hmac module.
            #expect(body["sign"] as? String == "1L/XdhoYWe88RwVJDpItF8ZEXpaKAohnTRDi37nPUd4=")
            let text = try #require((body["content"] as? [String: Any])?["text"] as? String)
            #expect(
                text == """
                    [sev2] #12 Payment success rate below 90%

                    \(Fixture.text)

                    Open incident #12: http://127.0.0.1:8080/incidents/12
                    @Zhang Min
                    """)
        }
    }

    @Test func feishuWithoutSecretHasNoSignature() async throws {
        try await Fixture.withReceiver { server, sender in
            let channel = Channel(id: "feishu", type: .feishu, url: server.url("/hook"))
            #expect(await sender.send(Fixture.delivery(channel)).isDelivered)
            let body = try #require(server.requests(to: "/hook").first).json
            #expect(body["sign"] == nil && body["timestamp"] == nil)
        }
    }

    static func queryItems(_ query: String?) -> [String: String] {
        var components = URLComponents()
        components.percentEncodedQuery = query
        return Dictionary(
            (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { first, _ in first })
    }
}
