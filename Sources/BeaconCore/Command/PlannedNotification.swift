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
