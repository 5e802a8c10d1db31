/// A notification decided on but not yet sent: a row of the outbox.
public struct PlannedNotification: Sendable, Hashable {
    /// (incident, purpose, person, channel): the same notice is never queued twice.
    public var idempotencyKey: String
    public var incidentID: IncidentID
    public var recipient: Recipient
    public var channelID: String
    /// The channel's place in the person's list: fall-over moves to the next.
    public var channelIndex: Int
    public var stepID: String?
    /// For an approval request: the step whose approval row the links answer.
    public var approvalStepID: String?
    public var message: NotificationMessage

    public init(
        idempotencyKey: String, incidentID: IncidentID, recipient: Recipient, channelID: String, channelIndex: Int,
        stepID: String?, approvalStepID: String?, message: NotificationMessage
    ) {
        self.idempotencyKey = idempotencyKey
        self.incidentID = incidentID
        self.recipient = recipient
        self.channelID = channelID
        self.channelIndex = channelIndex
        self.stepID = stepID
        self.approvalStepID = approvalStepID
        self.message = message
    }
}

/// What a change to an incident sets in motion: steps to store, deadlines to watch, approvals to ask,
/// notifications to send and timeline entries to record, all committed with the change.
public struct CommandEffects: Sendable, Hashable {
    public var steps: [RunStep] = []
    public var deadlines: [Deadline] = []
    /// Steps that need an approval row.
    public var approvals: [String] = []
    public var notifications: [PlannedNotification] = []
    public var timeline: [TimelineEntry] = []

    public init() {}

    public static func + (lhs: CommandEffects, rhs: CommandEffects) -> CommandEffects {
        var sum = lhs
        sum.steps += rhs.steps
        sum.deadlines += rhs.deadlines
        sum.approvals += rhs.approvals
        sum.notifications += rhs.notifications
        sum.timeline += rhs.timeline
        return sum
    }
}

/// A timeline event to record, before it has an incident id and a time.
public struct TimelineEntry: Sendable, Hashable {
    public var kind: TimelineKind
    public var actor: String
    public var message: String

    public init(_ kind: TimelineKind, _ message: String, actor: String = TimelineEvent.system) {
        self.kind = kind
        self.actor = actor
        self.message = message
    }
}

extension PlannedNotification {
    /// The idempotency key of a notification without its channel, as `docs/webhook.md` writes it:
    /// `incident-12/page/zhangmin`. A person is named by login, or by a stable token of their name when they
    /// have none, so a key never carries a display name.
    public static func key(incident: IncidentID, purpose: String, recipient: Recipient) -> String {
        "incident-\(incident.rawValue)/\(purpose)/\(recipient.login ?? personToken(recipient.name))"
    }

    /// `person-` and the 64-bit FNV-1a hash of the name in hex: the same for the same name, and not the name.
    static func personToken(_ name: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return "person-" + String(hash, radix: 16)
    }
}
