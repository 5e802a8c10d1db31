public import Foundation

/// A question put to the decision layer during an incident, as a post-mortem tells it.
public struct PostMortemApproval: Sendable, Hashable, Codable {
    public var title: String
    public var outcome: Outcome
    public var requestedAt: Date
    public var answeredBy: String?
    public var answeredAt: Date?

    /// How the question ended.
    public enum Outcome: String, CaseIterable, Sendable, Codable, Hashable { case pending, approved, rejected, expired }

    public init(title: String, outcome: Outcome, requestedAt: Date, answeredBy: String?, answeredAt: Date?) {
        self.title = title
        self.outcome = outcome
        self.requestedAt = requestedAt
        self.answeredBy = answeredBy
        self.answeredAt = answeredAt
    }
}
