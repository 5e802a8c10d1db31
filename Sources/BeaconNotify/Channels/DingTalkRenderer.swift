import BeaconCore
import Foundation

/// `dingtalk`: a custom robot's markdown message that @mentions the recipient by mobile number; with a
/// secret, signed as DingTalk asks (`timestamp` and `sign` query parameters).
struct DingTalkRenderer: ChannelRenderer {
    func request(for delivery: Delivery, at now: Date) throws(UndeliverableError) -> CurlRequest {
        let message = delivery.message
        let mobile = delivery.recipient.mobile.flatMap { $0.isEmpty ? nil : $0 }
        var text = MessageLinks.markdown(message, lineBreak: "  \n")
        // DingTalk highlights and notifies a mention only when the number also appears in the text.
        if let mobile { text += "\n\n@\(mobile)" }
        let body = try JSONBody.encode([
            "msgtype": "markdown",
            "markdown": ["title": message.subject, "text": text],
            "at": ["atMobiles": mobile.map { [$0] } ?? [], "isAtAll": false],
        ])
        return CurlRequest(
            url: Self.signedURL(delivery.channel, at: now), kind: .post,
            headers: [CurlRequest.Header("Content-Type", "application/json")], body: body,
            timeout: delivery.channel.timeout)
    }

    /// DingTalk answers 200 with `{"errcode":0,"errmsg":"ok"}`; 130101 means sending too fast.
    func result(of response: CurlResponse) -> DeliveryResult {
        ResponseVerdict.chatRobot(response, codeKeys: ["errcode"], messageKeys: ["errmsg"], retryableCodes: [130101])
    }

    /// The robot URL, with `timestamp` (milliseconds) and the URL-encoded `sign` appended when there is a secret.
    static func signedURL(_ channel: Channel, at now: Date) -> String {
        guard let secret = channel.secret, !secret.isEmpty else { return channel.url }
        let timestamp = Int64((now.timeIntervalSince1970 * 1000).rounded())
        let sign = ChannelSignature.dingTalk(timestampMillis: timestamp, secret: secret)
        let encoded = sign.addingPercentEncoding(withAllowedCharacters: .urlQueryValue) ?? sign
        return channel.url + (channel.url.contains("?") ? "&" : "?") + "timestamp=\(timestamp)&sign=\(encoded)"
    }
}

extension CharacterSet {
    /// Unreserved characters only: `+`, `/` and `=` from base64 must be escaped in a query value.
    static let urlQueryValue = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
