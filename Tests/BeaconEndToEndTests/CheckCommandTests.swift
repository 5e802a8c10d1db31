import BeaconTestSupport
import Foundation
import Testing

@Suite struct CheckCommandTests {
    /// Removed when the test ends.
    let temporary = TemporaryDirectory()
    let directory: URL

    init() throws {
        directory = URL(fileURLWithPath: temporary.path)
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("Alerts"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("Playbooks"), withIntermediateDirectories: true)
    }

    @Test func shippedConfigurationIsOK() async throws {
        let config = BeaconProcess.repositoryRoot.appendingPathComponent("beacon.yaml").path
        let result = try await BeaconProcess.run(["check", "--config", config])
        // The shipped configuration speaks Chinese (locale: zh-CN), and so does its check.
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.hasPrefix("正常："))
        #expect(result.output.contains(" 条规则、6 个预案，3 个层级共 "))
        // Every channel still on its loopback default is pointed out, without failing.
        #expect(
            result.errors.contains(
                "警告：beacon.yaml:51: channels.ops-dingtalk.url: ${DINGTALK_OPS_URL} 未设置，所以渠道 ops-dingtalk "
                    + "会发往 127.0.0.1；上线前请设置它"))
        #expect(result.errors.split(separator: "\n").count == 5, "\(result.errors)")
        let live = try await BeaconProcess.run(
            ["check", "--config", config],
            environment: ["DINGTALK_OPS_URL": "https://oapi.dingtalk.com/robot/send?access_token=abc"])
        #expect(live.status == 0)
        #expect(!live.errors.contains("DINGTALK_OPS_URL"))
        #expect(live.errors.split(separator: "\n").count == 4)
    }

    @Test func aDeciderWithNoPersonalChannelIsPointedOut() async throws {
        try write(
            "beacon.yaml",
            """
            channels:
              group: { type: dingtalk, url: "https://oapi.dingtalk.com/robot/send?access_token=x" }
              mail: { type: smtp, url: "smtp://mail.example.com:587", from: beacon@example.com }
              cfo-hook: { type: webhook, url: "https://hooks.example.com/cfo", audience: personal }
            chain:
              operation: { ack_within: 5m, people: [{ name: Zhang Min, login: zhangmin, channels: [group] }] }
              execution: { assess_within: 15m, people: [{ name: Wang Lei, login: wanglei, channels: [mail] }] }
              decision:
                instruct_within: 30m
                people:
                  - { name: Li Na, login: lina, channels: [group] }
                  - { name: Chen Jie, login: chenjie, channels: [group, cfo-hook] }
            """)
        let result = try await BeaconProcess.run([
            "check", "--config", directory.appendingPathComponent("beacon.yaml").path,
        ])
        #expect(result.status == 0, "\(result.errors)")
        #expect(
            result.errors
                == "warning: beacon.yaml:1: chain.decision.people[0]: Li Na has no personal channel (sms, smtp, or a "
                + "webhook with audience: personal), so no approval request they can answer from a message reaches "
                + "them; they can still answer in the console\n")
    }

    @Test func brokenConfigurationPrintsEveryErrorAndFails() async throws {
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
        let result = try await BeaconProcess.run([
            "check", "--config", directory.appendingPathComponent("beacon.yaml").path,
        ])
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

    /// A configuration that asks for Chinese is checked in Chinese even when it does not parse; one that cannot be
    /// read at all is told in the terminal's language.
    @Test func problemsAreToldInTheLanguageTheConfigurationAsksFor() async throws {
        try write(
            "beacon.yaml",
            """
            locale: zh-CN
            channels:
              hook: { type: pigeon, url: "http://127.0.0.1:9000/hook" }
            chain:
              operation: { people: [ { name: A, channels: [hook] } ] }
              execution: { people: [ { name: B, channels: [hook] } ] }
              decision: { people: [] }
            """)
        let path = directory.appendingPathComponent("beacon.yaml").path
        let result = try await BeaconProcess.run(["check", "--config", path])
        #expect(result.status == 1)
        #expect(
            result.errors.split(separator: "\n") == [
                "beacon.yaml:3: channels.hook.type: 未知的渠道类型 “pigeon”；应为以下之一：webhook, slack, dingtalk, wecom, feishu, smtp, sms",
                "beacon.yaml:7: chain.decision.people: 决策层为空；每一层至少需要一个人",
            ])
        let missing = directory.appendingPathComponent("nowhere.yaml").path
        let english = try await BeaconProcess.run(["check", "--config", missing])
        #expect(english.errors == "\(missing):1: cannot read the file\n")
        let chinese = try await BeaconProcess.run(
            ["check", "--config", missing], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(chinese.errors == "\(missing):1: 无法读取文件\n")
    }

    /// `--help` is printed before any configuration is read, so it speaks the terminal's language.
    @Test func helpSpeaksTheTerminalsLanguage() async throws {
        let chinese = try await BeaconProcess.run(["incident", "--help"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(chinese.status == 0)
        #expect(chinese.output.contains("列出、查看、宣布和处理事件。"))
        #expect(chinese.output.contains("确认事件。"))
        let english = try await BeaconProcess.run(["incident", "ack", "--help"])
        #expect(english.output.contains("Acknowledge an incident."))
        #expect(english.output.contains("A note for the timeline."))
        #expect(!english.output.contains("⟦"))
    }

    private func write(_ name: String, _ text: String) throws {
        try text.write(to: directory.appendingPathComponent(name), atomically: false, encoding: .utf8)
    }
}
