public import Foundation

/// A notification in the outbox: persisted with the change that caused it, sent and retried from here.
public struct OutboxEntry: Sendable, Hashable, Codable {
    public enum State: String, Sendable, Codable, Hashable {
        case pending, delivered
        /// Given up on this channel (the person's next channel, if any, has its own entry).
        case failed
    }

    public var id: Int64?
    /// The incident it is about; `nil` for a handoff or an invitation.
    public var incidentID: IncidentID?
    public var idempotencyKey: String
    /// The key without its channel: fall-over entries share it.
    public var baseKey: String
    public var kind: NotificationKind
    public var person: PersonID
    public var layer: Layer
    public var channelID: String
    public var channelIndex: Int
    public var stepID: StepID?
    public var approvalID: ApprovalID?
    public var recipient: Recipient
    public var message: NotificationMessage
    public var state: State
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastError: String?
    public var createdAt: Date
    public var deliveredAt: Date?

    public init(
        id: Int64? = nil, incidentID: IncidentID?, idempotencyKey: String, baseKey: String, kind: NotificationKind,
        person: PersonID, layer: Layer, channelID: String, channelIndex: Int, stepID: StepID?, approvalID: ApprovalID?,
        recipient: Recipient, message: NotificationMessage, state: State, attempts: Int, nextAttemptAt: Date,
        lastError: String?, createdAt: Date, deliveredAt: Date?
    ) {
        self.id = id
        self.incidentID = incidentID
        self.idempotencyKey = idempotencyKey
        self.baseKey = baseKey
        self.kind = kind
        self.person = person
        self.layer = layer
        self.channelID = channelID
        self.channelIndex = channelIndex
        self.stepID = stepID
        self.approvalID = approvalID
        self.recipient = recipient
        self.message = message
        self.state = state
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.createdAt = createdAt
        self.deliveredAt = deliveredAt
    }

    /// Everyone the notification is for: the people a group message names, or its one recipient.
    public var recipients: [Recipient] { message.mentions ?? [recipient] }

    enum CodingKeys: String, CodingKey {
        case id, kind, person, layer, recipient, message, state, attempts
        case incidentID = "incident_id"
        case idempotencyKey = "idempotency_key"
        case baseKey = "base_key"
        case channelID = "channel_id"
        case channelIndex = "channel_index"
        case stepID = "step_id"
        case approvalID = "approval_id"
        case nextAttemptAt = "next_attempt_at"
        case lastError = "last_error"
        case createdAt = "created_at"
        case deliveredAt = "delivered_at"
    }
}

/// Where a notification that gave up on its channel goes next.
public struct Fallover: Sendable, Hashable {
    public var channelID: String
    /// The channel's place in the (first) person's list.
    public var index: Int
    /// Who the new notification is for; empty for "the same person" (a personal notification's next channel).
    public var recipients: [Recipient]
    /// Whether the channel is a group one, where one message names every recipient.
    public var group: Bool

    public init(channelID: String, index: Int, recipients: [Recipient], group: Bool) {
        self.channelID = channelID
        self.index = index
        self.recipients = recipients
        self.group = group
    }
}

/// A short, single-use approval answer link, as stored: the code itself is never kept, only its hash.
public struct ShortLink: Sendable, Hashable {
    public var approvalID: ApprovalID
    /// The login (or name) of the decision-layer person it was sent to.
    public var person: PersonID
    public var expiresAt: Date
    public var usedAt: Date?

    public init(approvalID: ApprovalID, person: PersonID, expiresAt: Date, usedAt: Date?) {
        self.approvalID = approvalID
        self.person = person
        self.expiresAt = expiresAt
        self.usedAt = usedAt
    }
}

extension OutboxEntry {
    /// The pending row of a planned notification, due at once; a store's ledger fills in the approval row's id.
    public init(_ planned: PlannedNotification, approvalID: ApprovalID?, at now: Date) {
        let base =
            planned.idempotencyKey.hasSuffix("/\(planned.channelID)")
            ? String(planned.idempotencyKey.dropLast(planned.channelID.count + 1)) : planned.idempotencyKey
        self.init(
            id: nil, incidentID: planned.incidentID, idempotencyKey: planned.idempotencyKey, baseKey: base,
            kind: planned.message.kind, person: planned.recipient.id,
            layer: planned.recipient.layer, channelID: planned.channelID, channelIndex: planned.channelIndex,
            stepID: planned.stepID, approvalID: approvalID, recipient: planned.recipient, message: planned.message,
            state: .pending, attempts: 0, nextAttemptAt: now, lastError: nil, createdAt: now, deliveredAt: nil)
    }
}

extension OutboxEntry {
    /// The pending notification that takes over from this one on `fallover`'s channel.
    public func fallingOver(to fallover: Fallover) -> OutboxEntry {
        var next = self
        next.id = nil
        next.channelID = fallover.channelID
        next.channelIndex = fallover.index
        next.state = .pending
        next.attempts = 0
        next.lastError = nil
        // A group message's base key names no person (`incident-12/page`); a personal one's does.
        let wasGroup = message.mentions != nil
        let purposeKey = wasGroup ? baseKey : String(baseKey[..<(baseKey.lastIndex(of: "/") ?? baseKey.endIndex)])
        if fallover.recipients.isEmpty {
            next.idempotencyKey = "\(baseKey)/\(fallover.channelID)"
        } else if fallover.group {
            next.message.mentions = fallover.recipients
            next.recipient = fallover.recipients[0]
            next.person = fallover.recipients[0].id
            next.layer = fallover.recipients[0].layer
            next.baseKey = purposeKey
            next.idempotencyKey = "\(purposeKey)/\(fallover.channelID)"
        } else {
            let person = fallover.recipients[0]
            next.message.mentions = nil
            next.recipient = person
            next.person = person.id
            next.layer = person.layer
            next.baseKey = "\(purposeKey)/\(PlannedNotification.personKey(person))"
            next.idempotencyKey = "\(next.baseKey)/\(fallover.channelID)"
        }
        return next
    }
}

extension OutboxEntry {
    /// The `attempt`th attempt of this notification, as the timeline records it.
    public func attempt(_ attempt: Int) -> NotificationAttempt {
        NotificationAttempt(kind: kind, recipient: recipient.name, layer: layer, channel: channelID, attempt: attempt)
    }
}
