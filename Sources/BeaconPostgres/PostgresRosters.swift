public import BeaconCore
public import Foundation
import PostgresNIO

extension PostgresStore {
    /// The rosters' overrides in this store.
    public var rosters: PostgresRosters { PostgresRosters(store: self) }
}

/// Roster overrides in PostgreSQL: the same answers as `SQLiteRosters`, safe with several nodes at once (a removal
/// is one conditional update, so two nodes removing the same override report one removal).
public struct PostgresRosters: RosterRepository {
    let store: PostgresStore

    typealias Row = (Int64, String, String, Date, Date, String, String?, Date)
    static let columns = "id, roster, person, from_at, to_at, created_by, reason, created_at"

    public func overrides(roster: String?, from: Date, to: Date) async throws -> [RosterOverride] {
        let rows = try await store.client.query(
            """
            SELECT \(unescaped: Self.columns) FROM roster_override
            WHERE removed_at IS NULL AND from_at < \(to) AND to_at > \(from)
                AND (\(roster)::text IS NULL OR roster = \(roster))
            ORDER BY from_at, id
            """, logger: store.logger)
        return try await Self.overrides(rows)
    }

    public func addOverride(_ override: RosterOverride) async throws -> RosterOverride {
        let rows = try await store.client.query(
            """
            INSERT INTO roster_override (roster, person, from_at, to_at, created_by, reason, created_at)
            VALUES (\(override.roster), \(override.person.rawValue), \(override.from), \(override.to),
                \(override.createdBy), \(override.reason), \(override.createdAt))
            RETURNING id
            """, logger: store.logger)
        var stored = override
        for try await id in rows.decode(Int64.self) { stored.id = id }
        return stored
    }

    public func removeOverride(_ id: Int64, by actor: String, at now: Date) async throws -> RosterOverride? {
        let rows = try await store.client.query(
            """
            UPDATE roster_override SET removed_at = \(now), removed_by = \(actor)
            WHERE id = \(id) AND removed_at IS NULL
            RETURNING \(unescaped: Self.columns)
            """, logger: store.logger)
        return try await Self.overrides(rows).first
    }

    public func override(_ id: Int64) async throws -> RosterOverride? {
        let rows = try await store.client.query(
            "SELECT \(unescaped: Self.columns) FROM roster_override WHERE id = \(id) AND removed_at IS NULL",
            logger: store.logger)
        return try await Self.overrides(rows).first
    }

    static func overrides(_ rows: PostgresRowSequence) async throws -> [RosterOverride] {
        var overrides: [RosterOverride] = []
        for try await (id, roster, person, from, to, createdBy, reason, createdAt) in rows.decode(Row.self) {
            overrides.append(
                RosterOverride(
                    id: id, roster: roster, person: PersonID(person), from: from, to: to, createdBy: createdBy,
                    reason: reason, createdAt: createdAt))
        }
        return overrides
    }
}
