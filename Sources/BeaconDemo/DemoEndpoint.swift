import BeaconCore
import Foundation

/// One URL the demo platform serves, as the shipped `Alerts/` poll it.
public enum DemoEndpoint: String, CaseIterable, Sendable, Hashable {
    /// Prometheus text: payment, order and customer-service gauges.
    case metrics = "/metrics"
    /// The checkout service's health, `{"status": "ok", "up": 1}`.
    case checkoutHealth = "/healthz"
    /// The customer-service desk's health, `{"status": "ok", "up": 1}`.
    case deskHealth = "/cs/healthz"
    /// Negative mentions and the hot-search list.
    case sentiment = "/sentiment.json"
    /// Complaints per product today.
    case complaints = "/complaints.json"
    /// The refund-request rate over the last hour.
    case refunds = "/refunds.json"

    /// The URL path, `/metrics`.
    public var path: String { rawValue }

    /// The endpoint serving `path`, if any.
    public init?(path: String) {
        self.init(rawValue: path)
    }

    public var contentType: String {
        self == .metrics ? "text/plain; version=0.0.4; charset=utf-8" : "application/json"
    }

    /// The body this endpoint serves for `metrics`.
    public func body(_ metrics: DemoMetrics) -> String {
        switch self {
        case .metrics: Self.prometheus(metrics)
        case .checkoutHealth: Self.json(Health(up: metrics.checkoutUp))
        case .deskHealth: Self.json(Health(up: metrics.csDeskUp))
        case .sentiment:
            Self.json(
                Sentiment(
                    negativeMentions: metrics.negativeMentions,
                    trending: metrics.trending.enumerated().map { Topic(rank: $0.offset + 1, title: $0.element) }))
        case .complaints: Self.json(Complaints(date: metrics.complaintsDate, items: metrics.complaints))
        case .refunds:
            Self.json(
                Refunds(
                    orders: metrics.refundOrders, refundRequests: metrics.refundRequests,
                    refundRequestRate: metrics.refundRequestRate))
        }
    }

    private static func prometheus(_ metrics: DemoMetrics) -> String {
        let gauges: [(String, String, Double)] = [
            (
                "payment_success_rate", "Successful ÷ attempted payments over the last 5 minutes.",
                metrics.paymentSuccessRate
            ),
            (
                "order_submit_failure_rate", "Failed ÷ attempted order submissions over the last 5 minutes.",
                metrics.orderSubmitFailureRate
            ),
            ("cs_inbound_volume", "Contacts received in the last rolling hour.", Double(metrics.csInboundVolume)),
            ("cs_queue_wait_seconds", "Average wait of the customers now queued.", metrics.csQueueWaitSeconds),
            (
                "cs_first_response_seconds", "Average time to the first human reply over the last 15 minutes.",
                metrics.csFirstResponseSeconds
            ),
            ("cs_unanswered_backlog", "Conversations waiting for a human reply.", Double(metrics.csUnansweredBacklog)),
            (
                "cs_satisfaction_ratio", "Satisfied ÷ rated conversations over the last 24 hours.",
                metrics.csSatisfactionRatio
            ),
            ("cs_complaint_rate", "Complaints ÷ conversations over the last rolling hour.", metrics.csComplaintRate),
        ]
        return gauges.map { name, help, value in
            "# HELP \(name) \(help)\n# TYPE \(name) gauge\n\(name) \(value.formatted(maxFractionDigits: 6))\n"
        }.joined()
    }

    private static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        // Encoding these plain structs cannot fail; an empty object keeps the signature simple if it ever did.
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private struct Health: Encodable {
        var status: String
        var up: Int
        init(up: Bool) {
            status = up ? "ok" : "down"
            self.up = up ? 1 : 0
        }
    }

    private struct Topic: Encodable {
        var rank: Int
        var title: String
    }

    private struct Sentiment: Encodable {
        var negativeMentions: Int
        var trending: [Topic]
    }

    private struct Complaints: Encodable {
        var date: String
        var items: [ProductComplaints]
    }

    private struct Refunds: Encodable {
        var period = "1h"
        var orders: Int
        var refundRequests: Int
        var refundRequestRate: Double
    }
}
