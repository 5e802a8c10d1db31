public import BeaconCore
public import Foundation
import GRDB

extension BeaconStore {
    /// Keeps a new short link under the hash of its code.
    static func insertShortLink(
        _ db: Database, codeHash: String, approvalID: Int64, person: String, expiresAt: Date, at now: Date
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO approval_link (code_hash, approval_id, person, expires_at, created_at)
                VALUES (?, ?, ?, ?, ?)
                """,
            arguments: [codeHash, approvalID, person, expiresAt.timeIntervalSince1970, now.timeIntervalSince1970])
    }

    /// The link whose code hashes to `codeHash`, used or not.
    public func shortLink(codeHash: String) throws -> ShortLink? {
        try writer.read { db in
            try Row.fetchOne(
                db, sql: "SELECT approval_id, person, expires_at, used_at FROM approval_link WHERE code_hash = ?",
                arguments: [codeHash]
            ).map { row in
                ShortLink(
                    approvalID: row["approval_id"], person: row["person"],
                    expiresAt: Date(timeIntervalSince1970: row["expires_at"]),
                    usedAt: (row["used_at"] as Double?).map(Date.init(timeIntervalSince1970:)))
            }
        }
    }

    /// Marks the link used, once: `false` when it was used already (or does not exist), so two answers sent at
    /// the same moment cannot both pass.
    public func useShortLink(codeHash: String, at now: Date) throws -> Bool {
        try writer.write { db in
            try db.execute(
                sql: "UPDATE approval_link SET used_at = ? WHERE code_hash = ? AND used_at IS NULL",
                arguments: [now.timeIntervalSince1970, codeHash])
            return db.changesCount == 1
        }
    }
}
