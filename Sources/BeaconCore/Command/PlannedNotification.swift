/// A notification decided on but not yet sent: a row of the outbox.
public struct PlannedNotification: Sendable, Hashable {
    /// (scope, purpose, person, channel): the same notice is never queued twice. The scope is the incident
    /// (`incident-12`), or the roster (`roster-cs-duty`) or the person (`user-zhangmin`) a message without an
    /// incident is about.
    public var idempotencyKey: String
    /// The incident it is about, if any.
    public var incidentID: IncidentID?
    public var recipient: Recipient
    public var channelID: String
    /// The channel's place in the person's list: fall-over moves to the next.
    public var channelIndex: Int
    public var stepID: StepID?
    /// For an approval request: the step whose approval row the links answer.
    public var approvalStepID: StepID?
    public var message: NotificationMessage
    /// Why it is sent (`page`, `escalate-ack`, `approval-refund`…): with the channel, what makes two
    /// notifications the same message in a group.
    public var purpose: NotificationPurpose
    /// Whether the channel is read by one person or by a group, where one message names everyone it pages.
    public var audience: ChannelAudience

    public init(
        idempotencyKey: String, incidentID: IncidentID?, recipient: Recipient, channelID: String, channelIndex: Int,
        stepID: StepID?, approvalStepID: StepID?, message: NotificationMessage, purpose: NotificationPurpose,
        audience: ChannelAudience = .personal
    ) {
        self.purpose = purpose
        self.audience = audience
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
    public var approvals: [StepID] = []
    public var notifications: [PlannedNotification] = []
    public var timeline: [TimelineEntry] = []
    /// A post-mortem to open (an incident resolved).
    public var postMortem: PostMortem?

    public init() {}

    public static func + (lhs: CommandEffects, rhs: CommandEffects) -> CommandEffects {
        var sum = lhs
        sum.steps += rhs.steps
        sum.deadlines += rhs.deadlines
        sum.approvals += rhs.approvals
        sum.notifications += rhs.notifications
        sum.timeline += rhs.timeline
        sum.postMortem = lhs.postMortem ?? rhs.postMortem
        return sum
    }
}

/// A timeline event to record, before it has an incident id and a time.
public struct TimelineEntry: Sendable, Hashable {
    public var fact: TimelineFact
    public var actor: String

    public init(_ fact: TimelineFact, actor: String = TimelineEvent.system) {
        self.fact = fact
        self.actor = actor
    }
}

extension PlannedNotification {
    /// The idempotency key of a notification without its channel, as `docs/webhook.md` writes it:
    /// `incident-12/page/zhangmin`. A person is named by login, or by a stable token of their name when they
    /// have none, so a key never carries a display name.
    public static func key(incident: IncidentID, purpose: NotificationPurpose, recipient: Recipient) -> String {
        key(scope: "incident-\(incident.rawValue)", purpose: purpose, recipient: recipient)
    }

    /// `roster-cs-duty/handoff-1796630400000/zhangmin`: a key for a message about something else than an incident.
    public static func key(scope: String, purpose: NotificationPurpose, recipient: Recipient) -> String {
        "\(scope)/\(purpose)/\(personKey(recipient))"
    }

    /// What the key is about: `incident-12`, `roster-cs-duty`, `user-zhangmin`.
    public var scope: Substring { idempotencyKey.prefix { $0 != "/" } }

    /// How a key names a person: their login, or a stable token of their name.
    public static func personKey(_ recipient: Recipient) -> String {
        recipient.login ?? personToken(recipient.name)
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

extension PlannedNotification {
    /// The notifications as they are queued: on a group channel, one message per (purpose, channel) that
    /// @mentions everyone it pages, instead of a copy per person posted into the same group.
    ///
    /// The merged message keeps the first one's subject; texts that differ (layers asked different steps) follow
    /// one another. Its idempotency key names no person: `incident-12/page/ops-dingtalk`.
    public static func grouped(_ notifications: [PlannedNotification]) -> [PlannedNotification] {
        var result: [PlannedNotification] = []
        var slots: [String: Int] = [:]
        for planned in notifications {
            guard planned.audience == .group else {
                result.append(planned)
                continue
            }
            let slot = "\(planned.scope)/\(planned.purpose)/\(planned.channelID)"
            if let index = slots[slot] {
                result[index].absorb(planned)
            } else {
                var first = planned
                first.idempotencyKey = slot
                first.message.mentions = [planned.recipient]
                slots[slot] = result.count
                result.append(first)
            }
        }
        return result
    }

    private mutating func absorb(_ other: PlannedNotification) {
        if !(message.mentions ?? []).contains(where: { $0.id == other.recipient.id }) {
            message.mentions = (message.mentions ?? []) + [other.recipient]
        }
        if !message.text.contains(other.message.text) { message.text += "\n\n" + other.message.text }
    }
}
