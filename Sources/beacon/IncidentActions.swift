import ArgumentParser
import BeaconCore
import BeaconServer
import Foundation

extension Beacon.IncidentCommand {
    /// `ack`, `mitigate`, `resolve` and `close`: the same shape, a different action.
    enum Act {
        struct Arguments: ParsableArguments {
            @OptionGroup var options: ConfigOptions
            @Argument(help: "The incident number.") var id: Int64
            @Option(name: .customLong("as"), help: "Who does it: a login or name from the command chain.")
            var person: String
            @Option(help: "A note for the timeline.") var note: String?
            @Flag(help: "Print one JSON document.") var json = false

            func run(_ action: IncidentAction) async throws {
                let config = try options.loadMain()
                let actor = try options.actor(person, in: config)
                let repositories = try options.openRepositories(config)
                let change = try await perform(config.words()) {
                    try await repositories.commands.perform(
                        action, on: IncidentID(id), by: actor.name, note: note, at: Date())
                }
                if json { return try printJSON(IncidentResource(change.incident)) }
                print(told(change, config))
            }
        }

        struct Acknowledge: AsyncParsableCommand {
            static let configuration = CommandConfiguration(commandName: "ack", abstract: "Acknowledge an incident.")
            @OptionGroup var arguments: Arguments
            func run() async throws { try await arguments.run(.acknowledge) }
        }

        struct Mitigate: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Mark an incident mitigated.")
            @OptionGroup var arguments: Arguments
            func run() async throws { try await arguments.run(.mitigate) }
        }

        struct Resolve: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Resolve an incident.")
            @OptionGroup var arguments: Arguments
            func run() async throws { try await arguments.run(.resolve) }
        }

        struct Close: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Close a resolved incident once its post-mortem has a root cause and follow-ups.")
            @OptionGroup var arguments: Arguments
            func run() async throws { try await arguments.run(.close) }
        }
    }
}

extension Beacon.IncidentCommand {
    struct Reopen: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reopen a closed incident, with a reason, to change its post-mortem (operation and execution).")

        @OptionGroup var options: ConfigOptions
        @Argument(help: "The incident number.") var id: Int64
        @Option(name: .customLong("as"), help: "Who reopens: a login or name from the operation or execution layer.")
        var person: String
        @Option(help: "Why it reopens.") var reason: String

        func run() async throws {
            let config = try options.loadMain()
            let actor = try options.actor(person, in: config)
            let repositories = try options.openRepositories(config)
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
            abstract: "Set an incident's severity, with a reason (operation and execution layers).",
            discussion: """
                A raise pages the layers the new severity adds and activates its steps; a lowering is recorded \
                and silences nothing already asked.
                """)

        @OptionGroup var options: ConfigOptions
        @Argument(help: "The incident number.") var id: Int64
        @Argument(help: "The new severity: sev1, sev2, sev3 or sev4.") var severity: Severity
        @Option(name: .customLong("as"), help: "Who sets it: a login or name from the operation or execution layer.")
        var person: String
        @Option(help: "Why the severity changes.") var reason: String

        func run() async throws {
            let config = try options.loadMain()
            let actor = try options.actor(person, in: config)
            let repositories = try options.openRepositories(config)
            let change = try await perform(config.words()) {
                try await repositories.commands.changeSeverity(
                    IncidentID(id), to: severity, reason: reason, by: actor.name, layer: actor.layer, at: Date())
            }
            print(told(change, config, queued: "cli.queued"))
        }
    }

    struct Instruct: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give the decision layer's instruction: on the timeline, to the execution layer; it meets "
                + "instruct_within.")

        @OptionGroup var options: ConfigOptions
        @Argument(help: "The incident number.") var id: Int64
        @Option(name: .customLong("as"), help: "Who instructs: a login or name from the decision layer.")
        var person: String
        @Option(help: "The instruction.") var text: String

        func run() async throws {
            let config = try options.loadMain()
            let actor = try options.actor(person, in: config)
            let repositories = try options.openRepositories(config)
            let change = try await perform(config.words()) {
                try await repositories.commands.instruct(
                    IncidentID(id), text: text, by: actor.name, layer: actor.layer, at: Date())
            }
            print(told(change, config, queued: "cli.to_execution"))
        }
    }
}
