import BeaconCore
import Foundation
package import GRDB

/// Beacon's SQLite database: incidents, their timelines and series samples.
public struct BeaconStore: Sendable {
    /// The connection everything goes through; a `DatabasePool` in WAL mode in production. Only the store's
    /// own code writes through it; the package's tests may, to set up rows an older version would have left.
    package let writer: any DatabaseWriter

    /// Wraps a database, bringing its schema up to date.
    /// - Throws: `StoreError.newerSchema` when the database knows migrations this binary does not.
    init(_ writer: any DatabaseWriter) throws {
        let migrator = Schema.migrator
        let superseded = try writer.read { try migrator.hasBeenSuperseded($0) }
        if superseded {
            let unknown = try writer.read { db in
                try Set(migrator.appliedIdentifiers(db)).subtracting(migrator.migrations).sorted()
            }
            throw StoreError.newerSchema(writer.path, unknown: unknown)
        }
        try migrator.migrate(writer)
        self.writer = writer
    }

    /// An empty in-memory store, for tests and previews.
    public static func inMemory() throws -> BeaconStore {
        try BeaconStore(DatabaseQueue(configuration: configuration))
    }

    /// Opens (or creates) the store at `path` as a WAL `DatabasePool`.
    ///
    /// Before anything is written the file is inspected: a file that is not SQLite, an SQLite database of
    /// another application, or a Beacon database with a newer schema is refused and left untouched.
    /// - Parameter busyTimeout: how long a write waits for another connection's lock before it fails (and is
    ///   retried by its caller).
    public static func open(path: String, busyTimeout: Double = 5) throws -> BeaconStore {
        try inspect(path)
        return try BeaconStore(DatabasePool(path: path, configuration: configuration(busyTimeout: busyTimeout)))
    }

    static var configuration: Configuration { configuration(busyTimeout: 5) }

    static func configuration(busyTimeout: Double) -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        return configuration
    }

    /// Refuses a file that Beacon must not migrate, without writing to it.
    private static func inspect(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        let header = try handle.read(upToCount: 16) ?? Data()
        try handle.close()
        guard !header.isEmpty else { return }
        guard header == Data("SQLite format 3\0".utf8) else { throw StoreError.notADatabase(path) }
        // A plain queue never changes the journal mode, so reading through it leaves the file as it was.
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        try queue.read { db in
            let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            let tables = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'") ?? 0
            guard applicationID == Schema.applicationID || (applicationID == 0 && tables == 0) else {
                throw StoreError.notBeacon(path)
            }
            let migrator = Schema.migrator
            if try migrator.hasBeenSuperseded(db) {
                let unknown = try Set(migrator.appliedIdentifiers(db)).subtracting(migrator.migrations).sorted()
                throw StoreError.newerSchema(path, unknown: unknown)
            }
        }
    }
}
