import BeaconCore
import Foundation

/// A small valid configuration, edited one line at a time by the tests.
struct ConfigFixture {
    var main = """
        store: beacon.sqlite
        listen: 127.0.0.1:8080
        channels:
          hook: { type: webhook, url: "http://127.0.0.1:9000/hook" }
          mail: { type: smtp, url: "smtp://127.0.0.1:2525", from: beacon@example.com }
        chain:
          operation:
            ack_within: 5m
            people:
              - { name: Zhang Min, login: zhangmin, channels: [hook] }
          execution:
            assess_within: 15m
            people:
              - { name: Wang Lei, login: wanglei, channels: [mail, hook] }
          decision:
            instruct_within: 30m
            people:
              - { name: Li Na, login: lina, channels: [mail] }
        paging:
          sev1: [operation, execution, decision]
        """

    var rules = """
        rules:
          - id: payment-success-rate
            title: Payment success rate
            category: system
            source:
              url: http://127.0.0.1:9100/metrics
              format: prometheus
              metric: payment_success_rate
              interval: 15s
              timeout: 3s
            condition:
              kind: threshold
              op: "<"
              levels: { sev2: 0.90, sev1: 0.80 }
            for: 1m
            resolve_after: 2m
            playbook: payment-failure
          - id: negative-mentions
            title: Negative mentions
            category: sentiment
            source:
              url: http://127.0.0.1:9100/sentiment.json
              format: json
              path: negative_mentions
            condition:
              kind: change
              window: 1h
              op: ">"
              levels: { sev3: 300%, sev2: 10x }
        """

    var playbook = """
        id: payment-failure
        title: System failure
        applies_to: { categories: [system] }
        steps:
          - id: confirm
            title: Confirm the failure
            owner: operation
            within: 5m
          - id: progress
            title: Progress update
            owner: operation
            every: 30m
          - id: compensation
            title: Approve compensation
            owner: decision
            approval: true
            min_severity: sev2
        """

    var environment: [String: String] = [:]

    var files: ConfigFiles {
        ConfigFiles(
            main: ConfigFile(name: "beacon.yaml", text: main),
            alerts: [ConfigFile(name: "Alerts/payments.yaml", text: rules)],
            playbooks: [ConfigFile(name: "Playbooks/payment-failure.yaml", text: playbook)])
    }

    func parse() throws(ConfigErrors) -> BeaconConfig {
        try ConfigParser.parse(files, environment: environment)
    }

    /// The rendered issues, or an empty list when the configuration is valid.
    func issues() -> [String] {
        do {
            _ = try parse()
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    enum Part { case main, rules, playbook }

    /// A copy with `old` replaced by `new` in one file; the text must occur exactly once.
    func editing(_ part: Part, _ old: String, _ new: String) -> ConfigFixture {
        var copy = self
        switch part {
        case .main: copy.main = Self.replace(main, old, new)
        case .rules: copy.rules = Self.replace(rules, old, new)
        case .playbook: copy.playbook = Self.replace(playbook, old, new)
        }
        return copy
    }

    private static func replace(_ text: String, _ old: String, _ new: String) -> String {
        let parts = text.components(separatedBy: old)
        precondition(parts.count == 2, "fixture text \"\(old)\" must occur exactly once")
        return parts.joined(separator: new)
    }
}
