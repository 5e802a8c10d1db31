import BeaconCore
import BeaconNotify
import BeaconTestSupport
import Foundation
import Testing

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
}
