import BeaconCore
import BeaconCurl
import Foundation

/// `dingtalk`: a custom robot's markdown message that @mentions everyone it pages, by DingTalk user id
/// (`dingtalk_id`) or mobile number; with a
/// secret, signed as DingTalk asks (`timestamp` and `sign` query parameters).
struct DingTalkRenderer: ChannelRenderer {
    func request(for delivery: Delivery, at now: Date) throws(UndeliverableError) -> CurlRequest {
        let message = delivery.message
        let mentions = Mentions(delivery)
        let mobiles = mentions.mobiles(unlessID: \.dingtalk)
        let userIDs = mentions.ids(\.dingtalk)
        var text = MessageLinks.markdown(message, lineBreak: "  \n") + "\n\n" + mentions.line
        // DingTalk highlights and notifies a mention only when the number or id also appears in the text.
        let tags = (mobiles + userIDs).map { "@\($0)" }
        if !tags.isEmpty { text += "\n\n" + tags.joined(separator: " ") }
        let body = try JSONBody.encode([
            "msgtype": "markdown",
            "markdown": ["title": message.subject, "text": text],
            "at": ["atMobiles": mobiles, "atUserIds": userIDs, "isAtAll": false],
        ])
        return CurlRequest(
            url: Self.signedURL(delivery.channel, at: now), kind: .post,
            headers: [CurlRequest.Header("Content-Type", "application/json")], body: body,
            timeout: delivery.channel.timeout)
    }

    /// DingTalk answers 200 with `{"errcode":0,"errmsg":"ok"}`; 130101 means sending too fast.
    func result(of response: CurlResponse) -> DeliveryResult {
        ResponseVerdict.chatRobot(
            response, codeKeys: ["errcode"], messageKeys: ["errmsg"], throttleCodes: [130101: .seconds(600)])
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
