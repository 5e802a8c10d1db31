import Foundation

/// `wecom`: a WeCom (企业微信) group robot's markdown message.
struct WeComRenderer: ChannelRenderer {
    func request(for delivery: Delivery, at now: Date) throws(UndeliverableError) -> CurlRequest {
        let body = try JSONBody.encode([
            "msgtype": "markdown",
            "markdown": ["content": MessageLinks.markdown(delivery.message)],
        ])
        return CurlRequest(
            url: delivery.channel.url, kind: .post, headers: [CurlRequest.Header("Content-Type", "application/json")],
            body: body, timeout: delivery.channel.timeout)
    }

    /// WeCom answers 200 with `{"errcode":0,"errmsg":"ok"}`; 45009 means over the rate limit.
    func result(of response: CurlResponse) -> DeliveryResult {
        ResponseVerdict.chatRobot(response, codeKeys: ["errcode"], messageKeys: ["errmsg"], retryableCodes: [45009])
    }
}
