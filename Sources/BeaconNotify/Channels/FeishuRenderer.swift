import BeaconCurl
import Foundation

/// `feishu`: a Feishu (Lark) custom bot's text message that @mentions everyone it pages with a `feishu_id`; with a
/// secret, signed in the body as Feishu asks
/// (`timestamp` in seconds and `sign`).
struct FeishuRenderer: ChannelRenderer {
    func request(for delivery: Delivery, at now: Date) throws(UndeliverableError) -> CurlRequest {
        // Feishu mentions by user id only (`feishu_id`); a person without one is named in plain text.
        let mentions = Mentions(delivery).people.map { person in
            person.chatIDs?.feishu.map { #"<at user_id="\#($0)">\#(person.name)</at>"# } ?? "@\(person.name)"
        }
        var object: [String: Any] = [
            "msg_type": "text",
            "content": ["text": MessageLinks.plainText(delivery.message) + "\n" + mentions.joined(separator: " ")],
        ]
        if let secret = delivery.channel.secret, !secret.isEmpty {
            let timestamp = Int64(now.timeIntervalSince1970.rounded(.down))
            object["timestamp"] = String(timestamp)
            object["sign"] = ChannelSignature.feishu(timestampSeconds: timestamp, secret: secret)
        }
        return CurlRequest(
            url: delivery.channel.url, kind: .post, headers: [CurlRequest.Header("Content-Type", "application/json")],
            body: try JSONBody.encode(object), timeout: delivery.channel.timeout)
    }

    /// Feishu answers 200 with `{"code":0,"msg":"success"}` (older bots: `StatusCode`/`StatusMessage`).
    func result(of response: CurlResponse) -> DeliveryResult {
        ResponseVerdict.chatRobot(
            response, codeKeys: ["code", "StatusCode"], messageKeys: ["msg", "StatusMessage"])
    }
}
