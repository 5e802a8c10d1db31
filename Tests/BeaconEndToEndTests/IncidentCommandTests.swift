import Foundation
import Testing

@Suite struct IncidentCommandTests {
    @Test func declareAcknowledgeAndShow() async throws {
        let config = try TemporaryConfig()
        try config.writeMinimal(metricsURL: "http://127.0.0.1:9/metrics")
        let path = config.configPath
        let declared = try await BeaconProcess.run([
            "incident", "declare", "--title", "Typhoon delays deliveries", "--category", "system", "--severity",
            "sev2",
            "--as", "Zhang Min", "--config", path,
        ])
        #expect(declared.status == 0, "\(declared.errors)")
        #expect(declared.output == "Declared #1 at sev2: Typhoon delays deliveries\n")

        let acknowledged = try await BeaconProcess.run([
            "incident", "ack", "1", "--as", "zhangmin", "--note", "on it", "--config", path,
        ])
        #expect(acknowledged.output == "#1 Acknowledged by zhangmin: on it\n")
        let again = try await BeaconProcess.run(["incident", "ack", "1", "--as", "zhangmin", "--config", path])
        #expect(again.status == 1)
        #expect(again.errors == "Incident #1 is acknowledged; it can be acknowledged only when open.\n")

        let stranger = try await BeaconProcess.run(["incident", "ack", "1", "--as", "mallory", "--config", path])
        #expect(stranger.status != 0)
        #expect(stranger.errors.contains(#"No person "mallory" in the command chain; known: zhangmin, wanglei, lina."#))

        let list = try await BeaconProcess.run(["incident", "list", "--config", path])
        #expect(list.output.contains("#1  sev2  acknowledged"))
        let show = try await BeaconProcess.run(["incident", "show", "1", "--json", "--config", path])
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

    @Test func raisingTheSeverityPagesTheLayersItAdds() async throws {
        let config = try TemporaryConfig()
        try config.writeMinimal(metricsURL: "http://127.0.0.1:9/metrics")
        let path = config.configPath
        _ = try await BeaconProcess.run([
            "incident", "declare", "--title", "Refund queue stuck", "--category", "service", "--severity", "sev3",
            "--as", "zhangmin", "--config", path,
        ])
        let raised = try await BeaconProcess.run([
            "incident", "severity", "1", "sev1", "--as", "wanglei", "--reason", "Every refund fails", "--config", path,
        ])
        #expect(raised.status == 0, "\(raised.errors)")
        #expect(raised.output.hasPrefix("#1 Severity raised from sev3 to sev1 by wanglei: Every refund fails ("))
        let executive = try await BeaconProcess.run([
            "incident", "severity", "1", "sev2", "--as", "lina", "--reason", "calm down", "--config", path,
        ])
        #expect(executive.status == 1)
        #expect(executive.errors == "The operation and execution layers set the severity; give an instruction.\n")
        let show = try await BeaconProcess.run(["incident", "show", "1", "--json", "--config", path])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(show.output.utf8)) as? [String: Any])
        #expect(document["severity"] as? String == "sev1")
        let pages = try #require(document["notifications"] as? [[String: Any]])
        #expect(pages.map { $0["person"] as? String }.contains("lina"), "sev1 pages the decision layer")
    }

    @Test func approvingFromTheCommandLine() async throws {
        let config = try TemporaryConfig()
        try config.writeMinimal(metricsURL: "http://127.0.0.1:9/metrics")
        let path = config.configPath
        _ = try await BeaconProcess.run([
            "incident", "declare", "--title", "Card payments down", "--category", "system", "--severity", "sev1",
            "--as", "zhangmin", "--config", path,
        ])
        let show = try await BeaconProcess.run(["incident", "show", "1", "--json", "--config", path])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(show.output.utf8)) as? [String: Any])
        let approvals = try #require(document["approvals"] as? [[String: Any]])
        let id = try #require(approvals.first?["id"] as? Int)
        #expect(approvals.first?["state"] as? String == "pending")

        let director = try await BeaconProcess.run(["approve", "\(id)", "--as", "wanglei", "--config", path])
        #expect(director.status == 1)
        #expect(director.errors == "Only the decision layer answers approvals; wanglei is in execution.\n")

        let approved = try await BeaconProcess.run([
            "approve", "\(id)", "--as", "Li Na", "--comment", "refund the fees", "--config", path,
        ])
        #expect(approved.output == "Approval \(id) approved by lina: Approve compensation\n")
        let again = try await BeaconProcess.run(["reject", "\(id)", "--as", "lina", "--config", path])
        #expect(again.status == 1)
        #expect(again.errors.hasPrefix("Approval \(id) was already approved by lina at "))

        let after = try await BeaconProcess.run(["incident", "show", "1", "--config", path])
        #expect(after.output.contains("Approved by lina: Approve compensation — refund the fees"))
        #expect(after.output.contains("done     decision   compensation [approval]"))
    }

    @Test func aStepIsMarkedDoneFromTheCommandLineByItsOwnerLayer() async throws {
        let config = try TemporaryConfig()
        try config.writeMinimal(metricsURL: "http://127.0.0.1:9/metrics")
        let path = config.configPath
        _ = try await BeaconProcess.run([
            "incident", "declare", "--title", "Card payments down", "--category", "system", "--severity", "sev2",
            "--as", "zhangmin", "--config", path,
        ])
        let wrongLayer = try await BeaconProcess.run([
            "incident", "step", "1", "confirm", "--as", "lina", "--config", path,
        ])
        #expect(wrongLayer.status == 1)
        let done = try await BeaconProcess.run([
            "incident", "step", "1", "confirm", "--as", "zhangmin", "--note", "2% of orders", "--config", path,
        ])
        #expect(done.status == 0, "\(done.errors)")
        #expect(done.output == "#1 step confirm done by zhangmin\n")
        let show = try await BeaconProcess.run(["incident", "show", "1", "--config", path])
        #expect(show.output.contains("done     operation  confirm"))
    }
}
