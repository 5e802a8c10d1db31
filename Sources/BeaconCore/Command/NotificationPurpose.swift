/// Why a notification is sent: part of its idempotency key, so the same notice to the same person on the same
/// channel is queued once however often the change that plans it is replayed.
///
/// The key text of each case never changes once shipped: the outbox's uniqueness rests on it.
public enum NotificationPurpose: Sendable, Hashable, CustomStringConvertible {
    /// The first page of an incident's layers.
    case page
    /// Pages for the layers a raise to this severity adds.
    case raise(Severity)
    /// Telling whoever was paged that the incident resolved.
    case resolved
    /// The question to the decision layer for an approval step.
    case approval(step: StepID)
    /// Telling the chain how an approval was answered.
    case approvalOutcome(step: StepID)
    /// Escalations when a layer misses its deadline: nobody acknowledged, assessed, instructed.
    case escalateAcknowledge, escalateAssess, escalateInstruct
    /// An escalation a person asked for, at this instant (milliseconds since 1970).
    case escalateManual(at: Int64)
    /// An instruction the decision layer gave, at this instant (milliseconds since 1970).
    case instruction(at: Int64)
    /// A playbook step that missed its deadline.
    case missed(step: StepID)
    /// A recurring step's reminder to its own layer, and to the layer above.
    case remind(step: StepID, occurrence: Int)
    case remindAbove(step: StepID, occurrence: Int)
    /// A post-mortem's reminder to its owner, and the notices when it is overdue.
    case postMortemReminder, postMortemOverdue, postMortemOverdueOwner
    /// An overdue follow-up's reminder.
    case followUp(id: Int64, occurrence: Int)
    /// A shift change of a roster at this instant (milliseconds since 1970): to the incoming person, and the
    /// confirmation to the outgoing one.
    case handoff(at: Int64)
    case handedOver(at: Int64)
    /// An invitation made at this instant (milliseconds since 1970).
    case invitation(at: Int64)

    /// The purpose as written in idempotency keys (`raise-sev1`, `remind-up-status-3`).
    public var description: String {
        switch self {
        case .page: "page"
        case .raise(let severity): "raise-\(severity.rawValue)"
        case .resolved: "resolved"
        case .approval(let step): "approval-\(step)"
        case .approvalOutcome(let step): "approval-outcome-\(step)"
        case .escalateAcknowledge: "escalate-ack"
        case .escalateAssess: "escalate-assess"
        case .escalateInstruct: "escalate-instruct"
        case .escalateManual(let at): "escalate-manual-\(at)"
        case .instruction(let at): "instruction-\(at)"
        case .missed(let step): "missed-\(step)"
        case .remind(let step, let occurrence): "remind-\(step)-\(occurrence)"
        case .remindAbove(let step, let occurrence): "remind-up-\(step)-\(occurrence)"
        case .postMortemReminder: "postmortem-reminder"
        case .postMortemOverdue: "postmortem-overdue"
        case .postMortemOverdueOwner: "postmortem-overdue-owner"
        case .followUp(let id, let occurrence): "follow-up-\(id)-\(occurrence)"
        case .handoff(let at): "handoff-\(at)"
        case .handedOver(let at): "handed-over-\(at)"
        case .invitation(let at): "invitation-\(at)"
        }
    }
}
