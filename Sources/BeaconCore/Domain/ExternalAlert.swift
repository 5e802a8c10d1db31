public import Foundation

/// An alert from another monitoring system (Prometheus Alertmanager), to run through Beacon's command chain.
public struct ExternalAlert: Sendable, Hashable {
    /// Identifies the alert across its firing and resolved notices.
    public var fingerprint: String
    public var title: String
    public var category: Category
    public var severity: Severity
    public var labels: Labels
    public var firing: Bool
    public var startsAt: Date?
    /// The alert's `description` annotation.
    public var description: String?
    /// The alert's `value` annotation, when it is a number.
    public var value: Double?

    public init(
        fingerprint: String, title: String, category: Category, severity: Severity, labels: Labels, firing: Bool,
        startsAt: Date?, description: String? = nil, value: Double? = nil
    ) {
        self.description = description
        self.value = value
        self.fingerprint = fingerprint
        self.title = title
        self.category = category
        self.severity = severity
        self.labels = labels
        self.firing = firing
        self.startsAt = startsAt
    }
}

extension Severity {
    /// The severity a `severity` label names: `critical` → sev1, `major`/`error` → sev2, `warning` → sev3,
    /// `info`/`minor` → sev4; `sev1`…`sev4` and `p1`…`p4` as written; anything else sev3.
    public init(label: String?) {
        switch label?.lowercased() {
        case "critical", "page", "sev1", "p1", "disaster": self = .sev1
        case "major", "error", "high", "sev2", "p2": self = .sev2
        case "info", "minor", "low", "sev4", "p4", "none": self = .sev4
        default: self = .sev3
        }
    }
}
