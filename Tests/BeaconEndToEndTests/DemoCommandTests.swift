import Foundation
import Testing

/// `beacon demo` end to end: about a minute of the scripted shop, on free ports.
@Suite struct DemoCommandTests {
    @Test(.timeLimit(.minutes(3)))
    func theDemoShowsIncidentsPagingEscalationAnApprovalAndAPostMortem() async throws {
        let config = BeaconProcess.repositoryRoot.appendingPathComponent("beacon.yaml").path
        let result = try await BeaconProcess.run([
            "demo", "--config", config, "--port", "0", "--console-port", "0", "--linger", "0",
        ])
        #expect(result.status == 0, "\(result.errors)")
        let output = result.output
        for expected in [
            "● OPENED   #1 sev2", "▲ RAISED   #1 sev1", "✓ RESOLVED #1 sev1", "(sku=A17)", "Negative mentions",
            "✉ Paged: operation layer.", "On duty now (rosters; only they are paged in their layer): operation — ",
            "✉ ESCALATION: Operation did not acknowledge within 5s.",
            "taps Approve on the link in the notification: HTTP 200", "✉ APPROVED by", "Demo over: 3 incidents",
            "✎ post-mortem  #1 opened, prefilled from the record: http://127.0.0.1:",
            "writes the post-mortem of #1: root cause, impact and 3 follow-ups", "Were we warned early? Yes",
            "#1 Closed by wanglei.", "takes the operation shift from", "✉ On duty: operation layer (cs-duty) from",
            "✉ Handed over: operation layer (cs-duty) at", "Weekly report 20", "1 closed) — system 1 (33.3%)",
            "/reports/weekly",
        ] {
            #expect(output.contains(expected), "missing \(expected)")
        }
        let summary = try #require(output.split(separator: "\n").first { $0.hasPrefix("Demo over:") })
        let counts = summary.split(separator: " ").compactMap { Int($0) }
        #expect(counts.count == 3 && counts[1] == counts[2], "every notification delivered: \(summary)")
    }
}
