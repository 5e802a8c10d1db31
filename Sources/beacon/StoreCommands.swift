import ArgumentParser
import BeaconCore
import BeaconPostgres
import BeaconStore
import Foundation

extension Beacon {
    struct StoreCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "store", abstract: Localizer.terminal("help.store.abstract"), subcommands: [Copy.self])
    }
}

extension Beacon.StoreCommand {
    /// Moves an installation from its SQLite file to PostgreSQL: every table, ids preserved.
    struct Copy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Localizer.terminal("help.store_copy.abstract"),
            discussion: Localizer.terminal("help.store_copy.discussion"))

        @Option(help: .words("help.store_copy.from")) var from: String
        @Option(help: .words("help.store_copy.to")) var to: String

        func run() async throws {
            let words = Localizer.terminal
            guard FileManager.default.fileExists(atPath: from) else {
                throw ValidationError(words("cli.store.no_source", ["path": from]))
            }
            let location: PostgresLocation
            do {
                location = try PostgresLocation(parsing: to)
            } catch {
                throw ValidationError(error.problem.text(in: words))
            }
            let contents = try BeaconStore.open(path: from).contents()
            let target = PostgresStore(
                location, node: "copy@\(PostgresStore.defaultNode)", logger: ConfigOptions.quietLogger)
            let pool = Task { await target.run() }
            defer { pool.cancel() }
            try await target.migrate()
            guard try await target.isEmpty() else {
                throw ValidationError(words("cli.store.target_not_empty", ["store": "\(location)"]))
            }
            try await target.load(contents)
            let counts = contents.counts.filter { $0.value > 0 }.sorted { $0.key < $1.key }
                .map { "\($0.key) \($0.value)" }
            print(words("cli.store.copied", ["store": "\(location)", "counts": counts.joined(separator: ", ")]))
        }
    }
}
