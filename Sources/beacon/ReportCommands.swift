import ArgumentParser
import BeaconCore
import BeaconServer
import Foundation

extension Beacon {
    struct ReportCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report", abstract: Localizer.terminal("help.report_command.abstract"),
            subcommands: [Weekly.self])
    }
}

extension Beacon.ReportCommand {
    struct Weekly: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Localizer.terminal("help.weekly.abstract"),
            discussion: Localizer.terminal("help.weekly.discussion"))

        @OptionGroup var options: ConfigOptions
        @Option(help: .words("help.weekly.week")) var week: String?
        @Flag(help: .words("help.json")) var json = false

        func validate() throws { _ = try chosenWeek(now: Date(), calendar: Self.calendar) }

        func run() async throws {
            let config = try options.loadMain()
            let reports = try await options.openRepositories(config).reports
            let now = Date()
            let report = try await reports.weeklyReport(
                try chosenWeek(now: now, calendar: config.calendar), calendar: config.calendar,
                ruleTitles: ruleTitles(), holidays: config.holidays, at: now)
            if json { return try printJSON(report) }
            print(report.markdown(in: config.words()), terminator: "")
        }

        /// For checking `--week` before anything loads; only its form matters then.
        static var calendar: Calendar { ISOWeek.calendar(in: .current) }

        /// `--week`, or the week of `now`.
        private func chosenWeek(now: Date, calendar: Calendar) throws -> ISOWeek {
            guard let week else { return ISOWeek(containing: now, in: calendar) }
            do {
                return try ISOWeek(parsing: week)
            } catch {
                throw ValidationError("--week: \(error.message(in: .terminal))")
            }
        }

        /// The configured rules' titles; when a rule file does not load, the report names rules by their incidents.
        private func ruleTitles() -> [RuleID: String] {
            (try? options.loader.load())?.ruleTitles ?? [:]
        }
    }
}
