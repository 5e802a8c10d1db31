public import BeaconCore
public import Foundation
public import Logging
import NIOSSL
import PostgresNIO

/// Beacon's store on PostgreSQL, for several `beacon serve` nodes on one database: a pool of connections
/// (`PostgresClient`, which runs as long as `run()` does) and the schema, migrated once under an advisory lock.
public final class PostgresStore: Sendable {
    public let location: PostgresLocation
    let client: PostgresClient
    let logger: Logger

    /// The channel every node listens on: a notification queued anywhere wakes every dispatcher at once.
    static let outboxChannel = "beacon_outbox"

    /// The advisory lock every node takes to migrate: one migrates, the others wait and then find nothing to do.
    static let migrationLock: Int64 = 0x6265_6163_6f6e  // "beacon"

    /// This node's name: what its claims are held under, and what `beacon cluster status` lists.
    public let node: String
    /// How long a claim on a notification or a deadline holds: a node that dies mid-send leaves its claims to the
    /// others once it runs out, so it must outlast any one attempt (a channel's timeout is at most a minute).
    public let lease: TimeInterval

    public init(
        _ location: PostgresLocation, node: String = PostgresStore.defaultNode, lease: TimeInterval = 120,
        logger: Logger
    ) {
        self.location = location
        self.node = node
        self.lease = lease
        self.logger = logger
        var configuration = PostgresClient.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password,
            database: location.database, tls: Self.tls(location.tls))
        configuration.options.minimumConnections = 0
        client = PostgresClient(configuration: configuration, backgroundLogger: logger)
    }

    /// `host:pid`: unique among the nodes running at once.
    public static var defaultNode: String {
        "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
    }

    /// Runs the pool until the task is cancelled: every query waits for it.
    public func run() async { await client.run() }

    /// Applies the migrations this database lacks, each in its own transaction, under the migration lock.
    /// - Returns: the schema version now.
    /// - Throws: `StoreError.newerSchema` when the database was migrated by a newer Beacon (it is left untouched).
    @discardableResult
    public func migrate() async throws -> Int {
        try await client.withConnection { connection in
            try await connection.query("SELECT pg_advisory_lock(\(Self.migrationLock))", logger: logger)
            do {
                let version = try await Self.migrate(connection, logger: logger, location: location)
                try await connection.query("SELECT pg_advisory_unlock(\(Self.migrationLock))", logger: logger)
                return version
            } catch {
                _ = try? await connection.query("SELECT pg_advisory_unlock(\(Self.migrationLock))", logger: logger)
                throw error
            }
        }
    }

    /// Runs `body` in one transaction on one pooled connection: committed when it returns, rolled back when it
    /// throws, and then its own error is rethrown (not the pool's wrapper), so callers catch domain errors as
    /// they would from SQLite.
    func transaction<Result: Sendable>(
        _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        do {
            return try await client.withTransaction(logger: logger) { connection in try await body(connection) }
        } catch let error as PostgresTransactionError {
            if let cause = error.closureError, error.rollbackError == nil { throw cause }
            throw error
        }
    }

    /// The schema version recorded in the database, 0 for a database Beacon never migrated.
    public func schemaVersion() async throws -> Int {
        try await client.withConnection { connection in try await Self.version(connection, logger: logger) }
    }

    static func migrate(
        _ connection: PostgresConnection, logger: Logger, location: PostgresLocation
    ) async throws
        -> Int
    {
        try await connection.query(
            """
            CREATE TABLE IF NOT EXISTS beacon_schema (
                version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
            """, logger: logger)
        let current = try await version(connection, logger: logger)
        guard current <= PostgresSchema.latest else {
            throw StoreError(
                code: .newerSchema, key: "storage.newer_postgres_schema",
                ["location": "\(location)", "version": "\(current)", "latest": "\(PostgresSchema.latest)"])
        }
        for migration in PostgresSchema.migrations where migration.version > current {
            try await connection.withTransaction(logger: logger) { transaction in
                for statement in migration.statements {
                    try await transaction.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await transaction.query(
                    "INSERT INTO beacon_schema (version, name) VALUES (\(migration.version), \(migration.name))",
                    logger: logger)
            }
            logger.info(
                "store migrated", metadata: ["store.version": "\(migration.version)", "store": "\(location)"])
        }
        return try await version(connection, logger: logger)
    }

    static func version(_ connection: PostgresConnection, logger: Logger) async throws -> Int {
        let exists = try await connection.query("SELECT to_regclass('beacon_schema') IS NOT NULL", logger: logger)
        for try await present in exists.decode(Bool.self) where !present { return 0 }
        let rows = try await connection.query("SELECT coalesce(max(version), 0) FROM beacon_schema", logger: logger)
        for try await version in rows.decode(Int.self) { return version }
        return 0
    }

    static func tls(_ mode: PostgresLocation.TLSMode) -> PostgresClient.Configuration.TLS {
        var unchecked = TLSConfiguration.makeClientConfiguration()
        unchecked.certificateVerification = .none
        return switch mode {
        case .disable: .disable
        case .prefer: .prefer(unchecked)
        case .require: .require(unchecked)
        case .verifyFull: .require(.makeClientConfiguration())
        }
    }
}
