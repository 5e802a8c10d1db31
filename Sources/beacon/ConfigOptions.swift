import ArgumentParser
import BeaconCore
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
