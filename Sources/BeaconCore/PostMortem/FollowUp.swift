public import Foundation

/// An action the team commits to after an incident, so that it does not happen again.
public struct FollowUp: Sendable, Hashable, Codable {
    /// `nil` until stored.
    public var id: Int64?
    public var incidentID: IncidentID
    public var kind: FollowUpKind
    public var description: String
    public var owner: String
    public var dueAt: Date
    public var status: FollowUpStatus
    /// Why it will not be done, for `wont_do`.
    public var reason: String?
    /// When it was first stored; set by the store.
    public var createdAt: Date?
    /// When it was marked done or won't do; cleared when it is reopened. Set by the store.
    public var closedAt: Date?

    public init(
        id: Int64? = nil, incidentID: IncidentID, kind: FollowUpKind, description: String, owner: String,
        dueAt: Date, status: FollowUpStatus = .open, reason: String? = nil
    ) {
        self.id = id
        self.incidentID = incidentID
        self.kind = kind
        self.description = description
        self.owner = owner
        self.dueAt = dueAt
        self.status = status
        self.reason = reason
    }

    /// Whether it is still open after its due date.
    public func isOverdue(at now: Date) -> Bool { status == .open && dueAt < now }

    enum CodingKeys: String, CodingKey {
        case id, kind, description, owner, status, reason
        case incidentID = "incident_id"
        case dueAt = "due_at"
        case createdAt = "created_at"
        case closedAt = "closed_at"
    }
}

/// What a follow-up changes.
public enum FollowUpKind: String, CaseIterable, Sendable, Codable, Hashable {
    /// The emergency plan or a playbook.
    case plan
    case knowledgeBase = "knowledge_base"
    case training
    case other
}

/// Where a follow-up stands.
public enum FollowUpStatus: String, CaseIterable, Sendable, Codable, Hashable {
    case open, done
    /// Decided against, with a reason.
    case wontDo = "wont_do"
}
