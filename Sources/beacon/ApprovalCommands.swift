import ArgumentParser
import BeaconCore
import Foundation

extension Beacon {
    /// `approve` and `reject`: the same shape, the other answer.
    struct ApprovalArguments: ParsableArguments {
        @OptionGroup var options: ConfigOptions
        @Argument(help: .words("help.approval_arguments.id")) var id: Int64
        @Option(name: .customLong("as"), help: .words("help.approval_arguments.person"))
        var person: String
        @Option(help: .words("help.approval_arguments.comment")) var comment: String?

        func run(approve: Bool) async throws {
            let config = try options.loadMain()
            let actor = try options.actor(person, in: config)
            let ledger = try await options.openRepositories(config).commands
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
        static let configuration = CommandConfiguration(abstract: Localizer.terminal("help.approve.abstract"))
        @OptionGroup var arguments: ApprovalArguments
        func run() async throws { try await arguments.run(approve: true) }
    }

    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: Localizer.terminal("help.reject.abstract"))
        @OptionGroup var arguments: ApprovalArguments
        func run() async throws { try await arguments.run(approve: false) }
    }
}

extension Beacon.IncidentCommand {
    struct Step: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Localizer.terminal("help.step.abstract"))

        @OptionGroup var options: ConfigOptions
        @Argument(help: .words("help.incident_number")) var id: Int64
        @Argument(help: .words("help.step.step")) var step: String
        @Option(name: .customLong("as"), help: .words("help.step.person")) var person: String
        @Option(help: .words("help.note")) var note: String?

        func run() async throws {
            let config = try options.loadMain()
            let actor = try options.actor(person, in: config)
            let repositories = try await options.openRepositories(config)
            let done = try await perform(config.words()) {
                try await repositories.commands.completeStep(
                    StepID(step), of: IncidentID(id), by: actor.name, layer: actor.layer, note: note, at: Date())
            }
            print(config.words()("cli.step_done", ["id": "\(id)", "step": done.stepID.rawValue, "name": actor.name]))
        }
    }
}
