/// The kind of emergency, following the plan's indicator groups and scenarios.
public enum Category: String, CaseIterable, Sendable, Codable, Hashable {
    /// Inbound volume and queue wait (流量).
    case traffic
    /// Payments, orders, endpoint health (系统).
    case system
    /// Public opinion: negative mentions, trending topics (舆情).
    case sentiment
    /// Product complaints and refund requests (投诉).
    case complaint
    /// The customer-service desk: wait, backlog, satisfaction (客服).
    case service
    /// Special events such as a disaster delaying logistics (特殊事件).
    case logistics
    /// Data-security incidents such as a leak of customer data.
    case security
}
