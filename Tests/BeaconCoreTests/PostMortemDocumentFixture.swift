import BeaconCore
import Foundation

/// Post-mortem reports of incident #7 (see `PostMortemScript`) in the states a document test starts from.
enum PostMortemDocumentFixture {
    typealias Script = PostMortemScript

    /// When the document is read back: an hour after the incident resolved.
    static let now = Script.at(7_200)

    /// Written in part: a two-line root cause, a comment, and two stored follow-ups due at 14:13 UTC.
    static var written: PostMortemReport {
        var postMortem = PostMortem(incidentID: Script.id, dueAt: Script.at(7 * 86_400), createdAt: Script.at(3_600))
        postMortem.fields = PostMortemFields(
            rootCause: "Provider certificate expired.\nNobody watched its expiry date.", trigger: nil,
            ordersAffected: 1_240, usersAffected: nil, revenueAtRisk: 56_000.5)
        postMortem.comments[.respondedFast] = "Status page was forgotten."
        let followUps = [
            FollowUp(
                id: 1, incidentID: Script.id, kind: .plan, description: "Alert 30 days before a certificate expires",
                owner: "bob", dueAt: Script.at(5 * 86_400)),
            FollowUp(
                id: 2, incidentID: Script.id, kind: .training, description: "Drill the status page update",
                owner: "alice", dueAt: Script.at(10 * 86_400), status: .wontDo, reason: "Covered by the Q4 drill"),
        ]
        return report(postMortem, followUps)
    }

    /// Just opened: nothing written, no follow-ups.
    static var blank: PostMortemReport {
        report(PostMortem(incidentID: Script.id, dueAt: Script.at(7 * 86_400), createdAt: Script.at(3_600)), [])
    }

    static func report(_ postMortem: PostMortem, _ followUps: [FollowUp]) -> PostMortemReport {
        PostMortemReport.assemble(
            incident: Script.incident, postMortem: postMortem, timeline: Script.timeline, steps: Script.steps,
            approvals: Script.approvals, deadlines: Script.deadlines, paged: Array(Script.paged.prefix(2)),
            chain: Script.chain, followUps: followUps, earlier: [], later: [])
    }

    /// Parses `text` as a document of `report`, returning the problems as `pm-7.yaml:line: field: reason` lines.
    static func problems(_ report: PostMortemReport, _ text: String) -> [String] {
        do {
            _ = try PostMortemDocument(report).parse(text, file: "pm-7.yaml", now: now)
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    /// The 1-based number of the first line of `text` containing `marker`.
    static func line(of marker: String, in text: String) -> Int {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.firstIndex { $0.contains(marker) } ?? -1) + 1
    }
}
