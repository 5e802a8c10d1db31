import BeaconCurl
import Foundation

/// `wecom`: a WeCom (企业微信) group robot's message. WeCom rings a phone only for a `text` message's
/// `mentioned_list` (user ids, `wecom_id`) and `mentioned_mobile_list`, so that is what a page is; a message
/// that mentions nobody is markdown.
struct WeComRenderer: ChannelRenderer {
    func request(for delivery: Delivery, at now: Date) throws(UndeliverableError) -> CurlRequest {
        let mentions = Mentions(delivery)
        let ids = mentions.ids(\.wecom)
        let mobiles = mentions.mobiles(unlessID: \.wecom)
        let body =
            ids.isEmpty && mobiles.isEmpty
            ? try JSONBody.encode([
                "msgtype": "markdown",
                "markdown": ["content": MessageLinks.markdown(delivery.message) + "\n\n" + mentions.line],
            ])
            : try JSONBody.encode([
                "msgtype": "text",
                "text": [
                    "content": MessageLinks.plainText(delivery.message) + "\n" + mentions.line,
                    "mentioned_list": ids, "mentioned_mobile_list": mobiles,
                ],
            ])
        return CurlRequest(
            url: delivery.channel.url, kind: .post, headers: [CurlRequest.Header("Content-Type", "application/json")],
            body: body, timeout: delivery.channel.timeout)
    }

    /// WeCom answers 200 with `{"errcode":0,"errmsg":"ok"}`; 45009 means over the rate limit.
    func result(of response: CurlResponse) -> DeliveryResult {
        ResponseVerdict.chatRobot(
            response, codeKeys: ["errcode"], messageKeys: ["errmsg"], throttleCodes: [45009: .seconds(600)])
    }
}
