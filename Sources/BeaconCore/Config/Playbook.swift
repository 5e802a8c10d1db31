/// The steps for one scenario; a run applies it to an incident.
public struct Playbook: Sendable, Hashable {
    public var id: String
    public var title: String
    /// The incidents it applies to when their rule names no playbook.
    public var appliesTo: PlaybookScope
    public var steps: [PlaybookStep]
    public var location: ConfigLocation

    public init(
        id: String, title: String, appliesTo: PlaybookScope = PlaybookScope(), steps: [PlaybookStep],
        location: ConfigLocation = ConfigLocation(file: "", line: 0)
    ) {
        self.id = id
        self.title = title
        self.appliesTo = appliesTo
        self.steps = steps
        self.location = location
    }
}

/// Which incidents a playbook applies to: by category or by rule id.
public struct PlaybookScope: Sendable, Hashable {
    public var categories: [Category]
    public var rules: [RuleID]

    public init(categories: [Category] = [], rules: [RuleID] = []) {
        self.categories = categories
        self.rules = rules
    }
}

/// One step of a playbook: who owns it, by when, and what it says.
public struct PlaybookStep: Sendable, Hashable {
    public var id: StepID
    public var title: String
    public var owner: Layer
    /// Due this long after the incident opened.
    public var within: Duration?
    /// Recurs at this period until the incident is mitigated or resolved.
    public var every: Duration?
    /// A message template for users (app popup, SMS, agent script).
    public var message: String?
    /// Whether the decision layer must approve or reject it.
    public var approval: Bool
    /// The step activates only once the incident reaches this severity.
    public var minSeverity: Severity?
    /// Things to check off while doing the step.
    public var checklist: [String]
    /// Whether this is the execution layer's assessment, watched by `assess_within`.
    public var assessment: Bool

    public init(
        id: StepID, title: String, owner: Layer, within: Duration? = nil, every: Duration? = nil,
        message: String? = nil, approval: Bool = false, minSeverity: Severity? = nil, checklist: [String] = [],
        assessment: Bool = false
    ) {
        self.id = id
        self.title = title
        self.owner = owner
        self.within = within
        self.every = every
        self.message = message
        self.approval = approval
        self.minSeverity = minSeverity
        self.checklist = checklist
        self.assessment = assessment
    }
}
