import BeaconCore
import BeaconPostgres
import BeaconStore
import Foundation
import Logging

/// The store `store:` names, opened: a SQLite file, or a PostgreSQL database (migrated, its connection pool
/// running for as long as the process needs it).
final class OpenedStore: Sendable {
    enum Kind: Sendable {
        case sqlite(BeaconStore)
        case postgres(PostgresStore)
    }

    let kind: Kind

    /// A SQLite store opened already (the demo's temporary one).
    convenience init(_ store: BeaconStore) { self.init(.sqlite(store)) }

    private init(_ kind: Kind) { self.kind = kind }

    /// Opens `config.store`: a path (relative to the configuration's folder) or a `postgres://` URL.
    /// - Parameter node: this process's name among the nodes of a cluster.
    static func open(
        _ config: BeaconConfig, resolve: (String) -> String, node: String, logger: Logger
    ) async throws -> OpenedStore {
        guard config.storeIsPostgres else {
            return OpenedStore(.sqlite(try BeaconStore.open(path: resolve(config.store))))
        }
        let location = try PostgresLocation(parsing: config.store)
        let store = PostgresStore(location, node: node, logger: logger)
        // The pool runs as long as the process: repositories handed to a command use it after this value is gone.
        let pool = Task { await store.run() }
        do {
            try await store.migrate()
        } catch {
            pool.cancel()
            throw error
        }
        return OpenedStore(.postgres(store))
    }

    /// Every repository of the store, around a ledger that pages as `configuration()` says now.
    func repositories(configuration: @escaping @Sendable () -> BeaconConfig) -> Repositories {
        switch kind {
        case .sqlite(let store): store.repositories(configuration: configuration)
        case .postgres(let store): store.repositories(configuration: configuration)
        }
    }
}
