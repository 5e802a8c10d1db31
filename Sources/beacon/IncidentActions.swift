import ArgumentParser
import BeaconCore
import BeaconServer
import Foundation

extension Beacon.IncidentCommand {
    /// `ack`, `mitigate`, `resolve` and `close`: the same shape, a different action.
    enum Act {
        struct Arguments: ParsableArguments {
            @OptionGroup var options: ConfigOptions
            @Argument(help: .words("help.incident_number")) var id: Int64
            @Option(name: .customLong("as"), help: .words("help.actor"))
            var person: String
            @Option(help: .words("help.note")) var note: String?
            @Flag(help: .words("help.json")) var json = false

            func run(_ action: IncidentAction) async throws {
                let config = try options.loadMain()
                let actor = try options.actor(person, in: config)
                let repositories = try await options.openRepositories(config)
                let change = try await perform(config.words()) {
                    try await repositories.commands.perform(
                        action, on: IncidentID(id), by: actor.name, note: note, at: Date())
                }
                if json { return try printJSON(IncidentResource(change.incident)) }
                print(told(change, config))
            }
        }

        struct Acknowledge: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "ack", abstract: Localizer.terminal("help.acknowledge.abstract"))
            @OptionGroup var arguments: Arguments
            func run() async throws { try await arguments.run(.acknowledge) }
        }

        struct Mitigate: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: Localizer.terminal("help.mitigate.abstract"))
            @OptionGroup var arguments: Arguments
            func run() async throws { try await arguments.run(.mitigate) }
        }

        struct Resolve: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: Localizer.terminal("help.resolve.abstract"))
            @OptionGroup var arguments: Arguments
            func run() async throws { try await arguments.run(.resolve) }
        }

        struct Close: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: Localizer.terminal("help.close.abstract"))
            @OptionGroup var arguments: Arguments
            func run() async throws { try await arguments.run(.close) }
        }
    }
}

extension Beacon.IncidentCommand {
    struct Reopen: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Localizer.terminal("help.reopen.abstract"))

        @OptionGroup var options: ConfigOptions
        @Argument(help: .words("help.incident_number")) var id: Int64
        @Option(name: .customLong("as"), help: .words("help.reopen.person"))
        var person: String
        @Option(help: .words("help.reopen.reason")) var reason: String

        func run() async throws {
            let config = try options.loadMain()
            let actor = try options.actor(person, in: config)
            let repositories = try await options.openRepositories(config)
            let change = try await perform(config.words()) {
                try await repositories.commands.reopen(
                    IncidentID(id), reason: reason, by: actor.name, layer: actor.layer, at: Date())
            }
            print(told(change, config))
        }
    }

    struct SetSeverity: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "severity",
            abstract: Localizer.terminal("help.set_severity.abstract"),
            discussion: Localizer.terminal("help.set_severity.discussion"))

        @OptionGroup var options: ConfigOptions
        @Argument(help: .words("help.incident_number")) var id: Int64
        @Argument(help: .words("help.set_severity.severity")) var severity: Severity
        @Option(name: .customLong("as"), help: .words("help.set_severity.person"))
        var person: String
        @Option(help: .words("help.set_severity.reason")) var reason: String

        func run() async throws {
            let config = try options.loadMain()
            let actor = try options.actor(person, in: config)
            let repositories = try await options.openRepositories(config)
            let change = try await perform(config.words()) {
                try await repositories.commands.changeSeverity(
                    IncidentID(id), to: severity, reason: reason, by: actor.name, layer: actor.layer, at: Date())
            }
            print(told(change, config, queued: "cli.queued"))
        }
    }

    struct Instruct: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Localizer.terminal("help.instruct.abstract"))

        @OptionGroup var options: ConfigOptions
        @Argument(help: .words("help.incident_number")) var id: Int64
        @Option(name: .customLong("as"), help: .words("help.instruct.person"))
        var person: String
        @Option(help: .words("help.instruct.text")) var text: String

        func run() async throws {
            let config = try options.loadMain()
            let actor = try options.actor(person, in: config)
            let repositories = try await options.openRepositories(config)
            let change = try await perform(config.words()) {
                try await repositories.commands.instruct(
                    IncidentID(id), text: text, by: actor.name, layer: actor.layer, at: Date())
            }
            print(told(change, config, queued: "cli.to_execution"))
        }
    }
}
