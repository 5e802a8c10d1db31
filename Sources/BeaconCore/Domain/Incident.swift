public import Foundation

/// An opened breach or a declared event, with its severity, status and the values that made it.
public struct Incident: Sendable, Hashable, Codable {
    /// `nil` until stored.
    public var id: IncidentID?
    public var fingerprint: Fingerprint
    /// The rule that opened it; `nil` for a declared incident.
    public var ruleID: RuleID?
    public var title: String
    public var category: Category
    public var severity: Severity
    /// The worst severity it reached; never lowered.
    public var peakSeverity: Severity
    public var status: IncidentStatus
    public var origin: IncidentOrigin
    public var labels: Labels
    /// The latest observed value, and the level of the current severity it is compared with.
    public var value: Double?
    public var threshold: Double?
    /// The worst value observed.
    public var peakValue: Double?
    /// When the breach began (before `for` elapsed and the incident opened).
    public var firstBreachAt: Date?
    public var openedAt: Date
    public var acknowledgedAt: Date?
    public var mitigatedAt: Date?
    public var resolvedAt: Date?
    public var closedAt: Date?
    public var updatedAt: Date
    /// Who declared it, for a declared incident.
    public var declaredBy: String?
    /// What a person declaring it, or an alert's `description`, says of it beyond the title.
    public var description: String?
    /// For an incident from Alertmanager: the severities of its alerts that are firing now (one alert per tier,
    /// `severity: warning` and `critical` of the same alert), highest first.
    public var firingTiers: [Severity]?

    public init(
        id: IncidentID? = nil, fingerprint: Fingerprint, ruleID: RuleID?, title: String, category: Category,
        severity: Severity, status: IncidentStatus = .open, origin: IncidentOrigin, labels: Labels = Labels(),
        value: Double? = nil, threshold: Double? = nil, firstBreachAt: Date? = nil, openedAt: Date,
        declaredBy: String? = nil, description: String? = nil
    ) {
        self.description = description
        self.id = id
        self.fingerprint = fingerprint
        self.ruleID = ruleID
        self.title = title
        self.category = category
        self.severity = severity
        self.peakSeverity = severity
        self.status = status
        self.origin = origin
        self.labels = labels
        self.value = value
        self.threshold = threshold
        self.peakValue = value
        self.firstBreachAt = firstBreachAt
        self.openedAt = openedAt
        self.updatedAt = openedAt
        self.declaredBy = declaredBy
    }

    enum CodingKeys: String, CodingKey {
        case id, fingerprint, title, category, severity, status, origin, labels, value, threshold
        case ruleID = "rule_id"
        case peakSeverity = "peak_severity"
        case peakValue = "peak_value"
        case firstBreachAt = "first_breach_at"
        case openedAt = "opened_at"
        case acknowledgedAt = "acknowledged_at"
        case mitigatedAt = "mitigated_at"
        case resolvedAt = "resolved_at"
        case closedAt = "closed_at"
        case updatedAt = "updated_at"
        case declaredBy = "declared_by"
        case description
        case firingTiers = "firing_tiers"
    }
}

/// How an incident came to be.
public enum IncidentOrigin: String, CaseIterable, Sendable, Codable, Hashable {
    /// Opened by one of Beacon's rules.
    case rule
    /// Declared by a person.
    case declared
    /// Received from Prometheus Alertmanager.
    case alertmanager
}
