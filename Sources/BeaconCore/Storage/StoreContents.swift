import Foundation

/// Everything a store holds, table by table, ids included: what `beacon store copy` moves from one store to
/// another. The domain's tables travel as domain values; the few that have none (series, sessions, tokens,
/// links, settings) as rows of plain values, times as seconds since 1970.
public struct StoreContents: Sendable {
    public var incidents: [Incident] = []
    public var timeline: [TimelineEvent] = []
    public var steps: [RunStep] = []
    public var deadlines: [Deadline] = []
    public var approvals: [Approval] = []
    public var notifications: [OutboxEntry] = []
    public var users: [User] = []
    public var postMortems: [PostMortem] = []
    public var followUps: [FollowUp] = []
    public var overrides: [RosterOverride] = []
    /// The other tables' rows, by table, each row by column.
    public var rows: [String: [[String: Value]]] = [:]

    public enum Value: Sendable, Hashable {
        case null
        case integer(Int64)
        case double(Double)
        case text(String)
        case bytes([UInt8])
    }

    /// The tables that travel as rows, parents first; with the columns holding a time.
    public static let rowTables: [(table: String, times: Set<String>)] = [
        ("series", []), ("series_sample", []), ("setting", []),
        ("api_token", ["created_at", "last_used_at"]), ("session", ["created_at", "expires_at"]),
        ("approval_link", ["expires_at", "created_at", "used_at"]),
        ("invitation", ["expires_at", "used_at", "created_at"]),
    ]

    public init() {}

    /// How many rows of every table, for what the copy reports.
    public var counts: [String: Int] {
        var counts: [String: Int] = [
            "incident": incidents.count, "timeline_event": timeline.count, "run_step": steps.count,
            "deadline": deadlines.count, "approval": approvals.count, "notification": notifications.count,
            "user": users.count, "post_mortem": postMortems.count, "follow_up": followUps.count,
            "roster_override": overrides.count,
        ]
        for (table, rows) in rows { counts[table] = rows.count }
        return counts
    }
}
