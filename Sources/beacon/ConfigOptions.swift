import ArgumentParser
import BeaconConfigFiles
import BeaconCore
import BeaconStore
import Foundation

/// `--config`, shared by every command.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: "The main configuration file.")
    var config: String = "beacon.yaml"

    var loader: ConfigLoader { ConfigLoader(path: config) }

    /// Loads and validates the configuration, printing every problem and failing when there is one.
    func load() throws -> BeaconConfig {
        do {
            return try loader.load()
        } catch {
            printErrors(error.issues)
            throw ExitCode.failure
        }
    }
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
            printErrors(error.issues)
            throw ExitCode.failure
        }
    }

    /// Opens the store the configuration names, relative to the configuration's folder.
    func openStore(_ config: BeaconConfig) throws -> BeaconStore {
        do {
            return try BeaconStore.open(path: loader.resolve(config.store))
        } catch let error as StoreError {
            printErrors([error.message])
            throw ExitCode.failure
        }
    }

    /// The repositories of the store the configuration names, around a ledger that pages as `config` says.
    func openRepositories(_ config: BeaconConfig) throws -> Repositories {
        try openStore(config).repositories(configuration: { config })
    }

    /// The person `--as` names, by login or name; their login (or name) is what the timeline records.
    func actor(_ handle: String, in config: BeaconConfig) throws -> (name: String, layer: Layer) {
        guard let (person, layer) = config.chain.person(handle) else {
            let known = config.chain.people.map(\.id.rawValue).joined(separator: ", ")
            throw ValidationError("No person \"\(handle)\" in the command chain; known: \(known).")
        }
        return (person.id.rawValue, layer)
    }
}
