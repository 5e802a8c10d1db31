public import Foundation

/// A point in time at which Beacon checks whether someone answered, and escalates if not.
///
/// Deadlines live in the store: after a crash, overdue ones fire at once, and each fires once.
public struct Deadline: Sendable, Hashable, Codable {
    public var id: Int64?
    public var incidentID: IncidentID
    public var kind: DeadlineKind
    /// The layer that must answer by then.
    public var layer: Layer
    /// The step it watches, for step deadlines.
    public var stepID: StepID?
    /// The occurrence of a recurring step, from 1.
    public var occurrence: Int
    public var dueAt: Date
    public var firedAt: Date?

    public init(
        id: Int64? = nil, incidentID: IncidentID, kind: DeadlineKind, layer: Layer, stepID: StepID? = nil,
        occurrence: Int = 1, dueAt: Date
    ) {
        self.id = id
        self.incidentID = incidentID
        self.kind = kind
        self.layer = layer
        self.stepID = stepID
        self.occurrence = occurrence
        self.dueAt = dueAt
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, layer, occurrence
        case incidentID = "incident_id"
        case stepID = "step_id"
        case dueAt = "due_at"
        case firedAt = "fired_at"
    }
}

/// What a deadline checks.
public enum DeadlineKind: String, CaseIterable, Sendable, Codable, Hashable {
    /// Operation acknowledges within `ack_within`, or execution is paged.
    case acknowledge
    /// Execution does its assessment (its first step) within `assess_within`, or decision is paged.
    case assess
    /// On a sev1, decision gives an instruction within `instruct_within`, or it is paged again and the miss noted.
    case instruct
    /// A step is done within its `within`, or it is marked missed and its owner reminded.
    case step
    /// A recurring step is done this period, or its owner is reminded.
    case recurring
    /// A recurring step is still not done after the reminder: the layer above is told.
    case recurringEscalation = "recurring_escalation"
    /// A post-mortem's due date is near: its owner layer is reminded, unless the incident has closed.
    case postMortemReminder = "postmortem_reminder"
    /// A post-mortem's due date passed with the incident not closed: the decision layer is told.
    case postMortemOverdue = "postmortem_overdue"
    /// A follow-up is open past its due date: its owner is reminded, again every `follow_up_remind_every`.
    case followUpOverdue = "follow_up_overdue"

    /// Whether it measures how the command chain responded while the incident was live, as opposed to the
    /// review that follows it.
    public var measuresResponse: Bool {
        switch self {
        case .acknowledge, .assess, .instruct, .step, .recurring, .recurringEscalation: true
        case .postMortemReminder, .postMortemOverdue, .followUpOverdue: false
        }
    }
}
