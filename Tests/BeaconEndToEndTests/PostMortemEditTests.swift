import BeaconCore
import BeaconStore
import Foundation
import Testing

@Suite struct PostMortemEditTests {
    let config: TemporaryConfig

    /// A resolved incident #1, whose post-mortem `incident resolve` opened.
    init() async throws {
        config = try TemporaryConfig()
        try config.writeMinimal(metricsURL: "http://127.0.0.1:9/metrics")
        let declared = try await run([
            "incident", "declare", "--title", "Card payments down", "--category", "system", "--severity", "sev2",
            "--as", "zhangmin",
        ])
        #expect(declared.status == 0, "\(declared.errors)")
        let resolved = try await run(["incident", "resolve", "1", "--as", "zhangmin"])
        #expect(resolved.status == 0, "\(resolved.errors)")
    }

    func run(_ arguments: [String], editor: String? = nil) async throws -> BeaconProcess {
        let environment = editor.map { ["EDITOR": $0, "VISUAL": $0] } ?? [:]
        return try await BeaconProcess.run(arguments + ["--config", config.configPath], environment: environment)
    }

    /// An editor: a shell script that edits the file it is given with `sed`.
    func editor(_ name: String, _ sedExpressions: [String]) throws -> String {
        let script = "#!/bin/sh\nsed -i " + sedExpressions.map { "-e '\($0)'" }.joined(separator: " ") + " \"$1\"\n"
        try config.write(name, script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: config.path(name))
        return config.path(name)
    }

    func postMortem() async throws -> [String: Any] {
        let shown = try await run(["postmortem", "show", "1", "--json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as? [String: Any])
    }

    @Test func resolvingFromTheCommandLineOpensThePostMortemWithItsReminders() async throws {
        let store = try BeaconStore.open(path: config.path("beacon.sqlite"))
        let id = IncidentID(1)
        let resolvedAt = try #require(try store.incident(id)?.resolvedAt)
        let postMortem = try await #require(
            try PostMortemStore(IncidentLedger.recordingOnly(store), calendar: .current).postMortem(id))
        #expect(postMortem.owner == .execution)
        #expect(postMortem.createdAt == resolvedAt)
        // Five working days: exactly five days on from a weekend day (the test may run on a Sunday), more otherwise.
        #expect(postMortem.dueAt >= resolvedAt.addingTimeInterval(5 * 86_400))
        let chasing = try store.deadlines(id).filter { !$0.kind.measuresResponse }
        #expect(chasing.map(\.kind).sorted { $0.rawValue < $1.rawValue } == [.postMortemOverdue, .postMortemReminder])
        #expect(chasing.first { $0.kind == .postMortemOverdue }?.dueAt == postMortem.dueAt)
        #expect(try store.timeline(id).contains { $0.message.hasPrefix("Post-mortem opened: the execution layer") })
        let shown = try await run(["postmortem", "show", "1"])
        #expect(shown.status == 0, "\(shown.errors)")
        #expect(shown.output.hasPrefix("Post-mortem #1: Card payments down\nOwner: execution layer, due "))
    }

    @Test func theDocumentAndTheJSONNameWhoActedWithTheirLayersAndRoles() async throws {
        let yaml = try await run(["postmortem", "export", "1", "--format", "yaml"])
        #expect(yaml.output.contains("\n#   Who acted: Zhang Min (zhangmin; operation, CS team lead)\n"))
        #expect(
            yaml.output.contains(
                "\n#   Layers paged:\n#     operation (on-call leads): Zhang Min, CS team lead\n"
                    + "#     execution (directors): Wang Lei, CS director\n"))
        let who = try #require((try await postMortem()["draft"] as? [String: Any])?["who"] as? [String: Any])
        #expect(
            who["acted"] as? [[String: String]] == [
                ["handle": "zhangmin", "name": "Zhang Min", "layer": "operation", "role": "CS team lead"]
            ])
        #expect(who["layers_paged"] as? [String] == ["operation", "execution"])
    }

    @Test func editingInTheEditorSavesAndRecordsWhoChangedWhat() async throws {
        let write = try editor(
            "write.sh",
            [
                "s/^root_cause:$/root_cause: Expired TLS certificate/", "s/^#  - kind: plan/  - kind: plan/",
                "s/^#    description: .*/    description: Alert 30 days before expiry/",
                "s/^#    owner: .*/    owner: wanglei/", "s/^#    due: /    due: /",
            ])
        let edited = try await run(["postmortem", "edit", "1", "--as", "Wang Lei"], editor: write)
        #expect(edited.status == 0, "\(edited.errors)")
        #expect(edited.output == "Saved: root cause; 1 follow-up added.\n")

        let report = try await postMortem()
        let fields = (report["post_mortem"] as? [String: Any])?["fields"] as? [String: Any]
        #expect(fields?["root_cause"] as? String == "Expired TLS certificate")
        #expect((report["follow_ups"] as? [[String: Any]])?.map { $0["owner"] as? String } == ["wanglei"])
        #expect(report["missing_for_close"] as? [String] == [])

        let shown = try await run(["incident", "show", "1", "--json"])
        let incident = try #require(try JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as? [String: Any])
        let timeline = try #require(incident["timeline"] as? [[String: Any]])
        #expect(timeline.last?["kind"] as? String == "postmortem")
        #expect(timeline.last?["actor"] as? String == "wanglei")
        #expect(timeline.last?["message"] as? String == "Post-mortem edited by wanglei: root cause; 1 follow-up added")

        let untouched = try await run(["postmortem", "edit", "1", "--as", "wanglei"], editor: "true")
        #expect(untouched.status == 0)
        #expect(untouched.output == "No changes.\n")
    }

    @Test func anInvalidEditIsReportedWithItsLineAndTheTextIsKept() async throws {
        let write = try editor(
            "write.sh",
            [
                "s/^#  - kind: plan/  - kind: plam/", "s/^#    description: .*/    description: Alert before expiry/",
                "s/^#    owner: .*/    owner: wanglei/", "s/^#    due: .*/    due: 2020-01-01/",
                "s/^trigger:$/trigger: Nightly rotation/",
            ])
        let edited = try await run(["postmortem", "edit", "1", "--as", "wanglei"], editor: write)
        #expect(edited.status == 1)
        #expect(edited.output == "")
        let lines = edited.errors.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(edited.errors)")
        let kept = try #require(lines.last?.split(separator: " ").last.map(String.init))
        let text = try String(contentsOfFile: kept, encoding: .utf8)
        let numbered = text.split(separator: "\n", omittingEmptySubsequences: false)
        let kindLine = try #require(numbered.firstIndex { $0 == "  - kind: plam" }) + 1
        let dueLine = try #require(numbered.firstIndex { $0 == "    due: 2020-01-01" }) + 1
        #expect(
            Array(lines.prefix(2)) == [
                #"pm-1.yaml:\#(kindLine): follow_ups[0].kind: unknown follow-up kind "plam"; expected one of plan, knowledge_base, training, other; did you mean "plan"?"#,
                "pm-1.yaml:\(dueLine): follow_ups[0].due: 2020-01-01 has already passed; choose today or a later day",
            ])
        #expect(
            lines.last
                == "Nothing was saved. Your text is kept in \(kept); apply it with: beacon postmortem edit 1 --as wanglei "
                + "--config \(config.configPath) --file \(kept)")
        #expect(text.contains("trigger: Nightly rotation"), "what was typed is kept")
        let report = try await postMortem()
        #expect(
            ((report["post_mortem"] as? [String: Any])?["fields"] as? [String: Any])?.isEmpty == true,
            "nothing was saved")

        let fixed = text.replacingOccurrences(of: "kind: plam", with: "kind: plan")
            .replacingOccurrences(of: "due: 2020-01-01", with: "due: 2099-12-31")
        try fixed.write(toFile: kept, atomically: false, encoding: .utf8)
        let applied = try await run(["postmortem", "edit", "1", "--as", "wanglei", "--file", kept])
        #expect(applied.status == 0, "\(applied.errors)")
        #expect(applied.output == "Saved: trigger; 1 follow-up added.\n")
        try? FileManager.default.removeItem(atPath: (kept as NSString).deletingLastPathComponent)
    }

    @Test func exportPrintsTheYAMLDocumentEditOpens() async throws {
        let yaml = try await run(["postmortem", "export", "1", "--format", "yaml"])
        #expect(yaml.status == 0)
        #expect(yaml.output.hasPrefix("# Post-mortem of incident #1: Card payments down\n"))
        #expect(yaml.output.contains("\nroot_cause:\n"))
        try config.write("pm.yaml", yaml.output.replacingOccurrences(of: "\nroot_cause:\n", with: "\nroot_cuase: x\n"))
        let refused = try await run(["postmortem", "edit", "1", "--as", "zhangmin", "--file", config.path("pm.yaml")])
        #expect(refused.status == 1)
        #expect(refused.errors.contains(#": root_cuase: unknown key "root_cuase"; did you mean "root_cause"?"#))
        let markdown = try await run(["postmortem", "export", "1"])
        #expect(markdown.output.hasPrefix("# Post-mortem #1: Card payments down\n"))
        let executive = try await run(["postmortem", "edit", "1", "--as", "Li Na", "--file", config.path("pm.yaml")])
        #expect(executive.status == 1)
        #expect(
            executive.errors
                == "Only the operation and execution layers write post-mortems; lina is in the decision layer.\n")
        let stranger = try await run(["postmortem", "edit", "1", "--as", "mallory", "--file", config.path("pm.yaml")])
        #expect(stranger.status != 0)
        #expect(stranger.errors.contains(#"No person "mallory" in the command chain"#))
    }
}
