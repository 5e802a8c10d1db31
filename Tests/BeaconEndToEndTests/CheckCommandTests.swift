import Foundation
import Testing

@Suite struct CheckCommandTests {
    let directory: URL

    init() throws {
        directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("beacon-check-\(UUID())")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("Alerts"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("Playbooks"), withIntermediateDirectories: true)
    }

    @Test func shippedConfigurationIsOK() throws {
        let config = BeaconProcess.repositoryRoot.appendingPathComponent("beacon.yaml").path
        let result = try BeaconProcess.run(["check", "--config", config])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.hasPrefix("OK: "))
        #expect(result.output.contains(" rules, 6 playbooks, "))
        #expect(result.output.hasSuffix(" in 3 layers\n"))
    }

    @Test func brokenConfigurationPrintsEveryErrorAndFails() throws {
        try write(
            "beacon.yaml",
            """
            channels:
              hook: { type: pigeon, url: "http://127.0.0.1:9000/hook" }
            chain:
              operation: { people: [ { name: A, channels: [hook] } ] }
              execution: { people: [ { name: B, channels: [hook] } ] }
              decision: { people: [] }
            """)
        try write(
            "Alerts/a.yaml",
            """
            rules:
              - id: r
                title: R
                category: system
                source: { url: "http://127.0.0.1:9100/m", format: prometheus, metric: m, interval: 5s, timeout: 5s }
                condition: { kind: threshold, op: "<", levels: { sev2: 0.9 } }
                playbook: nowhere
            """)
        try write("Playbooks/p.yaml", "id: p\ntitle: P\nsteps:\n  - { id: s, title: S, owner: ops }\n")
        let result = try BeaconProcess.run(["check", "--config", directory.appendingPathComponent("beacon.yaml").path])
        #expect(result.status == 1)
        #expect(result.output == "")
        #expect(
            result.errors.split(separator: "\n") == [
                #"beacon.yaml:2: channels.hook.type: unknown channel type "pigeon"; expected one of webhook, slack, dingtalk, wecom, feishu, smtp, sms"#,
                #"beacon.yaml:6: chain.decision.people: the decision layer is empty; every layer needs at least one person"#,
                #"Alerts/a.yaml:5: rules[0].source.timeout: timeout (5s) must be shorter than interval (5s)"#,
                #"Alerts/a.yaml:7: rules[0].playbook: unknown playbook "nowhere"; defined: p"#,
                #"Playbooks/p.yaml:4: steps[0].owner: unknown layer "ops"; expected one of operation, execution, decision"#,
            ])
    }

    private func write(_ name: String, _ text: String) throws {
        try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
}
