import ArgumentParser
import BeaconCore
import Foundation

extension Beacon {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate beacon.yaml, Alerts/ and Playbooks/; print every problem with its file and line.")

        @OptionGroup var options: ConfigOptions

        func run() throws {
            let config = try options.load()
            for warning in config.warnings.map(\.description) + config.rosterWarnings(from: Date()) {
                FileHandle.standardError.write(Data("warning: \(warning)\n".utf8))
            }
            print("OK: \(config.summary)")
        }
    }
}
