import ArgumentParser
import BeaconConfigFiles
import BeaconCore
import BeaconPostgres
import BeaconStore
import Foundation
import Logging

/// `--config`, shared by every command.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: .words("help.config_options.config"))
    var config: String = "beacon.yaml"

    var loader: ConfigLoader { ConfigLoader(path: config) }

    /// Loads and validates the configuration, printing every problem and failing when there is one.
    func load() throws -> BeaconConfig {
        do {
            return try loader.load()
        } catch {
            printErrors(error)
            throw ExitCode.failure
        }
    }
}

extension Localizer {
    /// The terminal's language (`LANG`) in the machine's zone: what the CLI speaks before it has read a
    /// configuration, and in `--help`.
    static let terminal = Localizer(Language(environment: ProcessInfo.processInfo.environment), timeZone: .current)
}

/// Writes every problem of a configuration to standard error, in the language it asks for (or the terminal's, when
/// it got no further than that).
func printErrors(_ errors: ConfigErrors) {
    let words = errors.language.map { Localizer($0) } ?? .terminal
    printErrors(errors.issues.map { $0.description(in: words) })
}

/// Writes lines to standard error.
func printErrors(_ lines: [some CustomStringConvertible]) {
    for line in lines {
        FileHandle.standardError.write(Data("\(line)\n".utf8))
    }
}

extension ConfigOptions {
    /// Loads `beacon.yaml` and the playbooks, for commands that work on incidents and need no rules.
    func loadMain() throws -> BeaconConfig {
        do {
            return try loader.loadWithoutRules()
        } catch {
            printErrors(error)
            throw ExitCode.failure
        }
    }

    /// Opens the store the configuration names: a SQLite file (relative to the configuration's folder) or a
    /// PostgreSQL database, migrated.
    /// - Parameter node: this process's name in a cluster (`beacon serve`'s; a command's own otherwise).
    func openStore(_ config: BeaconConfig, node: String? = nil, logger: Logger? = nil) async throws -> OpenedStore {
        let words = config.words()
        do {
            return try await OpenedStore.open(
                config, resolve: loader.resolve, node: node ?? "cli@\(PostgresStore.defaultNode)",
                logger: logger ?? Self.quietLogger)
        } catch let error as StoreError {
            printErrors([error.message(in: words)])
            throw ExitCode.failure
        } catch let error as PostgresLocation.Invalid {
            printErrors([error.problem.text(in: words)])
            throw ExitCode.failure
        } catch {
            let location = (try? PostgresLocation(parsing: config.store)).map(String.init(describing:)) ?? config.store
            printErrors([words("cli.error.store_unreachable", ["store": location, "reason": "\(error)"])])
            throw ExitCode.failure
        }
    }

    /// What a command logs of its store's connections: only what went wrong.
    static var quietLogger: Logger {
        var logger = Logger(label: "beacon.store")
        logger.logLevel = .error
        return logger
    }

    /// The repositories of the store the configuration names, around a ledger that pages as `config` says.
    func openRepositories(_ config: BeaconConfig) async throws -> Repositories {
        try await openStore(config).repositories(configuration: { config })
    }

    /// The person `--as` names, by login or name; their login (or name) is what the timeline records.
    func actor(_ handle: String, in config: BeaconConfig) throws -> (name: String, layer: Layer) {
        guard let (person, layer) = config.chain.person(handle) else {
            let known = config.chain.people.map(\.id.rawValue).joined(separator: ", ")
            throw ValidationError(config.words()("cli.error.no_person", ["handle": handle, "known": known]))
        }
        return (person.id.rawValue, layer)
    }
}

extension ArgumentHelp {
    /// A `--help` text from the catalog, in the terminal's language.
    static func words(_ key: String) -> ArgumentHelp { ArgumentHelp(Localizer.terminal(key)) }
}
