import BeaconCore
import Foundation
import PostgresNIO

/// The outbox in PostgreSQL.
public struct PostgresOutbox {
    let store: PostgresStore

    /// Queues `entry` unless a notification with its idempotency key exists: planning the same notice twice, on
    /// one node or two, sends it once.
    /// - Returns: whether it was queued.
    @discardableResult
    static func queue(_ entry: OutboxEntry, on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        let rows = try await connection.query(
            try PostgresRecord.insert(
                entry, into: "notification", omitting: ["id"], returning: "id",
                onConflict: "(idempotency_key) DO NOTHING"),
            logger: logger)
        for try await _ in rows.decode(Int64.self) { return true }
        return false
    }
}
