import Foundation
import Testing

@Suite struct IncidentCommandTests {
    @Test func declareAcknowledgeAndShow() throws {
        let config = try TemporaryConfig()
        try config.writeMinimal(metricsURL: "http://127.0.0.1:9/metrics")
        let path = config.configPath
        let declared = try BeaconProcess.run([
            "incident", "declare", "--title", "Typhoon delays deliveries", "--category", "system", "--severity",
            "sev2",
            "--as", "Zhang Min", "--config", path,
        ])
        #expect(declared.status == 0, "\(declared.errors)")
        #expect(declared.output == "Declared #1 at sev2: Typhoon delays deliveries\n")

        let acknowledged = try BeaconProcess.run([
            "incident", "ack", "1", "--as", "zhangmin", "--note", "on it", "--config", path,
        ])
        #expect(acknowledged.output == "#1 Acknowledged by zhangmin: on it\n")
        let again = try BeaconProcess.run(["incident", "ack", "1", "--as", "zhangmin", "--config", path])
        #expect(again.status == 1)
        #expect(again.errors == "Incident #1 is acknowledged; it can be acknowledged only when open.\n")

        let stranger = try BeaconProcess.run(["incident", "ack", "1", "--as", "mallory", "--config", path])
        #expect(stranger.status != 0)
        #expect(stranger.errors.contains(#"No person "mallory" in the command chain; known: zhangmin, wanglei, lina."#))

        let list = try BeaconProcess.run(["incident", "list", "--config", path])
        #expect(list.output.contains("#1  sev2  acknowledged"))
        let show = try BeaconProcess.run(["incident", "show", "1", "--json", "--config", path])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(show.output.utf8)) as? [String: Any])
        #expect(document["status"] as? String == "acknowledged")
        let timeline = try #require(document["timeline"] as? [[String: Any]])
        #expect(timeline.map { $0["kind"] as? String } == ["declared", "playbook_started", "paged", "acknowledged"])
        #expect(timeline.map { $0["actor"] as? String } == ["zhangmin", "beacon", "beacon", "zhangmin"])
        let pages = try #require(document["notifications"] as? [[String: Any]])
        #expect(
            pages.map { $0["person"] as? String } == ["zhangmin", "wanglei"], "a sev2 pages operation and execution")
        #expect(pages.allSatisfy { $0["state"] as? String == "pending" }, "no daemon runs to send them")
    }
}
