public import BeaconCore
public import Foundation
import GRDB

extension BeaconStore {
    /// Keeps a new short link under the hash of its code.
    static func insertShortLink(
        _ db: Database, codeHash: String, approvalID: ApprovalID, person: PersonID, expiresAt: Date, at now: Date
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO approval_link (code_hash, approval_id, person, expires_at, created_at)
                VALUES (?, ?, ?, ?, ?)
                """,
            arguments: [
                codeHash, approvalID.rawValue, person.rawValue, expiresAt.timeIntervalSince1970,
                now.timeIntervalSince1970,
            ])
    }

}

extension BeaconStore {
    /// The store's approval links and secrets.
    public var approvalLinks: SQLiteApprovalLinks { SQLiteApprovalLinks(store: self) }
}

/// Approval links and secrets in SQLite.
public struct SQLiteApprovalLinks: ApprovalLinkRepository {
    let store: BeaconStore

    public func shortLink(codeHash: String) async throws -> ShortLink? {
        try await store.writer.read { db in
            try Row.fetchOne(
                db, sql: "SELECT approval_id, person, expires_at, used_at FROM approval_link WHERE code_hash = ?",
                arguments: [codeHash]
            ).map { row in
                ShortLink(
                    approvalID: ApprovalID(row["approval_id"]), person: PersonID(row["person"] as String),
                    expiresAt: Date(timeIntervalSince1970: row["expires_at"]),
                    usedAt: (row["used_at"] as Double?).map(Date.init(timeIntervalSince1970:)))
            }
        }
    }

    public func useShortLink(codeHash: String, at now: Date) async throws -> Bool {
        try await store.writer.write { db in
            try db.execute(
                sql: "UPDATE approval_link SET used_at = ? WHERE code_hash = ? AND used_at IS NULL",
                arguments: [now.timeIntervalSince1970, codeHash])
            return db.changesCount == 1
        }
    }

    public func secret(_ name: String, bytes: Int) async throws -> [UInt8] {
        try await store.writer.write { db in
            if let existing = try Data.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [name]) {
                return Array(existing)
            }
            var generator = SystemRandomNumberGenerator()
            let value = (0..<bytes).map { _ in UInt8.random(in: 0...255, using: &generator) }
            try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?)", arguments: [name, Data(value)])
            return value
        }
    }
}
