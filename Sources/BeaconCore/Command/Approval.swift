public import Foundation

/// A question put to the decision layer, and its answer.
public struct Approval: Sendable, Hashable, Codable {
    public enum State: String, Sendable, Codable, Hashable { case pending, approved, rejected, expired }

    public var id: ApprovalID?
    public var incidentID: IncidentID
    public var stepID: StepID
    public var title: String
    public var state: State
    public var requestedAt: Date
    public var expiresAt: Date
    public var answeredBy: String?
    public var answeredAt: Date?
    public var comment: String?

    public init(
        id: ApprovalID? = nil, incidentID: IncidentID, stepID: StepID, title: String, state: State, requestedAt: Date,
        expiresAt: Date, answeredBy: String? = nil, answeredAt: Date? = nil, comment: String? = nil
    ) {
        self.id = id
        self.incidentID = incidentID
        self.stepID = stepID
        self.title = title
        self.state = state
        self.requestedAt = requestedAt
        self.expiresAt = expiresAt
        self.answeredBy = answeredBy
        self.answeredAt = answeredAt
        self.comment = comment
    }

    enum CodingKeys: String, CodingKey {
        case id, title, state, comment
        case incidentID = "incident_id"
        case stepID = "step_id"
        case requestedAt = "requested_at"
        case expiresAt = "expires_at"
        case answeredBy = "answered_by"
        case answeredAt = "answered_at"
    }
}
