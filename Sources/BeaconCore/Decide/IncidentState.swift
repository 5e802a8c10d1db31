/// What the decider needs to know of one incident to decide a change: the incident and what hangs on it.
public struct IncidentState: Sendable, Hashable {
    public var incident: Incident
    /// Its playbook's run, in order.
    public var steps: [RunStep]
    public var postMortem: PostMortem?
    /// Its post-mortem's follow-ups, read only when closing (they decide whether it may close).
    public var followUps: [FollowUp]
    /// Everyone paged about it so far, once each.
    public var paged: [Recipient]
    /// Whether the decision layer has acted: done a step or answered an approval.
    public var decisionActed: Bool

    public init(
        incident: Incident, steps: [RunStep] = [], postMortem: PostMortem? = nil, followUps: [FollowUp] = [],
        paged: [Recipient] = [], decisionActed: Bool = false
    ) {
        self.incident = incident
        self.steps = steps
        self.postMortem = postMortem
        self.followUps = followUps
        self.paged = paged
        self.decisionActed = decisionActed
    }
}
