import ArgumentParser
import BeaconCore

extension Beacon {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate beacon.yaml, Alerts/ and Playbooks/; print every problem with its file and line.")

        @OptionGroup var options: ConfigOptions

        func run() throws {
            let config = try options.load()
            print("OK: \(config.summary)")
        }
    }
}
