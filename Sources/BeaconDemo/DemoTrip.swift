public import BeaconCore

/// A breach a demo phase causes: a shipped rule, the severity it reaches, and the series (for per-item rules).
public struct DemoTrip: Sendable, Hashable, CustomStringConvertible {
    /// The rule's id in `Alerts/` (`payment-success-rate`).
    public var ruleID: String
    public var severity: Severity
    /// The series label's value for rules with one series per item (`A17`), else `nil`.
    public var series: String?

    public init(ruleID: String, severity: Severity, series: String? = nil) {
        self.ruleID = ruleID
        self.severity = severity
        self.series = series
    }

    /// `payment-success-rate sev2`, `product-complaints-daily[A17] sev3`.
    public var description: String {
        "\(ruleID)\(series.map { "[\($0)]" } ?? "") \(severity.rawValue)"
    }
}
