import Foundation
import Testing

/// `beacon user add`: only people of the chain become users, with the chain's name and layer; tools get service
/// accounts.
struct UserCommandTests {
    @Test func onlyPeopleOfTheChainBecomeUsersAndToolsGetServiceAccounts() async throws {
        let config = try TemporaryConfig()
        try config.writeMinimal(metricsURL: "http://127.0.0.1:9/metrics")
        let stranger = try await BeaconProcess.run(["user", "add", "randomguy", "--config", config.configPath])
        #expect(stranger.status != 0)
        #expect(stranger.errors.contains("randomguy is not the login of a person of the command chain in beacon.yaml"))
        let oldStyle = try await BeaconProcess.run([
            "user", "add", "randomguy", "--layer", "decision", "--config", config.configPath,
        ])
        #expect(oldStyle.status != 0, "a layer is not given on the command line any more")
        let tool = try await BeaconProcess.run([
            "user", "add", "alertmanager", "--service", "intake", "--config", config.configPath,
        ])
        #expect(tool.status == 0, "\(tool.errors)")
        let list = try await BeaconProcess.run(["user", "list", "--config", config.configPath])
        #expect(list.output.contains("alertmanager   service:intake"))
    }

    @Test func inviteMakesEachPersonAUserAndPrintsAOneTimeLink() async throws {
        let config = try TemporaryConfig()
        try config.writeMinimal(metricsURL: "http://127.0.0.1:9/metrics")
        let invited = try await BeaconProcess.run(["user", "invite", "--all", "--config", config.configPath])
        #expect(invited.status == 0, "\(invited.errors)")
        let lines = invited.output.split(separator: "\n")
        #expect(lines.count == 4, "one line a person, then when the links expire: \(invited.output)")
        // Sent on Zhang Min's personal webhook by `beacon serve`, from the outbox; printed as well.
        #expect(lines[0].hasPrefix("zhangmin (Zhang Min, operation), sent on hook: http://127.0.0.1:0/invite/"))
        let list = try await BeaconProcess.run(["user", "list", "--config", config.configPath])
        #expect(list.output.contains("wanglei        execution      Wang Lei"))
        let stranger = try await BeaconProcess.run(["user", "invite", "randomguy", "--config", config.configPath])
        #expect(stranger.status != 0)
    }
}
