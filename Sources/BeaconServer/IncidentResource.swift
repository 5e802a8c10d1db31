public import BeaconCore
public import Foundation

/// An incident as the JSON API and `--json` on the command line show it.
public struct IncidentResource: Encodable, Sendable {
    public var id: Int64
    public var title: String
    public var status: IncidentStatus
    public var severity: Severity
    public var peakSeverity: Severity
    public var category: Category
    public var origin: IncidentOrigin
    public var rule: String?
    public var fingerprint: String
    public var labels: [String: String]
    public var value: Double?
    public var threshold: Double?
    public var peakValue: Double?
    public var firstBreachAt: Date?
    public var openedAt: Date
    public var acknowledgedAt: Date?
    public var mitigatedAt: Date?
    public var resolvedAt: Date?
    public var closedAt: Date?
    public var updatedAt: Date
    public var declaredBy: String?
    /// What the person declaring it, or the alert's `description`, says beyond the title.
    public var description: String?
    /// For an Alertmanager incident: the severities of its alerts firing now, highest first.
    public var firingTiers: [Severity]?
    /// Present on a single incident's detail, absent in lists.
    public var timeline: [TimelineEventResource]?

    public init(_ incident: Incident, timeline: [TimelineEvent]? = nil) {
        id = incident.id?.rawValue ?? 0
        title = incident.title
        status = incident.status
        severity = incident.severity
        peakSeverity = incident.peakSeverity
        category = incident.category
        origin = incident.origin
        rule = incident.ruleID?.rawValue
        fingerprint = incident.fingerprint.rawValue
        labels = incident.labels.dictionary
        value = incident.value
        threshold = incident.threshold
        peakValue = incident.peakValue
        firstBreachAt = incident.firstBreachAt
        openedAt = incident.openedAt
        acknowledgedAt = incident.acknowledgedAt
        mitigatedAt = incident.mitigatedAt
        resolvedAt = incident.resolvedAt
        closedAt = incident.closedAt
        updatedAt = incident.updatedAt
        declaredBy = incident.declaredBy
        description = incident.description
        firingTiers = incident.firingTiers
        self.timeline = timeline?.map(TimelineEventResource.init)
    }
}

/// A timeline event as the API shows it.
public struct TimelineEventResource: Encodable, Sendable {
    public var at: Date
    public var kind: TimelineKind
    public var actor: String
    public var message: String

    public init(_ event: TimelineEvent) {
        at = event.at
        kind = event.kind
        actor = event.actor
        message = event.message
    }
}

extension JSONEncoder {
    /// The encoder of every JSON document Beacon prints or serves: snake_case keys, ISO 8601 dates, sorted keys.
    public static var beacon: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return encoder
    }
}
