import ArgumentParser
import BeaconCore
import Foundation

extension Beacon {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Localizer.terminal("help.check.abstract"))

        @OptionGroup var options: ConfigOptions

        func run() throws {
            let config = try options.load()
            let words = config.words()
            let warnings =
                config.warnings.map { $0.description(in: words) } + config.rosterWarnings(from: Date(), in: words)
            for warning in warnings {
                FileHandle.standardError.write(Data(words("check.warning", ["warning": warning]).utf8 + [10]))
            }
            print(words("check.ok", ["summary": config.summary(in: words)]))
        }
    }
}
