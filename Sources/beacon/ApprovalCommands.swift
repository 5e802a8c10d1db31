import ArgumentParser
import BeaconCore
import Foundation

extension Beacon {
    /// `approve` and `reject`: the same shape, the other answer.
    struct ApprovalArguments: ParsableArguments {
        @OptionGroup var options: ConfigOptions
        @Argument(help: "The approval number (see `beacon incident show`).") var id: Int64
        @Option(name: .customLong("as"), help: "Who answers: a login or name from the decision layer.")
        var person: String
        @Option(help: "A comment for the timeline and the execution layer.") var comment: String?

        func run(approve: Bool) async throws {
            let config = try options.loadMain()
            let actor = try options.actor(person, in: config)
            let ledger = try options.openRepositories(config).commands
            let approval = try await perform(config.words()) {
                try await ledger.answer(
                    ApprovalID(id), approve: approve, by: actor.name, layer: actor.layer, comment: comment, at: Date())
            }
            print(
                config.words()(
                    "cli.approval.answered",
                    [
                        "id": "\(id)", "state": config.words()("approval.\(approval.state.rawValue)"),
                        "name": actor.name, "title": approval.title,
                    ]))
        }
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Approve a request put to the decision layer.")
        @OptionGroup var arguments: ApprovalArguments
        func run() async throws { try await arguments.run(approve: true) }
    }

    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reject a request put to the decision layer.")
        @OptionGroup var arguments: ApprovalArguments
        func run() async throws { try await arguments.run(approve: false) }
    }
}

extension Beacon.IncidentCommand {
    struct Step: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mark a playbook step done, as a person of the layer that owns it.")

        @OptionGroup var options: ConfigOptions
        @Argument(help: "The incident number.") var id: Int64
        @Argument(help: "The step id (see `beacon incident show`).") var step: String
        @Option(name: .customLong("as"), help: "Who did it: a login or name from the command chain.") var person: String
        @Option(help: "A note for the timeline.") var note: String?

        func run() async throws {
            let config = try options.loadMain()
            let actor = try options.actor(person, in: config)
            let repositories = try options.openRepositories(config)
            let done = try await perform(config.words()) {
                try await repositories.commands.completeStep(
                    StepID(step), of: IncidentID(id), by: actor.name, layer: actor.layer, note: note, at: Date())
            }
            print(config.words()("cli.step_done", ["id": "\(id)", "step": done.stepID.rawValue, "name": actor.name]))
        }
    }
}
