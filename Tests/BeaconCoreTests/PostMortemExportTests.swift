import BeaconCore
import Foundation
import Testing

@Suite struct PostMortemExportTests {
    typealias Script = PostMortemScript

    var report: PostMortemReport {
        var postMortem = PostMortem(
            incidentID: Script.id, dueAt: Script.at(7 * 86_400), createdAt: Script.at(3_600))
        postMortem.fields = PostMortemFields(
            rootCause: "Provider certificate expired", trigger: "Nightly certificate rotation failed",
            ordersAffected: 1_240, usersAffected: 980, revenueAtRisk: 56_000)
        postMortem.comments[.respondedFast] = "Status page was forgotten."
        let followUps = [
            FollowUp(
                incidentID: Script.id, kind: .plan, description: "Fail over to the second provider automatically",
                owner: "bob", dueAt: Script.at(5 * 86_400), status: .done),
            FollowUp(
                incidentID: Script.id, kind: .training, description: "Drill | status updates", owner: "alice",
                dueAt: Script.at(10 * 86_400), status: .wontDo, reason: "Covered by the Q4 drill"),
        ]
        return PostMortemReport.assemble(
            incident: Script.incident, postMortem: postMortem, timeline: Script.timeline, steps: Script.steps,
            approvals: Script.approvals, deadlines: Script.deadlines,
            layersPaged: [.operation, .execution, .decision], followUps: followUps, earlier: [], later: [])
    }

    @Test func markdownMatchesSnapshot() {
        #expect(report.markdown == Self.snapshot)
    }

    @Test func reportEncodesAsJSON() throws {
        let data = try JSONEncoder().encode(report)
        let text = try #require(String(data: data, encoding: .utf8))
        #expect(text.contains("\"responded_fast\":\"Status page was forgotten.\""))
    }

    @Test func missingForCloseIsEmptyOnceWritten() {
        #expect(report.missingForClose.isEmpty)
        var empty = report.postMortem
        empty.fields.rootCause = "  "
        #expect(empty.missingForClose(followUps: []).count == 2)
    }

    static let snapshot = """
        SNAPSHOT
        """
}
