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
            approvals: Script.approvals, deadlines: Script.deadlines, paged: Script.paged, chain: Script.chain,
            followUps: followUps, earlier: [], later: [])
    }

    @Test func markdownMatchesSnapshot() {
        #expect(report.markdown == Self.snapshot)
    }

    @Test func reportEncodesAsJSON() throws {
        let data = try JSONEncoder().encode(report)
        let text = try #require(String(data: data, encoding: .utf8))
        #expect(text.contains("\"responded_fast\":\"Status page was forgotten.\""))
    }

    @Test func whoInJSONKeepsItsListsAndAddsRolesAndLayers() throws {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let document = try #require(
            try JSONSerialization.jsonObject(with: try encoder.encode(report.draft.who)) as? [String: Any])
        #expect(document["people"] as? [String] == ["alice", "bob", "ceo"])
        #expect(document["layers_paged"] as? [String] == ["operation", "execution", "decision"])
        let acted = try #require(document["acted"] as? [[String: String]])
        #expect(acted.first == ["handle": "alice", "name": "Alice Wu", "layer": "operation", "role": "On-call lead"])
        let paged = try #require(document["paged"] as? [[String: Any]])
        #expect(paged.map { $0["duty"] as? String } == ["on-call leads", "directors", "executives"])
        #expect(
            (paged.last?["people"] as? [[String: String]]) == [
                ["handle": "ceo", "name": "Chen Ying", "layer": "decision", "role": "CEO"]
            ])
    }

    @Test func missingForCloseIsEmptyOnceWritten() {
        #expect(report.missingForClose.isEmpty)
        var empty = report.postMortem
        empty.fields.rootCause = "  "
        #expect(empty.missingForClose(followUps: []).count == 2)
    }

    static let snapshot = #"""
        # Post-mortem #7: Payment success rate low

        Owner: execution layer · due 2026-09-28 14:13

        ## What

        - Title: Payment success rate low
        - Rule: payment-success-rate
        - Category: system
        - Peak severity: sev1 (critical)
        - Peak value: 82 vs threshold 95

        ## When

        | Milestone | At (UTC) |
        |---|---|
        | Impact started | 2026-09-21 14:13 |
        | Detected | 2026-09-21 14:15 |
        | Acknowledged | 2026-09-21 14:18 |
        | Assessed | 2026-09-21 14:28 |
        | Approval answered (Switch payment provider) | 2026-09-21 14:33 |
        | Mitigated | 2026-09-21 14:43 |
        | Resolved | 2026-09-21 15:13 |

        - Time to detect: 2m
        - Time to acknowledge: 3m
        - Time to mitigate: 28m
        - Time to resolve: 58m

        ## Who

        - People who acted: Alice Wu (alice; operation, On-call lead), Bob Li (bob; execution), Chen Ying (ceo; decision, CEO)
        - Layers paged:
          - operation (on-call leads): Alice Wu, On-call lead; Dan Wu
          - execution (directors): Bob Li
          - decision (executives): Chen Ying, CEO

        ## Where

        - Series: {region="east"}
        - Orders affected: 1240
        - Users affected: 980
        - Revenue at risk: ¥56,000

        ## How

        - Step "Page on-call" (operation) done by alice at 2026-09-21 14:17
        - Step "Assess impact" (execution) done by bob at 2026-09-21 14:28
        - Approval "Switch payment provider": approved by ceo at 2026-09-21 14:33

        ## Why

        - Root cause: Provider certificate expired
        - Trigger: Nightly certificate rotation failed

        ## Findings

        ### Were we warned early? Yes

        - Opened by rule payment-success-rate.
        - The alert came 2m after the first breach.
        - No complaint or sentiment incident opened in the 24 hours before it.

        ### Did we respond fast? No

        - Acknowledge (operation): met, 2m early.
        - Assess (execution): met, 2m early.
        - Instruct (decision): met, 2m early.
        - Step status (operation): missed, never answered.

        Team comment: Status page was forgotten.

        ### Is it fully solved? Yes

        - 2 of 2 follow-ups settled (done or won't do).
        - No recurrence within 7 days of resolution.

        ## Follow-ups

        | Type | Action | Owner | Due | Status |
        |---|---|---|---|---|
        | plan | Fail over to the second provider automatically | bob | 2026-09-26 | done |
        | training | Drill \| status updates | alice | 2026-10-01 | won't do: Covered by the Q4 drill |

        """#
}
