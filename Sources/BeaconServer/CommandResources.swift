public import BeaconCore
public import Foundation

/// A playbook step of a run, as the API shows it.
public struct RunStepResource: Encodable, Sendable {
    public var id: String
    public var title: String
    public var owner: Layer
    public var state: StepState
    public var dueAt: Date?
    public var everySeconds: Double?
    public var approval: Bool
    public var minSeverity: Severity?
    public var message: String?
    public var doneAt: Date?
    public var doneBy: String?
    public var note: String?

    public init(_ step: RunStep) {
        id = step.stepID.rawValue
        title = step.title
        owner = step.owner
        state = step.state
        dueAt = step.dueAt
        everySeconds = step.every
        approval = step.approval
        minSeverity = step.minSeverity
        message = step.message
        doneAt = step.doneAt
        doneBy = step.doneBy
        note = step.note
    }
}

/// An approval as the API shows it.
public struct ApprovalResource: Encodable, Sendable {
    public var id: Int64
    public var step: String
    public var title: String
    public var state: Approval.State
    public var requestedAt: Date
    public var expiresAt: Date
    public var answeredBy: String?
    public var answeredAt: Date?
    public var comment: String?

    public init(_ approval: Approval) {
        id = approval.id?.rawValue ?? 0
        step = approval.stepID.rawValue
        title = approval.title
        state = approval.state
        requestedAt = approval.requestedAt
        expiresAt = approval.expiresAt
        answeredBy = approval.answeredBy
        answeredAt = approval.answeredAt
        comment = approval.comment
    }
}

/// A notification of the outbox as the API shows it.
public struct NotificationResource: Encodable, Sendable {
    public var id: Int64
    public var kind: NotificationKind
    public var person: String
    public var layer: Layer
    public var channel: String
    public var state: OutboxEntry.State
    public var attempts: Int
    public var lastError: String?
    public var createdAt: Date
    public var deliveredAt: Date?

    public init(_ entry: OutboxEntry) {
        id = entry.id ?? 0
        kind = entry.kind
        person = entry.person.rawValue
        layer = entry.layer
        channel = entry.channelID
        state = entry.state
        attempts = entry.attempts
        lastError = entry.lastError
        createdAt = entry.createdAt
        deliveredAt = entry.deliveredAt
    }
}

/// One incident with everything recorded about it: the detail view of the API and `incident show --json`.
public struct IncidentDetailResource: Encodable, Sendable {
    public var incident: IncidentResource
    public var playbookRun: [RunStepResource]
    public var approvals: [ApprovalResource]
    public var notifications: [NotificationResource]
    /// Where its post-mortem stands, once the incident has resolved.
    public var postMortem: PostMortemStatusResource?

    /// Reads everything recorded about `incident`.
    public init(
        _ incident: Incident, incidents: any IncidentRepository, postMortems: any PostMortemRepository
    ) async throws {
        guard let id = incident.id else { throw IncidentError(code: .notFound, message: "The incident has no id.") }
        self.incident = IncidentResource(incident, timeline: try await incidents.timeline(id))
        playbookRun = try await incidents.runSteps(id).map(RunStepResource.init)
        approvals = try await incidents.approvals(id).map(ApprovalResource.init)
        notifications = try await incidents.notifications(id).map(NotificationResource.init)
        if let postMortem = try await postMortems.postMortem(id) {
            self.postMortem = PostMortemStatusResource(postMortem, followUps: try await postMortems.followUps(id))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        try incident.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(playbookRun, forKey: .playbookRun)
        try container.encode(approvals, forKey: .approvals)
        try container.encode(notifications, forKey: .notifications)
        try container.encode(postMortem, forKey: .postMortem)
    }

    enum Keys: String, CodingKey { case playbookRun, approvals, notifications, postMortem }
}

/// A post-mortem in brief, as an incident's detail shows it; the whole of it is at `…/postmortem`.
public struct PostMortemStatusResource: Encodable, Sendable {
    public var owner: Layer
    public var dueAt: Date
    /// What keeps the incident from closing; empty when it may close.
    public var missingForClose: [CloseNeed]
    public var followUps: Int
    public var followUpsOpen: Int

    public init(_ postMortem: PostMortem, followUps: [FollowUp]) {
        owner = postMortem.owner
        dueAt = postMortem.dueAt
        missingForClose = postMortem.missingForClose(followUps: followUps)
        self.followUps = followUps.count
        followUpsOpen = followUps.filter { $0.status == .open }.count
    }
}
