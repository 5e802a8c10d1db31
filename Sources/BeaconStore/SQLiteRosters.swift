public import BeaconCore
public import Foundation
import GRDB

extension RosterOverride: StoredValue {
    static let tableName = "roster_override"

    mutating func didInsert(rowID: Int64) { id = rowID }
}

extension BeaconStore {
    /// The rosters' overrides in this store.
    public var rosters: SQLiteRosters { SQLiteRosters(store: self) }
}

/// Roster overrides in SQLite.
public struct SQLiteRosters: RosterRepository {
    let store: BeaconStore

    public func overrides(roster: String?, from: Date, to: Date) async throws -> [RosterOverride] {
        try await store.writer.read { db in
            var query = RosterOverride.filter(
                sql: "removed_at IS NULL AND from_at < ? AND to_at > ?",
                arguments: [to.timeIntervalSince1970, from.timeIntervalSince1970])
            if let roster { query = query.filter(Column("roster") == roster) }
            return try query.order(Column("from_at"), Column("id")).fetchAll(db)
        }
    }

    public func addOverride(_ override: RosterOverride) async throws -> RosterOverride {
        try await store.writer.write { db in
            var stored = override
            stored.id = nil
            try stored.insert(db)
            return stored
        }
    }

    public func removeOverride(_ id: Int64, by actor: String, at now: Date) async throws -> RosterOverride? {
        try await store.writer.write { db in
            guard
                let stored = try RosterOverride.filter(sql: "id = ? AND removed_at IS NULL", arguments: [id])
                    .fetchOne(db)
            else { return nil }
            try db.execute(
                sql: "UPDATE roster_override SET removed_at = ?, removed_by = ? WHERE id = ?",
                arguments: [now.timeIntervalSince1970, actor, id])
            return stored
        }
    }

    public func override(_ id: Int64) async throws -> RosterOverride? {
        try await store.writer.read { db in
            try RosterOverride.filter(sql: "id = ? AND removed_at IS NULL", arguments: [id]).fetchOne(db)
        }
    }
}
