public import Foundation

/// The review of a resolved incident: who owns it, when it is due, and what the team wrote.
public struct PostMortem: Sendable, Hashable, Codable {
    public var incidentID: IncidentID
    /// The layer that writes it: the execution layer by default.
    public var owner: Layer
    public var dueAt: Date
    public var fields: PostMortemFields
    /// The team's comments, one per finding; the computed verdicts are never stored, so never overwritten.
    public var comments: [FindingKind: String]
    /// Why no follow-up is needed, instead of at least one follow-up.
    public var noActionReason: String?
    public var createdAt: Date
    public var updatedAt: Date

    /// Working days between resolution and the due date, unless configured otherwise.
    public static let defaultWorkingDays = 5

    public init(
        incidentID: IncidentID, owner: Layer = .execution, dueAt: Date, fields: PostMortemFields = .init(),
        comments: [FindingKind: String] = [:], noActionReason: String? = nil, createdAt: Date
    ) {
        self.incidentID = incidentID
        self.owner = owner
        self.dueAt = dueAt
        self.fields = fields
        self.comments = comments
        self.noActionReason = noActionReason
        self.createdAt = createdAt
        self.updatedAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case owner, fields, comments
        case incidentID = "incident_id"
        case dueAt = "due_at"
        case noActionReason = "no_action_reason"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    /// What still keeps the incident from closing; empty when it may close.
    public func missingForClose(followUps: [FollowUp]) -> [CloseNeed] {
        var missing: [CloseNeed] = []
        if fields.rootCause.isBlank { missing.append(.rootCause) }
        if followUps.isEmpty && noActionReason.isBlank { missing.append(.followUpOrReason) }
        return missing
    }
}

/// What a post-mortem must hold before its incident may close.
///
/// In JSON it is the English phrase (`a root cause`), as the API has always said it.
public enum CloseNeed: String, Sendable, Hashable, CaseIterable, Codable {
    case rootCause = "root_cause"
    /// At least one follow-up, or a reason why none is needed.
    case followUpOrReason = "follow_up_or_reason"

    /// The phrase in `words`' language.
    public func text(in words: Localizer) -> String { words("close.\(rawValue)") }

    /// The phrases of `needs` joined with "and" in `words`' language.
    public static func list(_ needs: [CloseNeed], in words: Localizer) -> String {
        needs.map { $0.text(in: words) }.joined(separator: words("list.and"))
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let need = Self.allCases.first(where: { $0.rawValue == text || $0.text(in: .english) == text }) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: text))
        }
        self = need
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text(in: .english))
    }
}

/// What the team writes in a post-mortem; everything else is computed from the record.
public struct PostMortemFields: Sendable, Hashable, Codable {
    public var rootCause: String?
    /// What set it off, as opposed to why it could happen.
    public var trigger: String?
    public var ordersAffected: Int?
    public var usersAffected: Int?
    public var revenueAtRisk: Double?

    public init(
        rootCause: String? = nil, trigger: String? = nil, ordersAffected: Int? = nil, usersAffected: Int? = nil,
        revenueAtRisk: Double? = nil
    ) {
        self.rootCause = rootCause
        self.trigger = trigger
        self.ordersAffected = ordersAffected
        self.usersAffected = usersAffected
        self.revenueAtRisk = revenueAtRisk
    }

    enum CodingKeys: String, CodingKey {
        case trigger
        case rootCause = "root_cause"
        case ordersAffected = "orders_affected"
        case usersAffected = "users_affected"
        case revenueAtRisk = "revenue_at_risk"
    }
}

extension Optional where Wrapped == String {
    /// Whether there is no text worth reading.
    var isBlank: Bool { (self ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
}
