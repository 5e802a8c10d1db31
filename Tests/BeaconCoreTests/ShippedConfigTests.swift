import BeaconConfigFiles
import BeaconCore
import Foundation
import Testing

/// The configuration in the repository decodes and validates.
@Suite struct ShippedConfigTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func shippedConfigurationValidates() throws {
        let loader = ConfigLoader(path: Self.root.appendingPathComponent("beacon.yaml").path, environment: [:])
        let config: BeaconConfig
        do {
            config = try loader.load()
        } catch {
            Issue.record("shipped configuration is invalid:\n\(error)")
            return
        }
        #expect(config.playbooks.count == 6)
        #expect(config.language == .zhCN, "the shipped file speaks Chinese")
        #expect(
            Set(config.rules.map(\.category)).isSuperset(of: [.traffic, .system, .sentiment, .complaint, .service]))
        #expect(Set(config.rules.map(\.condition.kind)) == Set(ConditionKind.allCases))
        for layer in Layer.allCases { #expect(!config.chain[layer].people.isEmpty) }
        for rule in config.rules { #expect(rule.source.url.hasPrefix("http://127.0.0.1:9100/")) }
    }

    @Test func paymentSuccessBelowNinetyPercentIsAtLeastSev2() throws {
        let config = try ConfigLoader(path: Self.root.appendingPathComponent("beacon.yaml").path, environment: [:])
            .load()
        let rule = try #require(config.rules.first { $0.source.metric?.name == "payment_success_rate" })
        guard case .threshold(let op, let levels) = rule.condition else {
            Issue.record("payment success is not a threshold rule")
            return
        }
        let matched = levels.filter { op.holds(0.89, $0.value) }.keys.max()
        #expect(matched.map { $0 >= .sev2 } == true)
    }
}
