import Foundation

/// A configuration folder under the temporary directory, written file by file, removed with the value.
final class TemporaryConfig: Sendable {
    let directory: URL

    init() throws {
        directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("beacon-e2e-\(UUID())")
        for folder in ["Alerts", "Playbooks"] {
            try FileManager.default.createDirectory(
                at: directory.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
    }

    var configPath: String { directory.appendingPathComponent("beacon.yaml").path }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) throws {
        try text.write(to: directory.appendingPathComponent(name), atomically: false, encoding: .utf8)
    }

    /// A small valid configuration: one person per layer, with their roles, one playbook, one rule reading `metricsURL`.
    func writeMinimal(metricsURL: String, hookURL: String = "http://127.0.0.1:9/hook", ackWithin: String = "5m") throws
    {
        try write(
            "beacon.yaml",
            """
            store: beacon.sqlite
            listen: 127.0.0.1:0
            channels:
              hook: { type: webhook, url: "\(hookURL)", audience: personal }
            chain:
              operation: { ack_within: \(ackWithin), people: [ { name: Zhang Min, login: zhangmin, role: CS team lead, channels: [hook] } ] }
              execution: { people: [ { name: Wang Lei, login: wanglei, role: CS director, channels: [hook] } ] }
              decision: { people: [ { name: Li Na, login: lina, role: CEO, channels: [hook] } ] }
            """)
        try write(
            "Playbooks/system.yaml",
            """
            id: system-failure
            title: System failure
            applies_to: { categories: [system] }
            steps:
              - { id: confirm, title: Confirm the failure, owner: operation, within: 5m }
              - { id: compensation, title: Approve compensation, owner: decision, approval: true, min_severity: sev1 }
            """)
        try write("Alerts/payments.yaml", Self.paymentRule(metricsURL: metricsURL, kind: "threshold"))
    }

    static func paymentRule(metricsURL: String, kind: String) -> String {
        """
        rules:
          - id: payment-success-rate
            title: Payment success rate
            category: system
            source: { url: "\(metricsURL)", format: prometheus, metric: payment_success_rate, interval: 200ms, timeout: 150ms }
            condition: { kind: \(kind), op: "<", levels: { sev2: 0.9 } }
        """
    }

    deinit { try? FileManager.default.removeItem(at: directory) }
}
