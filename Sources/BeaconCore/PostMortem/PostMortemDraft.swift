public import Foundation

/// The 5W1H of a post-mortem as far as the record tells it; the team adds the why.
public struct PostMortemDraft: Sendable, Hashable, Codable {
    public var what: What
    public var when: When
    public var who: Who
    public var whereAffected: Where
    public var how: How

    /// What happened.
    public struct What: Sendable, Hashable, Codable {
        public var title: String
        public var ruleID: RuleID?
        public var category: Category
        public var peakSeverity: Severity
        public var peakValue: Double?
        public var threshold: Double?
    }

    /// When each milestone happened, and how long the response took.
    public struct When: Sendable, Hashable, Codable {
        public var milestones: [Milestone]
        /// From impact start to the alert.
        public var timeToDetect: TimeInterval?
        /// From the alert (detection) to each of acknowledged, mitigated and resolved.
        public var timeToAcknowledge: TimeInterval?
        public var timeToMitigate: TimeInterval?
        public var timeToResolve: TimeInterval?
    }

    /// One dated moment of the incident.
    public struct Milestone: Sendable, Hashable, Codable {
        public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
            case impactStarted = "impact_started"
            case detected, acknowledged, assessed
            case approvalAnswered = "approval_answered"
            case mitigated, resolved
        }

        public var kind: Kind
        /// For an answered approval: the approval's title.
        public var approval: String?
        public var at: Date

        public init(_ kind: Kind, approval: String? = nil, at: Date) {
            self.kind = kind
            self.approval = approval
            self.at = at
        }

        /// The milestone in English (`Approval answered (Switch provider)`), as the API has always named it.
        public var name: String { PostMortemText(.english).milestone(self) }

        enum CodingKeys: String, CodingKey { case name, kind, approval, at }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            kind = try container.decode(Kind.self, forKey: .kind)
            approval = try container.decodeIfPresent(String.self, forKey: .approval)
            at = try container.decode(Date.self, forKey: .at)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(kind, forKey: .kind)
            try container.encodeIfPresent(approval, forKey: .approval)
            try container.encode(at, forKey: .at)
        }
    }

    /// Who took part.
    public struct Who: Sendable, Hashable, Codable {
        /// The people who acted on the incident until it resolved, as the timeline names them (a login, or a
        /// name), in the order they first acted.
        public var people: [String]
        /// The layers asked to act on the incident while it was live, in chain order.
        public var layersPaged: [Layer]
        /// `people` with their names, layers and roles, where the command chain or their pages tell them.
        public var acted: [Participant]
        /// Each of `layersPaged` with its duty, and the people of it who were paged, with their roles.
        public var paged: [PagedLayer]
    }

    /// Where it hit: the series, and the impact the team fills in.
    public struct Where: Sendable, Hashable, Codable {
        public var labels: Labels
    }

    /// How it was handled.
    public struct How: Sendable, Hashable, Codable {
        public var steps: [StepDone]
        public var approvals: [PostMortemApproval]
    }

    /// A playbook step that was done.
    public struct StepDone: Sendable, Hashable, Codable {
        public var title: String
        public var owner: Layer
        public var doneBy: String?
        public var doneAt: Date
    }
}

extension PostMortemDraft {
    /// Fills in everything the record can tell.
    /// - Parameters:
    ///   - paged: the people asked to act on the incident while it was live (paged, raised, escalated to, asked
    ///     to approve, reminded of a step), in the order they were first asked, with the layer asked.
    ///   - chain: the command chain, which names the people of the timeline and gives their layers and roles.
    public static func prefill(
        incident: Incident, timeline: [TimelineEvent], steps: [RunStep], approvals: [PostMortemApproval],
        paged: [Recipient], chain: CommandChain? = nil
    ) -> PostMortemDraft {
        let what = What(
            title: incident.title, ruleID: incident.ruleID, category: incident.category,
            peakSeverity: incident.peakSeverity, peakValue: incident.peakValue, threshold: incident.threshold)
        // An approval step is done by its answer, which How lists with the approvals: not twice.
        let done = steps.filter { $0.state == .done && $0.doneAt != nil && !$0.approval }.sorted {
            $0.position < $1.position
        }
        let how = How(
            steps: done.compactMap { step in
                step.doneAt.map { StepDone(title: step.title, owner: step.owner, doneBy: step.doneBy, doneAt: $0) }
            },
            approvals: approvals.sorted { $0.requestedAt < $1.requestedAt })
        return PostMortemDraft(
            what: what, when: when(incident, assessedAt: RunStep.assessment(in: steps)?.doneAt, approvals: approvals),
            who: who(incident, timeline, paged: paged, chain: chain), whereAffected: Where(labels: incident.labels),
            how: how)
    }

    private static func when(_ incident: Incident, assessedAt: Date?, approvals: [PostMortemApproval]) -> When {
        var milestones: [Milestone] = []
        func add(_ kind: Milestone.Kind, _ date: Date?, approval: String? = nil) {
            if let date { milestones.append(Milestone(kind, approval: approval, at: date)) }
        }
        add(.impactStarted, incident.firstBreachAt)
        add(.detected, incident.openedAt)
        add(.acknowledged, incident.acknowledgedAt)
        add(.assessed, assessedAt)
        for approval in approvals { add(.approvalAnswered, approval.answeredAt, approval: approval.title) }
        add(.mitigated, incident.mitigatedAt)
        add(.resolved, incident.resolvedAt)
        func since(_ start: Date?, _ end: Date?) -> TimeInterval? {
            guard let start, let end else { return nil }
            return end.timeIntervalSince(start)
        }
        return When(
            milestones: milestones.sorted { $0.at < $1.at },
            timeToDetect: since(incident.firstBreachAt, incident.openedAt),
            timeToAcknowledge: since(incident.openedAt, incident.acknowledgedAt),
            timeToMitigate: since(incident.openedAt, incident.mitigatedAt),
            timeToResolve: since(incident.openedAt, incident.resolvedAt))
    }
}
