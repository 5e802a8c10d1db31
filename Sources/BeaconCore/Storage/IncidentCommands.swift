public import Foundation

/// Every change to an incident, each one unit of work: the store loads the incident's state, `IncidentDecider`
/// decides, and the store commits the decision (the incident, its events, the steps and approvals it changes, its
/// pages and deadlines) in one transaction. A store backend implements this beside its repositories.
public protocol IncidentCommands: Sendable {
    /// Applies what a rule's evaluator decided about one series.
    /// - Returns: the change made, or `nil` when there was nothing to change.
    @discardableResult
    func commit(_ transition: Transition, rule: Rule, labels: Labels, at now: Date) async throws -> IncidentChange?

    /// Applies what the evaluators decided about several series, in order, as one unit of work: all commit or
    /// none. The monitor's commit stage sends a poll's burst this way (a thousand series breaching at once are a
    /// few transactions, not a thousand).
    /// - Returns: the changes made, in order (changes that changed nothing are left out).
    func commit(_ changes: [PendingChange]) async throws -> [IncidentChange]

    /// Opens, raises or resolves the incident of an external alert.
    @discardableResult
    func receive(_ alert: ExternalAlert, by actor: String, at now: Date) async throws -> IncidentChange?

    /// Opens an incident a person declares.
    @discardableResult
    func declare(
        title: String, category: Category, severity: Severity, by actor: String, labels: Labels,
        description: String?, at now: Date
    ) async throws -> IncidentChange

    /// Acknowledges, mitigates, resolves or closes an incident on a person's behalf.
    @discardableResult
    func perform(
        _ action: IncidentAction, on id: IncidentID, by actor: String, note: String?, at now: Date
    )
        async throws -> IncidentChange

    /// Marks a playbook step done on behalf of a person of the layer that owns it.
    @discardableResult
    func completeStep(
        _ stepID: StepID, of id: IncidentID, by actor: String, layer: Layer, note: String?, at now: Date
    )
        async throws -> RunStep

    /// Answers an approval on behalf of a person of the decision layer; the first answer wins.
    @discardableResult
    func answer(
        _ approvalID: ApprovalID, approve: Bool, by actor: String, layer: Layer, comment: String?, at now: Date
    )
        async throws -> Approval

    /// Reopens a closed incident on a person's word, with their reason: resolved again, its post-mortem editable.
    @discardableResult
    func reopen(
        _ id: IncidentID, reason: String, by actor: String, layer: Layer, at now: Date
    ) async throws -> IncidentChange

    /// Sets an incident's severity on a person's word, with their reason; a raise pages the layers it adds.
    @discardableResult
    func changeSeverity(
        _ id: IncidentID, to severity: Severity, reason: String, by actor: String, layer: Layer, at now: Date
    ) async throws -> IncidentChange

    /// Records the decision layer's instruction and sends it to the execution layer; it meets `instruct_within`.
    @discardableResult
    func instruct(
        _ id: IncidentID, text: String, by actor: String, layer: Layer, at now: Date
    ) async throws -> IncidentChange

    /// Pages a layer by hand (by default the next one up).
    /// - Returns: how many notifications it queued.
    @discardableResult
    func escalate(
        _ id: IncidentID, to layer: Layer?, by actor: String, note: String?, at now: Date
    ) async throws
        -> Int

    /// Notes `fact` on the timelines of `ids`, changing nothing else: something that bears on them happened
    /// elsewhere (a roster override changes who they page).
    func note(_ fact: TimelineFact, on ids: [IncidentID], by actor: String, at now: Date) async throws

    /// Fires every deadline due at `now`, each in its own transaction with what it causes.
    @discardableResult
    func fireDueDeadlines(at now: Date, limit: Int) async throws -> (fired: Int, queued: Int)

    /// Queues the messages of the shift changes since the last check (to the incoming and the outgoing person of
    /// each rostered layer), each once.
    /// - Returns: how many notifications were queued.
    func announceHandoffs(at now: Date) async throws -> Int

    /// Reminds the owners of follow-ups open past their due date, each reminder once.
    @discardableResult
    func remindOverdueFollowUps(at now: Date, limit: Int) async throws -> (reminded: Int, queued: Int)
}

extension IncidentCommands {
    @discardableResult
    public func declare(
        title: String, category: Category, severity: Severity, by actor: String, at now: Date
    )
        async throws -> IncidentChange
    {
        try await declare(
            title: title, category: category, severity: severity, by: actor, labels: Labels(), description: nil,
            at: now)
    }

    @discardableResult
    public func perform(
        _ action: IncidentAction, on id: IncidentID, by actor: String, at now: Date
    ) async throws
        -> IncidentChange
    {
        try await perform(action, on: id, by: actor, note: nil, at: now)
    }

    @discardableResult
    public func completeStep(
        _ stepID: StepID, of id: IncidentID, by actor: String, layer: Layer, at now: Date
    )
        async throws -> RunStep
    {
        try await completeStep(stepID, of: id, by: actor, layer: layer, note: nil, at: now)
    }

    @discardableResult
    public func answer(
        _ approvalID: ApprovalID, approve: Bool, by actor: String, layer: Layer, at now: Date
    )
        async throws -> Approval
    {
        try await answer(approvalID, approve: approve, by: actor, layer: layer, comment: nil, at: now)
    }

    @discardableResult
    public func fireDueDeadlines(at now: Date) async throws -> (fired: Int, queued: Int) {
        try await fireDueDeadlines(at: now, limit: 500)
    }

    @discardableResult
    public func remindOverdueFollowUps(at now: Date) async throws -> (reminded: Int, queued: Int) {
        try await remindOverdueFollowUps(at: now, limit: 500)
    }
}

/// An incident as changed, and the timeline event that says how.
public struct IncidentChange: Sendable, Hashable {
    public var incident: Incident
    public var event: TimelineEvent
    /// Notifications the change queued in the outbox; the dispatcher can be woken when there are any.
    public var notificationsQueued = 0

    public init(incident: Incident, event: TimelineEvent, notificationsQueued: Int = 0) {
        self.incident = incident
        self.event = event
        self.notificationsQueued = notificationsQueued
    }
}
