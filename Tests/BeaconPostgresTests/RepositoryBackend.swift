import BeaconCore
import BeaconPostgres
import BeaconStore
import BeaconTestSupport
import Foundation
import Logging
import Testing

/// A store backend the repository contract runs against: SQLite in memory, or a real PostgreSQL on loopback.
enum RepositoryBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { rawValue }

    /// Runs `body` with the backend's repositories, on a fresh store that is gone afterwards.
    func with(_ body: @escaping @Sendable (any RosterRepository) async throws -> Void) async throws {
        switch self {
        case .sqlite:
            try await body(try BeaconStore.inMemory().rosters)
        case .postgres:
            let server = try await PostgresServer.start()
            defer { server.stop() }
            let location = try PostgresLocation(
                parsing: "postgres://beacon@127.0.0.1:\(server.port)/postgres?sslmode=disable")
            let store = PostgresStore(location, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await store.run() }
                defer { group.cancelAll() }
                try await store.migrate()
                try await body(store.rosters)
            }
        }
    }
}
