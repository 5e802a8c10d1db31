public import Foundation

/// How one deadline of an incident turned out: met, missed, or still running.
///
/// One judgement shared by the post-mortem's "did we respond fast?" and the weekly report's compliance figures.
public enum DeadlineOutcome: Sendable, Hashable {
    /// Answered at or before it was due; `margin` is the answer's time minus the due time (zero or less). A period
    /// of a recurring step is met when the step was done within the period.
    case met(margin: TimeInterval)
    /// Never answered, but the incident resolved before it was due, so no answer was owed. A period of a recurring
    /// step is not owed either once the incident was mitigated, since Beacon stops asking for the step then.
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

    /// The deadlines that measure how the chain responded while the incident was live, soonest first: the
    /// acknowledge, assess and instruct deadlines, each step's deadline, and every period of each recurring step
    /// (see `periods(of:incident:steps:at:)`). The second notice of a missed period and the review's own deadlines
    /// (post-mortem, follow-ups) are left out.
    /// - Parameters:
    ///   - steps: the incident's run steps, whose `every` sets the length of a recurring step's periods.
    ///   - now: the time of the judgement, for an incident still live; `nil` for a finished record.
    public static func watched(
        _ deadlines: [Deadline], incident: Incident, steps: [RunStep], at now: Date? = nil
    ) -> [Deadline] {
        // The assessment step's own `within` and the layer's assess_within watch the same answer: judged once,
        // as the assessment.
        let assessed = deadlines.contains { $0.kind == .assess } ? RunStep.assessment(in: steps)?.stepID : nil
        let single = deadlines.filter {
            $0.kind.measuresResponse && $0.kind != .recurring && $0.kind != .recurringEscalation
                && !($0.kind == .step && assessed != nil && $0.stepID == assessed)
        }
        return (single + periods(of: deadlines, incident: incident, steps: steps, at: now)).sorted {
            ($0.dueAt, $0.stepID ?? "", $0.occurrence) < ($1.dueAt, $1.stepID ?? "", $1.occurrence)
        }
    }

    /// Judges one deadline from the incident's record.
    /// - Parameters:
    ///   - steps: the incident's run steps, whose `doneAt` answers assessment and step deadlines.
    ///   - approvals: the incident's approvals; the first answer answers the instruct deadline.
    ///   - completions: every time each step was done, which answers the periods of recurring steps.
    ///   - now: the time of the judgement; an unanswered deadline not yet due then is `running`. `nil` judges a
    ///     finished record, where an unanswered deadline is missed.
    public static func judge(
        _ deadline: Deadline, of incident: Incident, steps: [RunStep], approvals: [PostMortemApproval],
        completions: StepCompletions = StepCompletions(), at now: Date? = nil
    ) -> DeadlineOutcome {
        if deadline.kind == .recurring, let stepID = deadline.stepID,
            let every = steps.first(where: { $0.stepID == stepID })?.every
        {
            return judge(period: deadline, every: every, of: incident, done: completions[stepID], at: now)
        }
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
        case .assess: RunStep.assessment(in: steps)?.doneAt
        case .instruct: approvals.compactMap(\.answeredAt).min()
        case .step, .recurring, .recurringEscalation: steps.first { $0.stepID == deadline.stepID }?.doneAt
        case .postMortemReminder, .postMortemOverdue, .followUpOverdue: nil
        }
    }
}
