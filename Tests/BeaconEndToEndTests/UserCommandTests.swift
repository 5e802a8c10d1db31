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
}
