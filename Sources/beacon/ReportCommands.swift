import ArgumentParser
import BeaconCore
import BeaconServer
import Foundation

extension Beacon {
    struct ReportCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report", abstract: "Reports over the incidents of a period.", subcommands: [Weekly.self])
    }
}

extension Beacon.ReportCommand {
    struct Weekly: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The weekly report as Markdown: incidents by category and severity, MTTA and MTTR, deadline "
                + "compliance, the rules that fired most, follow-ups.",
            discussion: """
                Weeks are ISO 8601 weeks, Monday to Sunday, between midnights in the configuration's time_zone \
                (beacon.yaml); without one, in this machine's time zone.
                """)

        @OptionGroup var options: ConfigOptions
        @Option(help: "The ISO week, such as 2026-W47 (default: the current week).") var week: String?
        @Flag(help: "Print one JSON document.") var json = false

        func validate() throws { _ = try chosenWeek(now: Date(), calendar: Self.calendar) }

        func run() async throws {
            let config = try options.loadMain()
            let reports = try options.openRepositories(config).reports
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
