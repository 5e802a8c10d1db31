import BeaconCore
import BeaconCurl
import Foundation

/// One kind of channel: turns a delivery into the request that carries it, and reads the channel's answer.
///
/// Every renderer starts from the same ``NotificationMessage`` (subject, text, links), so every channel says the
/// same thing in its own format.
protocol ChannelRenderer: Sendable {
    /// The request that carries `delivery`.
    /// - Parameter now: the send time, for signatures and `sent_at`.
    /// - Throws: `UndeliverableError` when the delivery cannot go over this channel (no e-mail address).
    func request(for delivery: Delivery, at now: Date) throws(UndeliverableError) -> CurlRequest

    /// What the channel's answer means.
    func result(of response: CurlResponse) -> DeliveryResult
}

extension ChannelRenderer {
    func result(of response: CurlResponse) -> DeliveryResult {
        ResponseVerdict.byStatus(response)
    }
}

extension ChannelType {
    /// The renderer for channels of this type.
    var renderer: any ChannelRenderer {
        switch self {
        case .webhook: WebhookRenderer()
        case .slack: SlackRenderer()
        case .dingtalk: DingTalkRenderer()
        case .wecom: WeComRenderer()
        case .feishu: FeishuRenderer()
        case .sms: SMSRenderer()
        case .smtp: MailRenderer()
        }
    }
}
