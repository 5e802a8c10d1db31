import Foundation

/// The JSON form of the editable document, the body `PUT /api/incidents/{id}/postmortem` takes: every key
/// written, `null` for what is empty, due days as `YYYY-MM-DD`.
extension PostMortemUpdate: Encodable {
    enum Key: String, CodingKey {
        case trigger, impact, comments, id, kind, description, owner, due, status, reason
        case rootCause = "root_cause"
        case noActionReason = "no_action_reason"
        case followUps = "follow_ups"
        case ordersAffected = "orders_affected"
        case usersAffected = "users_affected"
        case revenueAtRisk = "revenue_at_risk"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(fields.rootCause, forKey: .rootCause)
        try container.encode(fields.trigger, forKey: .trigger)
        var impact = container.nestedContainer(keyedBy: Key.self, forKey: .impact)
        try impact.encode(fields.ordersAffected, forKey: .ordersAffected)
        try impact.encode(fields.usersAffected, forKey: .usersAffected)
        try impact.encode(fields.revenueAtRisk, forKey: .revenueAtRisk)
        var written: [String: String?] = [:]
        for kind in FindingKind.allCases { written[kind.rawValue] = .some(comments[kind]) }
        try container.encode(written, forKey: .comments)
        try container.encode(noActionReason, forKey: .noActionReason)
        var list = container.nestedUnkeyedContainer(forKey: .followUps)
        for item in followUps {
            var entry = list.nestedContainer(keyedBy: Key.self)
            try entry.encode(item.id, forKey: .id)
            try entry.encode(item.kind, forKey: .kind)
            try entry.encode(item.description, forKey: .description)
            try entry.encode(item.owner, forKey: .owner)
            try entry.encode(DueDay.text(item.dueAt), forKey: .due)
            try entry.encode(item.status, forKey: .status)
            try entry.encode(item.reason, forKey: .reason)
        }
    }
}
