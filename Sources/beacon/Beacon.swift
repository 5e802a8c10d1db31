import ArgumentParser

@main
struct Beacon: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "beacon",
        abstract: "Incident command for e-commerce operations: monitor, page, escalate, approve, review.",
        version: "0.4.0",
        subcommands: [
            Check.self, Serve.self, Demo.self, IncidentCommand.self, PostMortemCommand.self, Approve.self, Reject.self,
            UserCommand.self, ReportCommand.self, OnCall.self,
        ]
    )
}
