/// What a change to an incident is, for the store to commit in one transaction: the incident as it is to be
/// stored, the events that say what happened, the rows it changes and what it sets in motion.
public struct Decision: Sendable {
    /// The incident as it is to be stored: inserted when it has no id yet, else updated.
    public var incident: Incident
    /// The events that say what changed, recorded before those of the effects.
    public var events: [TimelineEntry]
    /// Steps the change marks done.
    public var steps: [RunStep] = []
    /// An approval the change answers (or finds expired).
    public var approval: Approval?
    /// What the change sets in motion (playbook runs, pages, deadlines, a post-mortem), planned from the incident
    /// as stored, so a new incident's pages carry its id.
    public var effects: @Sendable (Incident) -> CommandEffects
    /// Refused after all: committed first (an approval found expired is marked so), then reported.
    public var refusal: IncidentError?

    public init(
        incident: Incident, events: [TimelineEntry], steps: [RunStep] = [], approval: Approval? = nil,
        refusal: IncidentError? = nil,
        effects: @escaping @Sendable (Incident) -> CommandEffects = { _ in CommandEffects() }
    ) {
        self.incident = incident
        self.events = events
        self.steps = steps
        self.approval = approval
        self.refusal = refusal
        self.effects = effects
    }
}
