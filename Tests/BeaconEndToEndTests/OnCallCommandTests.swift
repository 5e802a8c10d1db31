import BeaconCore
import Foundation
import Testing

/// `beacon oncall` and its overrides, run as a user would, on a rostered configuration. Every time is given
/// with `--at`, so nothing depends on when the test runs.
struct OnCallCommandTests {
    let config: TemporaryConfig

    init() throws {
        config = try TemporaryConfig()
        try config.write(
            "beacon.yaml",
            """
            store: beacon.sqlite
            listen: 127.0.0.1:0
            time_zone: Asia/Shanghai
            channels:
              hook: { type: webhook, url: "http://127.0.0.1:9/hook", audience: personal }
            chain:
              operation:
                roster: cs-duty
                people:
                  - { name: Zhang Min, login: zhangmin, channels: [hook] }
                  - { name: Chen Xiao, login: chenxiao, channels: [hook] }
              execution: { people: [ { name: Wang Lei, login: wanglei, channels: [hook] } ] }
              decision: { people: [ { name: Li Na, login: lina, channels: [hook] } ] }
            rosters:
              cs-duty:
                layers:
                  - { name: leads, shift: 12h, handoff: "2027-02-01T08:00", people: [zhangmin, chenxiao] }
            """)
    }

    func run(_ arguments: [String]) async throws -> BeaconProcess {
        try await BeaconProcess.run(arguments + ["--config", config.configPath])
    }

    struct Report: Decodable {
        struct Shift: Decodable {
            var login: String
            var until: String?
        }
        struct Duty: Decodable {
            var layer: String
            var roster: String?
            var onDuty: [Shift]
            var next: [Shift]
            var overridden: Bool
            enum CodingKeys: String, CodingKey {
                case layer, roster, next, overridden
                case onDuty = "on_duty"
            }
        }
        var layers: [Duty]
    }

    func report(at time: String) async throws -> Report {
        let shown = try await run(["oncall", "--at", time, "--json"])
        #expect(shown.status == 0, "\(shown.errors)")
        return try JSONDecoder().decode(Report.self, from: Data(shown.output.utf8))
    }

    @Test func showsWhoIsOnDutyUntilWhenAndWhoIsNext() async throws {
        let day = try await report(at: "2027-02-02T10:00")
        let operation = try #require(day.layers.first)
        #expect(operation.roster == "cs-duty")
        #expect(operation.onDuty.map(\.login) == ["zhangmin"])
        #expect(operation.onDuty.first?.until == "2027-02-02T12:00:00Z", "20:00 in Shanghai")
        #expect(operation.next.map(\.login) == ["chenxiao"])
        #expect(day.layers[1].onDuty.map(\.login) == ["wanglei"], "a layer without a roster: everyone")
        let text = try await run(["oncall", "--at", "2027-02-02T21:00"])
        #expect(text.output.contains("operation (cs-duty): Chen Xiao (chenxiao) until 2027-02-03 08:00"))
    }

    @Test func anOverrideByAPersonOfTheLayerPutsSomeoneOnDutyAndCanBeRemoved() async throws {
        let declared = try await run([
            "incident", "declare", "--title", "Card payments failing", "--category", "system", "--severity", "sev3",
            "--as", "wanglei",
        ])
        #expect(declared.status == 0, "\(declared.errors)")
        let made = try await run([
            "oncall", "override", "cs-duty", "--person", "zhangmin", "--from", "2027-02-02T20:00", "--to",
            "2027-02-03T08:00", "--as", "chenxiao", "--reason", "swap for Friday",
        ])
        #expect(made.status == 0, "\(made.errors)")
        #expect(made.output.hasPrefix("Override 1: zhangmin on duty in cs-duty"))
        let shown = try await run(["incident", "show", "1"])
        #expect(
            shown.output.contains(
                "Override by chenxiao: zhangmin on duty in roster cs-duty from 2027-02-02 20:00 to 2027-02-03 08:00 "
                    + "(Asia/Shanghai): swap for Friday"), "the open incident's timeline tells it: \(shown.output)")
        let night = try await report(at: "2027-02-02T21:00")
        #expect(night.layers[0].onDuty.map(\.login) == ["zhangmin"])
        #expect(night.layers[0].overridden)
        let listed = try await run(["oncall", "overrides", "--at", "2027-02-01T00:00"])
        #expect(
            listed.output.contains(
                "1  cs-duty  zhangmin  2027-02-02 20:00 → 2027-02-03 08:00  by chenxiao  (swap for Friday)"),
            "\(listed.output)")

        let refused = try await run([
            "oncall", "override", "cs-duty", "--person", "zhangmin", "--from", "2027-02-04T20:00", "--to",
            "2027-02-05T08:00", "--as", "wanglei",
        ])
        #expect(refused.status != 0)
        #expect(refused.errors.contains("Only people of the operation layer (or an admin) change roster cs-duty."))

        let removed = try await run(["oncall", "remove", "1", "--as", "zhangmin"])
        #expect(removed.status == 0, "\(removed.errors)")
        #expect(try await report(at: "2027-02-02T21:00").layers[0].onDuty.map(\.login) == ["chenxiao"])
    }
}
