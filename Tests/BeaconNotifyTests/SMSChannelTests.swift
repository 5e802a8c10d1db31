import BeaconCore
import BeaconTestSupport
import Foundation
import Testing

@testable import BeaconNotify

@Suite struct SMSChannelTests {
    @Test func fillsAJSONTemplateWithEscapedValues() async throws {
        var message = Fixture.page
        message.subject = #"[sev2] #12 "Pay" failing"#
        try await Fixture.withReceiver { server, sender in
            let channel = Channel(
                id: "sms", type: .sms, url: server.url("/sms"), username: "beacon", password: "s3cret",
                body: #"{"to": "{{mobile}}", "content": "{{text}}", "sign": "Beacon"}"#, headers: ["X-Api": "1"])
            #expect(await sender.send(Fixture.delivery(channel, message: message)) == .delivered(detail: "HTTP 200"))
            let request = try #require(server.requests(to: "/sms").first)
            #expect(request.header("Content-Type") == "application/json")
            #expect(request.header("X-Api") == "1")
            #expect(request.header("Authorization") == "Basic " + Data("beacon:s3cret".utf8).base64EncodedString())
            let body = try request.json
            #expect(body["to"] as? String == "13800000000")
            #expect(body["content"] as? String == #"[sev2] #12 "Pay" failing http://127.0.0.1:8080/incidents/12"#)
            #expect(body["sign"] as? String == "Beacon")
        }
    }

    @Test func fillsAFormTemplateWithEncodedValues() async throws {
        try await Fixture.withReceiver { server, sender in
            let channel = Channel(id: "sms", type: .sms, url: server.url("/sms"), body: "to={{mobile}}&msg={{text}}")
            #expect(await sender.send(Fixture.delivery(channel)).isDelivered)
            let request = try #require(server.requests(to: "/sms").first)
            #expect(request.header("Content-Type") == "application/x-www-form-urlencoded")
            var form = URLComponents()
            form.percentEncodedQuery = request.bodyText
            let values = Dictionary(uniqueKeysWithValues: (form.queryItems ?? []).map { ($0.name, $0.value ?? "") })
            #expect(values["to"] == "13800000000")
            #expect(values["msg"] == "[sev2] #12 Payment success rate below 90% http://127.0.0.1:8080/incidents/12")
        }
    }

    @Test func aRecipientWithoutMobileFailsWithoutRetryOrRequest() async throws {
        var recipient = Fixture.zhangMin
        recipient.mobile = nil
        try await Fixture.withReceiver { server, sender in
            let channel = Channel(id: "sms", type: .sms, url: server.url("/sms"), body: "{{mobile}} {{text}}")
            let result = await sender.send(Fixture.delivery(channel, to: recipient))
            #expect(result == .failed(reason: "Zhang Min has no mobile number for channel sms.", retryable: false))
            #expect(server.requestCount("/sms") == 0)
        }
    }

    /// An approval SMS an executive can read on a lock screen: what it is, which incident at which severity, what
    /// is asked, and a short link, all in one segment for a 30-character public_url.
    @Test(arguments: [
        ("Approve compensation for affected orders and the public apology wording", 160),
        ("批准对受影响订单的补偿方案以及公开致歉的措辞 / Approve compensation for affected orders", 70),
    ])
    func anApprovalSMSFitsOneSegmentAndSaysWhatItAsks(title: String, segment: Int) async throws {
        let link = "https://beacon.example.com.cn/a/Ab3dEf6hIj9kLm"  // a public_url of 29 characters
        var message = Fixture.approvalRequest
        message.step?.title = title
        message.approval?.shortURL = link
        try await Fixture.withReceiver { server, sender in
            let channel = Channel(id: "sms", type: .sms, url: server.url("/sms"), body: #"{"text": "{{text}}"}"#)
            #expect(await sender.send(Fixture.delivery(channel, message: message)).isDelivered)
            let text = try #require(try server.requests(to: "/sms").first?.json["text"] as? String)
            #expect(text.hasPrefix("Approval sev2 #12: "), "\(text)")
            #expect(text.hasSuffix(" " + link), "the link is never cut")
            let gsm = SMSText.isGSM7(text)
            #expect(SMSText.length(text, gsm: gsm) <= segment, "\(text)")
            #expect(SMSText.length(text, gsm: gsm) <= (gsm ? 160 : 70), "one segment")
        }
    }
}
