import ArgumentParser
import BeaconCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension Beacon {
    struct PostMortemCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "postmortem", abstract: Localizer.terminal("help.post_mortem_command.abstract"),
            subcommands: [Show.self, Edit.self, Export.self])
    }
}

extension Beacon.PostMortemCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Localizer.terminal("help.postmortem_show.abstract"))

        @OptionGroup var options: ConfigOptions
        @Argument(help: .words("help.incident_number")) var id: Int64
        @Flag(help: .words("help.json")) var json = false

        func run() async throws {
            let config = try options.loadMain()
            let report = try await loadReport(options, id)
            if json { return try printJSON(report) }
            print(PostMortemSummary.render(report, words: config.words()))
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Localizer.terminal("help.edit.abstract"),
            discussion: Localizer.terminal("help.edit.discussion"))

        @OptionGroup var options: ConfigOptions
        @Argument(help: .words("help.incident_number")) var id: Int64
        @Option(name: .customLong("as"), help: .words("help.edit.person"))
        var person: String
        @Option(help: .words("help.edit.file"))
        var file: String?

        func run() async throws {
            let config = try options.loadMain()
            let actor = try options.actor(person, in: config)
            if let refusal = PostMortem.refusal(for: actor.name, in: actor.layer, words: config.words()) {
                printErrors([refusal])
                throw ExitCode.failure
            }
            let repositories = try await options.openRepositories(config)
            let postMortems = repositories.postMortems
            let report = try await loadReport(repositories, id, config.words())
            let incident = IncidentID(id)
            var session = PostMortemEditSession(document: PostMortemDocument(report, words: config.words())) {
                update, base in
                try await postMortems.apply(update, to: incident, by: actor.name, at: Date(), since: base)
            }
            let configFlag = options.config == "beacon.yaml" ? [] : ["--config", options.config]
            session.retryHint =
                (["beacon", "postmortem", "edit", "\(id)", "--as", actor.name] + configFlag + ["--file"])
                .map(PostMortemEditSession.shellQuoted).joined(separator: " ")
            if let file { return try await session.apply(file: file) }
            try await session.edit(
                editor: PostMortemEditSession.editor(ProcessInfo.processInfo.environment),
                interactive: isatty(STDIN_FILENO) != 0)
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Localizer.terminal("help.export.abstract"))

        /// What `export` prints.
        enum Format: String, CaseIterable, ExpressibleByArgument { case markdown, yaml }

        @OptionGroup var options: ConfigOptions
        @Argument(help: .words("help.incident_number")) var id: Int64
        @Option(help: .words("help.export.format")) var format: Format = .markdown

        func run() async throws {
            let report = try await loadReport(options, id)
            switch format {
            case .markdown: print(report.markdown(in: try options.loadMain().words()), terminator: "")
            case .yaml: print(PostMortemDocument(report, words: try options.loadMain().words()).text, terminator: "")
            }
        }
    }
}

/// Reads a post-mortem report, printing a missing one as a sentence and failing.
/// The configuration's command chain names the people of the 5W1H and their roles.
private func loadReport(_ options: ConfigOptions, _ id: Int64) async throws -> PostMortemReport {
    let config = try options.loadMain()
    return try await loadReport(try await options.openRepositories(config), id, config.words())
}

private func loadReport(
    _ repositories: Repositories, _ id: Int64, _ words: Localizer
) async throws -> PostMortemReport {
    guard try await repositories.incidents.incident(IncidentID(id)) != nil else {
        printErrors([words("cli.error.no_incident", ["id": "\(id)"])])
        throw ExitCode.failure
    }
    do {
        return try await repositories.postMortems.report(IncidentID(id))
    } catch let error as StoreError {
        printErrors([error.message(in: words)])
        throw ExitCode.failure
    }
}

/// The terminal view of a post-mortem.
enum PostMortemSummary {
    static func render(_ report: PostMortemReport, words: Localizer = .english) -> String {
        let pm = report.postMortem
        let text = FindingText(words)
        var lines = [words("cli.pm.title", ["id": "\(report.incidentID)", "title": report.draft.what.title])]
        lines.append(
            words("cli.pm.owner", ["layer": words.layer(pm.owner), "due": PostMortemText(words).stamp(pm.dueAt)]))
        lines.append(words("cli.pm.root_cause", ["text": pm.fields.rootCause ?? words("cli.pm.not_written")]))
        for finding in report.findings {
            lines.append("\(text.question(finding.kind)) \(text.verdict(finding.verdict))")
            lines += finding.facts.map { "  - \(text.sentence($0))" }
            if let comment = pm.comments[finding.kind] {
                lines.append("  " + words("cli.pm.team", ["comment": comment]))
            }
        }
        lines.append(words("cli.pm.follow_ups", ["count": "\(report.followUps.count)"]))
        lines += report.followUps.map {
            "  - [\(words("follow_up.\($0.status.rawValue)"))] \($0.description) (\($0.owner))"
        }
        if !report.missingForClose.isEmpty {
            let missing = report.missingForClose.map { $0.text(in: words) }
            lines.append(words("cli.pm.cannot_close", ["missing": missing.joined(separator: words("list.and"))]))
        }
        return lines.joined(separator: "\n")
    }
}
