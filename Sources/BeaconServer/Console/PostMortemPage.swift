import BeaconCore
import Foundation

/// `GET /incidents/{id}/postmortem`: the record's 5W1H, the three findings, the follow-ups, and the forms a
/// team fills in to close the incident.
struct PostMortemPage {
    struct Header {
        var id: Int64
        var title: String
        var status: String
        var statusText: String
        var owner: String?
        var due: String?
        /// `in 3d 2h` or `2d 4h overdue`.
        var dueIn: String?
        var overdue: Bool
        /// When the incident closed, for a closed one (which shows no due date).
        var closed: String?
    }

    /// What the page says instead when the incident has no post-mortem.
    struct Absent {
        var message: String
        var canOpen: Bool
    }

    /// Two cells of a table row, or a label and its value.
    struct Pair {
        var name: String
        var value: String
    }

    struct What {
        var title: String
        var rule: String?
        var category: String
        var severity: String
        var severityLabel: String
        /// `0.71 vs threshold 0.8`.
        var peak: String?
    }

    struct Milestone {
        var name: String
        var at: String
        /// `+4m` after the first milestone.
        var offset: String
    }

    struct When {
        var milestones: [Milestone]
        var durations: [Pair]
        var hasDurations: Bool
    }

    struct Who {
        var people: [String]
        var nobody: Bool
        var layers: [Pair]
        var noLayers: Bool
    }

    struct Where {
        var labels: [String]
        var noLabels: Bool
    }

    struct StepDone {
        var title: String
        var owner: String
        var by: String
        var at: String
    }

    struct ApprovalDone {
        var title: String
        var outcome: String
        var outcomeText: String
        var answer: String?
    }

    struct How {
        var steps: [StepDone]
        var approvals: [ApprovalDone]
        var nothing: Bool
    }

    /// The written fields as the form shows them: stored, or as sent when the form was refused.
    struct Fields {
        var rootCause: String
        var trigger: String
        var ordersAffected: String
        var usersAffected: String
        var revenueAtRisk: String
        /// The stored impact and why, as a reader who does not write sees them.
        var impactShown: [Pair]
        var whyShown: [Pair]
    }

    struct FindingCard {
        var kind: String
        var question: String
        var verdict: String
        var yes: Bool
        var evidence: [String]
        var comment: String
        var hasComment: Bool
    }

    struct FollowUpRow {
        var id: Int64
        var kind: String
        var description: String
        var owner: String
        var due: String
        var overdue: Bool
        var status: String
        var statusLabel: String
        var reason: String?
        var isOpen: Bool
    }

    struct NewFollowUp {
        var kinds: [SelectOption]
        var description: String
        var owner: String
        var due: String
        var today: String
        var people: [String]
    }

    struct NoAction {
        var reason: String
    }

    /// A refused form's problems, and where the form is on the page.
    struct Refused {
        var errors: [String]
        var anchor: String
    }

    /// Whether the incident may close, and if not, why.
    struct Banner {
        var missing: [String]
        var blocked: Bool
        var ready: Bool
        var closed: Bool
        /// The incident is resolved and the reader may try to close it.
        var canClose: Bool
    }

    /// Everything shown once the post-mortem exists.
    struct Body {
        var refused: Refused?
        var banner: Banner
        var what: What
        var when: When
        var who: Who
        var whereAffected: Where
        var how: How
        var fields: Fields
        var findings: [FindingCard]
        var followUps: [FollowUpRow]
        var hasFollowUps: Bool
        var newFollowUp: NewFollowUp
        var noAction: NoAction
    }

    var chrome: PageChrome
    var header: Header
    /// Whether the reader writes post-mortems; the decision layer reads them.
    var canWrite: Bool
    var absent: Absent?
    var body: Body?
}
