public import Foundation

/// A playbook step as applied to one incident: its owner, deadline and state.
public struct RunStep: Sendable, Hashable, Codable {
    public var incidentID: IncidentID
    public var stepID: StepID
    /// The step's place in its playbook, from 0.
    public var position: Int
    public var playbookID: String
    public var title: String
    public var owner: Layer
    public var state: StepState
    /// When it is (next) due: `within` after the incident opened (or after the step activated), or the next
    /// occurrence of an `every` step.
    public var dueAt: Date?
    /// The period of a recurring step, in seconds.
    public var every: TimeInterval?
    public var approval: Bool
    /// The execution layer's assessment step, which `assess_within` watches.
    public var assessment: Bool
    public var minSeverity: Severity?
    /// The user-facing message template of the step.
    public var message: String?
    public var doneAt: Date?
    public var doneBy: String?
    public var note: String?

    public init(
        incidentID: IncidentID, stepID: StepID, position: Int, playbookID: String, title: String, owner: Layer,
        state: StepState, dueAt: Date?, every: TimeInterval?, approval: Bool, assessment: Bool = false,
        minSeverity: Severity?, message: String?
    ) {
        self.incidentID = incidentID
        self.stepID = stepID
        self.position = position
        self.playbookID = playbookID
        self.title = title
        self.owner = owner
        self.state = state
        self.dueAt = dueAt
        self.every = every
        self.approval = approval
        self.assessment = assessment
        self.minSeverity = minSeverity
        self.message = message
    }

    enum CodingKeys: String, CodingKey {
        case position, title, owner, state, every, approval, assessment, message, note
        case incidentID = "incident_id"
        case stepID = "step_id"
        case playbookID = "playbook_id"
        case dueAt = "due_at"
        case minSeverity = "min_severity"
        case doneAt = "done_at"
        case doneBy = "done_by"
    }

    /// Whether the step is waiting on its owner.
    public var isOpen: Bool { state == .due || state == .missed }

    /// The execution layer's assessment among a run's steps: the one marked as such, else the layer's first step.
    public static func assessment(in steps: [RunStep]) -> RunStep? {
        let execution = steps.filter { $0.owner == .execution }.sorted { $0.position < $1.position }
        return execution.first(where: \.assessment) ?? execution.first
    }
}

/// Where a step of a run stands.
public enum StepState: String, CaseIterable, Sendable, Codable, Hashable {
    /// Not active yet: the incident has not reached the step's `min_severity`.
    case pending
    /// Active and waiting on its owner.
    case due
    case done
    /// Not needed: the incident resolved before it was done (recurring steps end this way).
    case skipped
    /// Its deadline passed; it can still be done, late.
    case missed
}
