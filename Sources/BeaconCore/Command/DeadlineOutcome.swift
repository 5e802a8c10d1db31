public import Foundation

/// How one deadline of an incident turned out: met, missed, or still running.
///
/// One judgement shared by the post-mortem's "did we respond fast?" and the weekly report's compliance figures.
public enum DeadlineOutcome: Sendable, Hashable {
    /// Answered at or before it was due; `margin` is the answer's time minus the due time (zero or less).
    case met(margin: TimeInterval)
    /// Never answered, but the incident resolved before it was due, so no answer was owed.
    case notDueBeforeResolution
    /// Answered after it was due, by `margin` seconds.
    case late(margin: TimeInterval)
    /// Never answered, and due.
    case unanswered
    /// Not answered yet, and not due yet.
    case running

    /// `true` when met (in time, or not owed), `false` when missed (late or never), `nil` while it runs.
    public var isMet: Bool? {
        switch self {
        case .met, .notDueBeforeResolution: true
        case .late, .unanswered: false
        case .running: nil
        }
    }

    /// The deadlines that expect one answer while the incident is live, soonest first: recurring reminders and
    /// the review's own deadlines (post-mortem, follow-ups) are left out.
    public static func watched(_ deadlines: [Deadline]) -> [Deadline] {
        deadlines.filter { $0.kind.measuresResponse && $0.kind != .recurring && $0.kind != .recurringEscalation }
            .sorted { $0.dueAt < $1.dueAt }
    }

    /// Judges one deadline from the incident's record.
    /// - Parameters:
    ///   - steps: the incident's run steps, whose `doneAt` answers assessment and step deadlines.
    ///   - approvals: the incident's approvals; the first answer answers the instruct deadline.
    ///   - now: the time of the judgement; an unanswered deadline not yet due then is `running`. `nil` judges a
    ///     finished record, where an unanswered deadline is missed.
    public static func judge(
        _ deadline: Deadline, of incident: Incident, steps: [RunStep], approvals: [PostMortemApproval],
        at now: Date? = nil
    ) -> DeadlineOutcome {
        guard let answered = answer(to: deadline, incident, steps: steps, approvals: approvals) else {
            if let resolved = incident.resolvedAt, resolved <= deadline.dueAt { return .notDueBeforeResolution }
            if let now, now < deadline.dueAt { return .running }
            return .unanswered
        }
        let margin = answered.timeIntervalSince(deadline.dueAt)
        return margin <= 0 ? .met(margin: margin) : .late(margin: margin)
    }

    /// When the deadline's layer answered it, if it did.
    private static func answer(
        to deadline: Deadline, _ incident: Incident, steps: [RunStep], approvals: [PostMortemApproval]
    ) -> Date? {
        switch deadline.kind {
        case .acknowledge: incident.acknowledgedAt
        case .assess: PostMortemDraft.assessment(in: steps)?.doneAt
        case .instruct: approvals.compactMap(\.answeredAt).min()
        case .step, .recurring, .recurringEscalation: steps.first { $0.stepID == deadline.stepID }?.doneAt
        case .postMortemReminder, .postMortemOverdue, .followUpOverdue: nil
        }
    }
}
