import BeaconCore
import BeaconPostgres
import BeaconTestSupport
import Foundation
import Logging
import Testing

/// The PostgreSQL store against Debian's real server on loopback: nodes starting together migrate it once, a
/// newer schema is refused and left untouched, two nodes changing one row at once change it once.
@Suite(.serialized) struct PostgresMigrationTests {
    static let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    /// Runs `body` with a store on a fresh server, its pool running meanwhile.
    func withStores(
        _ count: Int, _ body: @escaping @Sendable ([PostgresStore], PostgresServer) async throws -> Void
    ) async throws {
        let server = try await PostgresServer.start()
        defer { server.stop() }
        let location = try PostgresLocation(
            parsing: "postgres://beacon@127.0.0.1:\(server.port)/postgres?sslmode=disable")
        let stores = (0..<count).map { _ in PostgresStore(location, logger: Self.logger) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for store in stores { group.addTask { await store.run() } }
            defer { group.cancelAll() }
            try await body(stores, server)
        }
    }

    @Test(.timeLimit(.minutes(2))) func nodesStartingTogetherMigrateOnce() async throws {
        try await withStores(3) { stores, server in
            let versions = try await withThrowingTaskGroup(of: Int.self) { group in
                for store in stores { group.addTask { try await store.migrate() } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(versions == [1, 1, 1])
            let rows = try server.psql("SELECT count(*) FROM beacon_schema").trimmingCharacters(
                in: .whitespacesAndNewlines)
            #expect(rows == "1", "each migration recorded once")
            let tables = try server.psql(
                "SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables "
                    + "WHERE table_schema = 'public'"
            ).trimmingCharacters(in: .whitespacesAndNewlines)
            for table in ["incident", "timeline_event", "notification", "deadline", "user", "session", "cluster_node"] {
                #expect(tables.split(separator: ",").contains(Substring(table)), "\(table) in \(tables)")
            }
            #expect(try await stores[0].migrate() == 1, "migrating again changes nothing")
        }
    }

    @Test(.timeLimit(.minutes(2))) func aNewerSchemaIsRefusedAndLeftUntouched() async throws {
        try await withStores(1) { stores, server in
            try await stores[0].migrate()
            _ = try server.psql("INSERT INTO beacon_schema (version, name) VALUES (99, 'from the future')")
            await #expect {
                try await stores[0].migrate()
            } throws: { error in
                (error as? StoreError)?.code == .newerSchema
                    && "\(error)".contains("schema 99; this version knows up to 1") && !"\(error)".contains("***")
            }
            #expect(try await stores[0].schemaVersion() == 99)
        }
    }

    @Test(.timeLimit(.minutes(2))) func twoNodesRemovingOneOverrideReportOneRemoval() async throws {
        try await withStores(2) { stores, _ in
            try await stores[0].migrate()
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            let stored = try await stores[0].rosters.addOverride(
                RosterOverride(
                    roster: "cs-duty", person: "chenxiao", from: start, to: start.addingTimeInterval(3_600),
                    createdBy: "zhangmin", createdAt: start))
            let id = try #require(stored.id)
            let removals = try await withThrowingTaskGroup(of: RosterOverride?.self) { group in
                for store in stores {
                    group.addTask { try await store.rosters.removeOverride(id, by: "wanglei", at: start) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(removals.compactMap { $0 }.count == 1, "one node removed it; the other found it gone")
        }
    }

    @Test func addressesAreReadAndPasswordsNeverShown() throws {
        let location = try PostgresLocation(
            parsing: "postgres://beacon:s%40cret@db.internal:6432/beacon?sslmode=verify-full")
        #expect(location.host == "db.internal")
        #expect(location.port == 6432)
        #expect(location.password == "s@cret")
        #expect(location.tls == .verifyFull)
        #expect(location.description == "postgres://beacon:***@db.internal:6432/beacon?sslmode=verify-full")
        #expect(try PostgresLocation(parsing: "postgresql://beacon@h/b").tls == .prefer)
        #expect(throws: PostgresLocation.Invalid.self) { try PostgresLocation(parsing: "postgres://u:pw@h/") }
        do {
            _ = try PostgresLocation(parsing: "postgres://u:hunter2@h/db?sslmode=sometimes")
            Issue.record("an unknown sslmode is refused")
        } catch {
            #expect(error.description.contains("sometimes") && !error.description.contains("hunter2"))
        }
        do {
            _ = try PostgresLocation(parsing: "postgres://:hunter2@h/db")
            Issue.record("an address without a user is refused")
        } catch {
            #expect(!error.description.contains("hunter2"), "\(error)")
        }
        #expect(PostgresLocation.isPostgres("postgres://x") && !PostgresLocation.isPostgres("beacon.sqlite"))
    }
}
