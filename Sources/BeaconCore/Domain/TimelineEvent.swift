public import Foundation

/// One entry of an incident's timeline: what happened, when, and who did it.
public struct TimelineEvent: Sendable, Hashable, Codable {
    /// `nil` until stored.
    public var id: Int64?
    public var incidentID: IncidentID
    public var at: Date
    public var kind: TimelineKind
    /// A person's login, or `beacon` for what Beacon did by itself.
    public var actor: String
    /// One sentence for people.
    public var message: String

    /// The actor name for what Beacon does on its own.
    public static let system = "beacon"

    public init(id: Int64? = nil, incidentID: IncidentID, at: Date, kind: TimelineKind, actor: String, message: String)
    {
        self.id = id
        self.incidentID = incidentID
        self.at = at
        self.kind = kind
        self.actor = actor
        self.message = message
    }

    enum CodingKeys: String, CodingKey {
        case id, at, kind, actor, message
        case incidentID = "incident_id"
    }
}

/// What a timeline event records.
public enum TimelineKind: String, CaseIterable, Sendable, Codable, Hashable {
    case opened
    case declared
    case severityRaised = "severity_raised"
    /// A better value was seen; the severity is kept, and the timeline says so.
    case severityEased = "severity_eased"
    case acknowledged
    case mitigated
    case resolved
    case closed
    case note
    /// A playbook run started.
    case playbookStarted = "playbook_started"
    /// A step activated, was done, missed or skipped.
    case step
    /// Layers were paged.
    case paged
    /// A deadline passed unanswered and the next layer was paged.
    case escalated
    /// The decision layer was asked, or answered.
    case approval
    /// A notification attempt and its result.
    case notification
    /// The post-mortem opened, was edited, its owner reminded, or it or a follow-up fell overdue.
    case postMortem = "postmortem"
}
