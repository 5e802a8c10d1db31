import ArgumentParser
import BeaconCore
import BeaconStore
import Foundation

extension Beacon {
    struct PostMortemCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "postmortem", abstract: "Show and export the post-mortems of resolved incidents.",
            subcommands: [Show.self, Export.self])
    }
}

extension Beacon.PostMortemCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a post-mortem: owner, due date, findings and what keeps the incident from closing.")

        @OptionGroup var options: ConfigOptions
        @Argument(help: "The incident number.") var id: Int64
        @Flag(help: "Print one JSON document.") var json = false

        func run() throws {
            let report = try loadReport(options, id)
            if json { return try printJSON(report) }
            print(PostMortemSummary.render(report))
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a post-mortem as Markdown, ready to forward.")

        @OptionGroup var options: ConfigOptions
        @Argument(help: "The incident number.") var id: Int64

        func run() throws {
            print(try loadReport(options, id).markdown, terminator: "")
        }
    }
}

/// Reads a post-mortem report, printing a missing one as a sentence and failing.
private func loadReport(_ options: ConfigOptions, _ id: Int64) throws -> PostMortemReport {
    let config = try options.loadMain()
    let store = try options.openStore(config)
    let postMortems = PostMortemStore(IncidentLedger(store), calendar: Calendar.current)
    do {
        return try postMortems.report(IncidentID(id))
    } catch let error as StoreError {
        printErrors([error.message])
        throw ExitCode.failure
    }
}

/// The terminal view of a post-mortem.
enum PostMortemSummary {
    static func render(_ report: PostMortemReport) -> String {
        let pm = report.postMortem
        var lines = ["Post-mortem \(report.incidentID): \(report.draft.what.title)"]
        lines.append("Owner: \(pm.owner.rawValue) layer, due \(pm.dueAt.formatted(.iso8601))")
        lines.append("Root cause: \(pm.fields.rootCause ?? "(not written)")")
        for finding in report.findings {
            lines.append("\(finding.kind.question) \(finding.verdict ? "Yes" : "No")")
            lines += finding.evidence.map { "  - \($0)" }
            if let comment = pm.comments[finding.kind] { lines.append("  Team: \(comment)") }
        }
        lines.append("Follow-ups: \(report.followUps.count)")
        lines += report.followUps.map { "  - [\($0.status.rawValue)] \($0.description) (\($0.owner))" }
        if !report.missingForClose.isEmpty {
            lines.append("Cannot close yet: needs \(report.missingForClose.joined(separator: " and ")).")
        }
        return lines.joined(separator: "\n")
    }
}
