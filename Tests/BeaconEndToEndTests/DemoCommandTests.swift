import BeaconTestSupport
import Foundation
import Testing

/// `beacon demo` end to end: about a minute of the scripted shop, on free ports.
@Suite struct DemoCommandTests {
    @Test(.timeLimit(.minutes(3)))
    func theDemoShowsIncidentsPagingEscalationAnApprovalAndAPostMortem() async throws {
        let config = BeaconProcess.repositoryRoot.appendingPathComponent("beacon.yaml").path
        let result = try await BeaconProcess.run([
            "demo", "--config", config, "--port", "0", "--console-port", "0", "--linger", "0", "--keep",
        ])
        #expect(result.status == 0, "\(result.errors)")
        let output = result.output
        // The shipped configuration speaks Chinese (`locale: zh-CN`): the demo and its messages do too.
        for expected in [
            "● 开启", "▲ 升级", "✓ 解决", "(sku=A17)", "Negative mentions", "✉ 呼叫：操作层。",
            "当前值班（排班表；层级内只呼叫值班人员）：操作层 — ", "✉ 上报：操作层未在 5秒 内确认。",
            "点击通知中的链接批准：HTTP 200", " 已批准：", "演示结束：3 个事件",
            "✎ 复盘  #1 已开启，内容已根据记录预填：http://127.0.0.1:", "撰写了 #1 的复盘：根本原因、影响和 3 个改进项",
            "预警是否及时？ 是", "#1 wanglei 关闭了事件。", "在值班页面提前接替", "✉ 值班：操作层（cs-duty），自",
            "✉ 已交班：操作层（cs-duty），", "周报 20", "已关闭 1）—— 系统 1 (33.3%)", "/reports/weekly",
            "  级别      sev1（重大），最高 sev1",
        ] {
            #expect(output.contains(expected), "missing \(expected)")
        }
        let summary = try #require(output.split(separator: "\n").first { $0.hasPrefix("演示结束：") })
        let counts = summary.split { !$0.isNumber }.compactMap { Int($0) }
        #expect(counts.count == 3 && counts[1] == counts[2], "every notification delivered: \(summary)")

        // The store the demo made moves to PostgreSQL whole: the same incidents, read the same way.
        let kept = try #require(
            output.split(separator: "\n").first { $0.hasPrefix("存储保留在 ") }.map { String($0.dropFirst(6)) })
        defer { try? FileManager.default.removeItem(atPath: (kept as NSString).deletingLastPathComponent) }
        let postgres = try await PostgresServer.start()
        defer { postgres.stop() }
        let url = "\(postgres.url)?sslmode=disable"
        let copied = try await BeaconProcess.run(["store", "copy", "--from", kept, "--to", url])
        #expect(copied.status == 0, "\(copied.errors)")
        var listed: [String] = []
        for store in [kept, url] {
            let shop = try TemporaryConfig()
            try shop.writeMinimal(metricsURL: "http://127.0.0.1:9/metrics")
            let main = try String(contentsOfFile: shop.configPath, encoding: .utf8)
            try main.replacingOccurrences(of: "store: beacon.sqlite", with: "store: \"\(store)\"")
                .write(toFile: shop.configPath, atomically: false, encoding: .utf8)
            let list = try await BeaconProcess.run(["incident", "list", "--all", "--json", "--config", shop.configPath])
            #expect(list.status == 0, "\(list.errors)")
            listed.append(list.output)
        }
        #expect(listed[0].contains("\"id\" : 3"))
        #expect(listed[0] == listed[1], "the demo's incidents read the same on PostgreSQL")
    }
}
