public import BeaconCore
public import Foundation
import PostgresNIO

extension PostgresStore {
    /// The incidents of this store, for those who read them.
    public var incidents: PostgresIncidents { PostgresIncidents(store: self) }
}

/// Incidents in PostgreSQL, read: the same answers as the SQLite store's.
public struct PostgresIncidents: IncidentRepository {
    let store: PostgresStore

    private var logger: Logger { store.logger }

    public func incident(_ id: IncidentID) async throws -> Incident? {
        try await fetch(Incident.self, "SELECT * FROM incident WHERE id = \(id.rawValue)").first
    }

    public func incidents(_ ids: [IncidentID]) async throws -> [IncidentID: Incident] {
        guard !ids.isEmpty else { return [:] }
        let found = try await fetch(Incident.self, "SELECT * FROM incident WHERE id = ANY(\(ids.map(\.rawValue)))")
        return Dictionary(found.compactMap { incident in incident.id.map { ($0, incident) } }) { first, _ in first }
    }

    public func incidents(statuses: [IncidentStatus], since: Date?, limit: Int) async throws -> [Incident] {
        try await fetch(
            Incident.self,
            """
            SELECT * FROM incident
            WHERE (cardinality(\(statuses.map(\.rawValue))::text[]) = 0 OR status = ANY(\(statuses.map(\.rawValue))))
              AND (\(since)::timestamptz IS NULL OR opened_at >= \(since))
            ORDER BY opened_at DESC, id DESC LIMIT \(limit)
            """)
    }

    public func incidents(matching query: IncidentQuery) async throws -> [Incident] {
        var conditions: [String] = []
        var bindings = PostgresBindings()
        func bind(_ column: PostgresColumn) -> String {
            column.bind(into: &bindings)
            return column.placeholder(bindings.count)
        }
        if !query.statuses.isEmpty {
            conditions.append("status IN (\(query.statuses.map { bind(.text($0.rawValue)) }.joined(separator: ", ")))")
        }
        if let since = query.since { conditions.append("opened_at >= \(bind(.time(since)))") }
        if let before = query.before { conditions.append("id < \(bind(.integer(before.rawValue)))") }
        if !query.severities.isEmpty {
            conditions.append(
                "severity IN (\(query.severities.map { bind(.text($0.rawValue)) }.joined(separator: ", ")))")
        }
        if !query.categories.isEmpty {
            conditions.append(
                "category IN (\(query.categories.map { bind(.text($0.rawValue)) }.joined(separator: ", ")))")
        }
        for word in query.text.split(whereSeparator: \.isWhitespace) {
            // ILIKE with an escape character, so `%` and `_` typed by a person match themselves.
            conditions.append("title ILIKE \(bind(.text("%" + Self.likeEscaped(String(word)) + "%"))) ESCAPE '\\'")
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let order = query.byNumber ? "id DESC" : "opened_at DESC, id DESC"
        let sql = "SELECT * FROM incident \(filter) ORDER BY \(order) LIMIT \(bind(.integer(Int64(query.limit))))"
        return try await fetch(Incident.self, PostgresQuery(unsafeSQL: sql, binds: bindings))
    }

    public func activeIncidents() async throws -> [Incident] {
        try await incidents(statuses: IncidentStatus.active, since: nil, limit: 100_000)
    }

    public func timeline(_ id: IncidentID) async throws -> [TimelineEvent] {
        try await fetch(
            TimelineEvent.self, "SELECT * FROM timeline_event WHERE incident_id = \(id.rawValue) ORDER BY at, id")
    }

    public func runSteps(_ id: IncidentID) async throws -> [RunStep] {
        try await fetch(RunStep.self, "SELECT * FROM run_step WHERE incident_id = \(id.rawValue) ORDER BY position")
    }

    public func deadlines(_ id: IncidentID) async throws -> [Deadline] {
        try await fetch(Deadline.self, "SELECT * FROM deadline WHERE incident_id = \(id.rawValue) ORDER BY due_at, id")
    }

    public func notifications(_ id: IncidentID) async throws -> [OutboxEntry] {
        try await fetch(OutboxEntry.self, "SELECT * FROM notification WHERE incident_id = \(id.rawValue) ORDER BY id")
    }

    public func acknowledgers(_ ids: [IncidentID]) async throws -> [IncidentID: String] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await store.client.query(
            """
            SELECT incident_id, actor FROM timeline_event
            WHERE incident_id = ANY(\(ids.map(\.rawValue))) AND kind = \(TimelineKind.acknowledged.rawValue)
            ORDER BY at, id
            """, logger: logger)
        var actors: [IncidentID: String] = [:]
        for try await (id, actor) in rows.decode((Int64, String).self) { actors[IncidentID(id)] = actor }
        return actors
    }

    public func approvals(_ id: IncidentID) async throws -> [Approval] {
        try await fetch(Approval.self, "SELECT * FROM approval WHERE incident_id = \(id.rawValue) ORDER BY id")
    }

    public func approval(_ id: ApprovalID) async throws -> Approval? {
        try await fetch(Approval.self, "SELECT * FROM approval WHERE id = \(id.rawValue)").first
    }

    public func pendingApprovals() async throws -> [Approval] {
        try await fetch(Approval.self, "SELECT * FROM approval WHERE state = 'pending' ORDER BY id")
    }

    public func answeredApprovals(limit: Int) async throws -> [Approval] {
        try await fetch(
            Approval.self,
            """
            SELECT * FROM approval WHERE state IN ('approved', 'rejected')
            ORDER BY answered_at DESC, id DESC LIMIT \(limit)
            """)
    }

    public func recentSeries(from: Date, to: Date) async throws -> [SeriesSamples] {
        try await store.samples.recentSeries(from: from, to: to)
    }

    public func samples(rule: RuleID, labels: Labels, from: Date, to: Date) async throws -> [Sample] {
        try await store.samples.samples(rule: rule, labels: labels, from: from, to: to)
    }

    private func fetch<T: Decodable>(_ type: T.Type, _ query: PostgresQuery) async throws -> [T] {
        try await store.fetch(type, query)
    }

    private static func likeEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}

extension PostgresStore {
    /// Every row `query` returns, decoded as `type`.
    func fetch<T: Decodable>(_ type: T.Type, _ query: PostgresQuery) async throws -> [T] {
        try await PostgresStore.fetch(type, query, on: client, logger: logger)
    }

    static func fetch<T: Decodable>(
        _ type: T.Type, _ query: PostgresQuery, on client: PostgresClient, logger: Logger
    ) async throws -> [T] {
        var values: [T] = []
        for try await row in try await client.query(query, logger: logger) {
            values.append(try PostgresRecord.decode(type, from: row))
        }
        return values
    }

    /// Every row `query` returns in a transaction, decoded as `type`.
    static func fetch<T: Decodable>(
        _ type: T.Type, _ query: PostgresQuery, on connection: PostgresConnection, logger: Logger
    ) async throws -> [T] {
        var values: [T] = []
        for try await row in try await connection.query(query, logger: logger) {
            values.append(try PostgresRecord.decode(type, from: row))
        }
        return values
    }
}
