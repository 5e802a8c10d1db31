public import ArgumentParser
import BeaconCore
import BeaconServer
import Foundation

extension Beacon {
    struct IncidentCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "incident", abstract: Localizer.terminal("help.incident_command.abstract"),
            subcommands: [
                List.self, Show.self, Declare.self, Act.Acknowledge.self, Act.Mitigate.self, Act.Resolve.self,
                Act.Close.self, Reopen.self, Step.self, SetSeverity.self, Instruct.self,
            ])
    }
}

extension Beacon.IncidentCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Localizer.terminal("help.list.abstract"))

        @OptionGroup var options: ConfigOptions
        @Option(help: .words("help.list.status"))
        var status: String?
        @Flag(help: .words("help.list.all")) var all = false
        @Option(help: .words("help.list.limit")) var limit = 100
        @Flag(help: .words("help.json")) var json = false

        func run() async throws {
            let config = try options.loadMain()
            let incidents = try await options.openRepositories(config).incidents
            let statuses = try parseStatuses()
            let found = try await incidents.incidents(statuses: statuses, since: nil, limit: limit)
            if json { return try printJSON(found.map { IncidentResource($0) }) }
            let words = config.words()
            guard !found.isEmpty else { return print(words(all ? "cli.no_incidents" : "cli.no_active_incidents")) }
            print(IncidentTable.render(found, now: Date(), words: words))
        }

        private func parseStatuses() throws -> [IncidentStatus] {
            guard let status else { return all ? [] : IncidentStatus.active }
            return try status.split(separator: ",").map { word in
                guard let value = IncidentStatus(rawValue: word.trimmingCharacters(in: .whitespaces)) else {
                    throw ValidationError(Localizer.terminal("cli.error.status", ["status": String(word)]))
                }
                return value
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: Localizer.terminal("help.show.abstract"))

        @OptionGroup var options: ConfigOptions
        @Argument(help: .words("help.incident_number")) var id: Int64
        @Flag(help: .words("help.json")) var json = false

        func run() async throws {
            let config = try options.loadMain()
            let repositories = try await options.openRepositories(config)
            let incidents = repositories.incidents
            let id = IncidentID(id)
            guard let incident = try await incidents.incident(id) else {
                printErrors([config.words()("cli.error.no_incident", ["id": "\(id)"])])
                throw ExitCode.failure
            }
            let detail = try await IncidentDetailResource(
                incident, incidents: incidents, postMortems: repositories.postMortems)
            if json { return try printJSON(detail) }
            let words = config.words()
            print(IncidentTable.detail(incident, timeline: try await incidents.timeline(id), words: words))
            print(
                IncidentTable.command(
                    steps: try await incidents.runSteps(id), approvals: try await incidents.approvals(id),
                    notifications: try await incidents.notifications(id), words: words))
            if let postMortem = detail.postMortem {
                print(IncidentTable.postMortem(postMortem, id: id.rawValue, calendar: config.calendar, words: words))
            }
        }
    }

    struct Declare: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: Localizer.terminal("help.declare.abstract"))

        @OptionGroup var options: ConfigOptions
        @Option(help: .words("help.declare.title")) var title: String
        @Option(help: .words("help.declare.category")) var category: Category
        @Option(help: .words("help.declare.severity")) var severity: Severity
        @Option(name: .customLong("as"), help: .words("help.declare.person"))
        var person: String
        @Flag(help: .words("help.json")) var json = false

        func run() async throws {
            let config = try options.loadMain()
            let actor = try options.actor(person, in: config)
            let repositories = try await options.openRepositories(config)
            let change = try await perform(config.words()) {
                try await repositories.commands.declare(
                    title: title, category: category, severity: severity, by: actor.name, at: Date())
            }
            if json { return try printJSON(IncidentResource(change.incident)) }
            print(
                config.words()(
                    "cli.declared",
                    [
                        "id": change.incident.id.map(\.description) ?? "", "severity": severity.rawValue,
                        "title": change.incident.title,
                    ]))
        }
    }
}

extension Category: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}

/// Runs an incident change, printing an `IncidentError` as a sentence in `words`' language and failing.
func perform<T>(_ words: Localizer = .english, _ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as IncidentError {
        printErrors([error.message(in: words)])
        throw ExitCode.failure
    }
}

/// `#12 Acknowledged by Zhang Min`: what a change did, in the configuration's words.
func told(_ change: IncidentChange, _ config: BeaconConfig, queued key: String? = nil) -> String {
    let words = config.words()
    let line = "#\(change.incident.id?.rawValue ?? 0) " + TimelineText(words).sentence(change.event.fact)
    return line + (key.map { words($0, ["count": "\(change.notificationsQueued)"]) } ?? "")
}

/// Prints a value as Beacon's JSON.
func printJSON(_ value: some Encodable) throws {
    print(String(decoding: try JSONEncoder.beacon.encode(value), as: UTF8.self))
}
