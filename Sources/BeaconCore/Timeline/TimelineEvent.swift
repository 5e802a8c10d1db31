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
    /// What happened, typed; told in a language by `TimelineText`.
    public var fact: TimelineFact

    /// The actor name for what Beacon does on its own.
    public static let system = "beacon"

    public init(id: Int64? = nil, incidentID: IncidentID, at: Date, actor: String, fact: TimelineFact) {
        self.id = id
        self.incidentID = incidentID
        self.at = at
        self.kind = fact.kind
        self.actor = actor
        self.fact = fact
    }

    /// An event told only as text, as events were stored before they were typed.
    public init(id: Int64? = nil, incidentID: IncidentID, at: Date, kind: TimelineKind, actor: String, message: String)
    {
        self.init(id: id, incidentID: incidentID, at: at, actor: actor, fact: .text(message))
        self.kind = kind
    }

    /// The event in one English sentence.
    public var message: String { TimelineText.english.sentence(fact) }

    enum CodingKeys: String, CodingKey {
        case id, at, kind, actor, message, fact
        case incidentID = "incident_id"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(Int64.self, forKey: .id)
        incidentID = try container.decode(IncidentID.self, forKey: .incidentID)
        at = try container.decode(Date.self, forKey: .at)
        kind = try container.decode(TimelineKind.self, forKey: .kind)
        actor = try container.decode(String.self, forKey: .actor)
        // Rows written before facts were typed have only their sentence.
        fact =
            try container.decodeIfPresent(TimelineFact.self, forKey: .fact)
            ?? .text(try container.decode(String.self, forKey: .message))
    }

    /// Encodes the fact, and the English sentence beside it for readers of the raw rows.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encode(incidentID, forKey: .incidentID)
        try container.encode(at, forKey: .at)
        try container.encode(kind, forKey: .kind)
        try container.encode(actor, forKey: .actor)
        try container.encode(message, forKey: .message)
        if case .text = fact {} else { try container.encode(fact, forKey: .fact) }
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
    /// The decision layer told the others what to do: it meets `instruct_within`.
    case instruction
    /// A notification attempt and its result.
    case notification
    /// The post-mortem opened, was edited, its owner reminded, or it or a follow-up fell overdue.
    case postMortem = "postmortem"
}
