/// Every value the simulated platform reports at one moment.
public struct DemoMetrics: Sendable, Hashable {
    /// Successful ÷ attempted payments, 0...1 (`payment_success_rate`).
    public var paymentSuccessRate: Double
    /// Failed ÷ attempted order submissions, 0...1 (`order_submit_failure_rate`).
    public var orderSubmitFailureRate: Double
    /// Customer-service contacts in the last rolling hour (`cs_inbound_volume`).
    public var csInboundVolume: Int
    /// Average wait of customers now queued, in seconds (`cs_queue_wait_seconds`).
    public var csQueueWaitSeconds: Double
    /// Average time to the first human reply, in seconds (`cs_first_response_seconds`).
    public var csFirstResponseSeconds: Double
    /// Conversations waiting for a human reply (`cs_unanswered_backlog`).
    public var csUnansweredBacklog: Int
    /// Satisfied ÷ rated conversations, 0...1 (`cs_satisfaction_ratio`).
    public var csSatisfactionRatio: Double
    /// Complaints ÷ conversations, 0...1 (`cs_complaint_rate`).
    public var csComplaintRate: Double
    /// Whether the checkout service's `/healthz` reports up.
    public var checkoutUp: Bool
    /// Whether the customer-service desk's `/cs/healthz` reports up.
    public var csDeskUp: Bool
    /// Negative social-media mentions in the last rolling hour (`negative_mentions`).
    public var negativeMentions: Int
    /// The hot-search list, in rank order.
    public var trending: [String]
    /// Complaints per product since midnight.
    public var complaints: [ProductComplaints]
    /// The day `complaints` counts, `2025-11-25`.
    public var complaintsDate: String
    /// Orders in the last rolling hour.
    public var refundOrders: Int
    /// Refund requests in the last rolling hour.
    public var refundRequests: Int
    /// Refund requests ÷ orders, 0...1 (`refund_request_rate`).
    public var refundRequestRate: Double

    public init(
        paymentSuccessRate: Double, orderSubmitFailureRate: Double, csInboundVolume: Int, csQueueWaitSeconds: Double,
        csFirstResponseSeconds: Double, csUnansweredBacklog: Int, csSatisfactionRatio: Double,
        csComplaintRate: Double, checkoutUp: Bool, csDeskUp: Bool, negativeMentions: Int, trending: [String],
        complaints: [ProductComplaints], complaintsDate: String, refundOrders: Int, refundRequests: Int,
        refundRequestRate: Double
    ) {
        self.paymentSuccessRate = paymentSuccessRate
        self.orderSubmitFailureRate = orderSubmitFailureRate
        self.csInboundVolume = csInboundVolume
        self.csQueueWaitSeconds = csQueueWaitSeconds
        self.csFirstResponseSeconds = csFirstResponseSeconds
        self.csUnansweredBacklog = csUnansweredBacklog
        self.csSatisfactionRatio = csSatisfactionRatio
        self.csComplaintRate = csComplaintRate
        self.checkoutUp = checkoutUp
        self.csDeskUp = csDeskUp
        self.negativeMentions = negativeMentions
        self.trending = trending
        self.complaints = complaints
        self.complaintsDate = complaintsDate
        self.refundOrders = refundOrders
        self.refundRequests = refundRequests
        self.refundRequestRate = refundRequestRate
    }
}
