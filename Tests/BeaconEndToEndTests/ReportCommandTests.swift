import BeaconCore
import Foundation
import Testing

@Suite struct ReportCommandTests {
    let config: TemporaryConfig
    /// The report's weeks follow the process's time zone.
    let environment = ["TZ": "Asia/Shanghai"]

    init() throws {
        config = try TemporaryConfig()
        try config.writeMinimal(metricsURL: "http://127.0.0.1:9/metrics")
    }

    func beacon(_ arguments: [String]) async throws -> BeaconProcess {
        try await BeaconProcess.run(arguments + ["--config", config.configPath], environment: environment)
    }

    /// Declares an incident and returns the week it opened in, read from its `opened_at`.
    func declare(_ title: String, category: String, severity: String) async throws -> ISOWeek {
        let declared = try await beacon([
            "incident", "declare", "--title", title, "--category", category, "--severity", severity, "--as",
            "zhangmin", "--json",
        ])
        #expect(declared.status == 0, "\(declared.errors)")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(declared.output.utf8)) as? [String: Any])
        let stamp = try #require(document["opened_at"] as? String)
        let opened = try #require(ISO8601DateFormatter().date(from: stamp))
        let shanghai = ISOWeek.calendar(in: try #require(TimeZone(identifier: "Asia/Shanghai")))
        return ISOWeek(containing: opened, in: shanghai)
    }

    @Test func printsTheWeekAsMarkdownOrJSON() async throws {
        let week = try await declare("Card payments failing", category: "system", severity: "sev1")
        _ = try await declare("Refund requests up", category: "complaint", severity: "sev3")

        let markdown = try await beacon(["report", "weekly", "--week", week.description])
        #expect(markdown.status == 0, "\(markdown.errors)")
        #expect(markdown.output.hasPrefix("# Weekly incident report \(week): \(week.days.first) to \(week.days.last)"))
        #expect(markdown.output.contains("(Asia/Shanghai)"))
        #expect(markdown.output.contains("| Incidents opened | 2 | 0 |"))
        #expect(markdown.output.contains("| system | 1 | 50.0% |"))
        #expect(markdown.output.contains("| sev1 critical | 1 | 50.0% |"))

        let json = try await beacon(["report", "weekly", "--week", week.description, "--json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(document["week"] as? String == week.description)
        #expect(document["time_zone"] as? String == "Asia/Shanghai")
        let totals = try #require(document["totals"] as? [String: Any])
        #expect(totals["incidents"] as? Int == 2)
        #expect(totals["declared"] as? Int == 2)
        #expect(totals["active"] as? Int == 2)

        let other = try await beacon(["report", "weekly", "--week", week.next.description, "--json"])
        let empty = try #require(try JSONSerialization.jsonObject(with: Data(other.output.utf8)) as? [String: Any])
        #expect((empty["totals"] as? [String: Any])?["incidents"] as? Int == 0)
        #expect((empty["previous_week"] as? [String: Any])?["week"] as? String == week.description)
    }

    @Test func weeksFollowTheConfiguredTimeZoneOverTheMachinesAndTheHelpSaysSo() async throws {
        let yaml = try String(contentsOfFile: config.configPath, encoding: .utf8)
        try config.write("beacon.yaml", yaml + "\ntime_zone: America/New_York\n")
        let week = try await declare("Card payments failing", category: "system", severity: "sev1")
        let json = try await beacon(["report", "weekly", "--week", week.description, "--json"])
        #expect(json.status == 0, "\(json.errors)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(document["time_zone"] as? String == "America/New_York", "time_zone wins over TZ=Asia/Shanghai")

        let help = try await beacon(["report", "weekly", "--help"])
        #expect(help.status == 0)
        let text = help.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(
            text.contains("in the configuration's time_zone (beacon.yaml); without one, in this machine's time zone"))
        #expect(!text.contains("set TZ"))
    }

    @Test func aBadWeekIsRefusedWithTheExpectedForm() async throws {
        let refused = try await beacon(["report", "weekly", "--week", "2026-47"])
        #expect(refused.status != 0)
        #expect(
            refused.errors.contains(
                #"--week: "2026-47" is not a week; write it as 2026-W47 (year, W, week number 01 to 53)."#))
        let past = try await beacon(["report", "weekly", "--week", "2025-W53"])
        #expect(past.status != 0)
        #expect(past.errors.contains("--week: 2025-W53: 2025 has 52 weeks."))
    }
}
