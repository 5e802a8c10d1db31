import ArgumentParser
import BeaconCore

@main
struct Beacon: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "beacon",
        abstract: Localizer.terminal("help.beacon.abstract"),
        version: "0.4.0",
        subcommands: [
            Check.self, Serve.self, Demo.self, IncidentCommand.self, PostMortemCommand.self, Approve.self, Reject.self,
            UserCommand.self, ReportCommand.self, OnCall.self, ClusterCommand.self, StoreCommand.self,
        ]
    )
}
