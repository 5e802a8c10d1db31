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

    /// The repositories a contract case works on, from one store.
    struct Stores: Sendable {
        var rosters: any RosterRepository
        var people: any PeopleRepository
        var outbox: any OutboxRepository & OutboxFigures
        var commands: any IncidentCommands
        var incidents: any IncidentRepository
        var samples: any SampleRepository
        var postMortems: any PostMortemRepository
        var reports: any ReportRepository
        var approvalLinks: any ApprovalLinkRepository
    }

    /// Runs `body` with the backend's roster overrides, on a fresh store that is gone afterwards.
    func with(_ body: @escaping @Sendable (any RosterRepository) async throws -> Void) async throws {
        try await withStores { try await body($0.rosters) }
    }

    /// Runs `body` with the backend's repositories, on a fresh store that is gone afterwards; its ledger pages as
    /// `config` says (nobody by default).
    func withStores(
        config: BeaconConfig? = nil, _ body: @escaping @Sendable (Stores) async throws -> Void
    ) async throws {
        let planner = config.map { CommandPlanner(config: $0) }
        switch self {
        case .sqlite:
            let store = try BeaconStore.inMemory()
            let ledger = planner.map { IncidentLedger(store, planner: $0) } ?? .recordingOnly(store)
            try await body(
                Stores(
                    rosters: store.rosters, people: store.people, outbox: store.outbox, commands: ledger,
                    incidents: store.incidentReader, samples: store.samples,
                    postMortems: PostMortemStore(ledger), reports: store.reports, approvalLinks: store.approvalLinks))
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
                let ledger = PostgresLedger(store, planner: planner)
                try await body(
                    Stores(
                        rosters: store.rosters, people: store.people, outbox: store.outbox, commands: ledger,
                        incidents: store.incidents, samples: store.samples, postMortems: PostgresPostMortems(ledger),
                        reports: store.reports, approvalLinks: store.approvalLinks))
            }
        }
    }
}
