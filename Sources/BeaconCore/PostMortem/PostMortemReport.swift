import Foundation

/// Everything a post-mortem shows: the record's 5W1H, what the team wrote, the findings and the follow-ups.
public struct PostMortemReport: Sendable, Hashable, Codable {
    public var incidentID: IncidentID
    public var postMortem: PostMortem
    public var draft: PostMortemDraft
    public var findings: [Finding]
    public var followUps: [FollowUp]
    /// What keeps the incident from closing; empty when it may close.
    public var missingForClose: [CloseNeed]

    public init(
        incidentID: IncidentID, postMortem: PostMortem, draft: PostMortemDraft, findings: [Finding],
        followUps: [FollowUp]
    ) {
        self.incidentID = incidentID
        self.postMortem = postMortem
        self.draft = draft
        self.findings = findings
        self.followUps = followUps
        self.missingForClose = postMortem.missingForClose(followUps: followUps)
    }

    /// Assembles the report, computing the draft and the findings from the record.
    /// - Parameters:
    ///   - paged: the people asked to act on the incident while it was live, with the layer asked.
    ///   - chain: the command chain, for the names, layers and roles of the people who acted.
    ///   - earlier: incidents opened before this one, for "warned early?".
    ///   - later: incidents opened after it resolved, for "fully solved?".
    public static func assemble(
        incident: Incident, postMortem: PostMortem, timeline: [TimelineEvent], steps: [RunStep],
        approvals: [PostMortemApproval], deadlines: [Deadline], paged: [Recipient], chain: CommandChain? = nil,
        followUps: [FollowUp], earlier: [Incident], later: [Incident]
    ) -> PostMortemReport {
        let draft = PostMortemDraft.prefill(
            incident: incident, timeline: timeline, steps: steps, approvals: approvals, paged: paged, chain: chain)
        let findings = [
            Findings.warnedEarly(incident, earlier: earlier),
            Findings.respondedFast(
                incident, deadlines: deadlines, steps: steps, approvals: approvals,
                completions: StepCompletions(timeline)),
            Findings.fullySolved(
                incident, rootCause: postMortem.fields.rootCause, noActionReason: postMortem.noActionReason,
                followUps: followUps, later: later),
        ]
        return PostMortemReport(
            incidentID: postMortem.incidentID, postMortem: postMortem, draft: draft, findings: findings,
            followUps: followUps)
    }

    enum CodingKeys: String, CodingKey {
        case draft, findings
        case incidentID = "incident_id"
        case postMortem = "post_mortem"
        case followUps = "follow_ups"
        case missingForClose = "missing_for_close"
    }
}
