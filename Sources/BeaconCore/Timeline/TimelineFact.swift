/// What one timeline event records, with everything needed to tell it in any language: a kind and a typed
/// payload, stored as such. Sentences are rendered at the edges (`TimelineText`).
///
/// Cases and their labels are part of the stored form: add cases, never rename one.
public enum TimelineFact: Sendable, Hashable, Codable {
    // What a rule or Alertmanager saw.
    /// A rule opened the incident; `breachingFor` when the breach had to hold before opening.
    case opened(severity: Severity, reading: String, breachingFor: Seconds?)
    case openedByAlertmanager(severity: Severity)
    case raised(from: Severity, to: Severity, reading: String)
    case raisedByAlertmanager(from: Severity, to: Severity)
    /// The alert of one tier (`resolved`) stopped while a lower one (`firing`) still fires; the severity stays
    /// `kept` until every tier has resolved.
    case easedByAlertmanager(resolved: Severity, firing: Severity, kept: Severity)
    /// A better value that still breaches at `level`; the severity stays `kept`.
    case eased(reading: String, level: Severity, kept: Severity)
    case recovering(reading: String, resolveAfter: Seconds)
    case resolvedAutomatically(healthyFor: Seconds)
    case resolvedByAlertmanager

    // What people did.
    case declared(by: String, severity: Severity, category: Category)
    /// Acknowledged, mitigated, resolved or closed by a person, with their note.
    case statusChanged(to: IncidentStatus, by: String, note: String?)
    case stepDone(step: StepID, by: String, note: String?)
    case approvalAnswered(approved: Bool, by: String, title: String, comment: String?)
    /// A person reopened a closed incident (its post-mortem editable again), with their reason.
    case reopened(by: String, reason: String)
    /// A person set the severity, with their reason: a raise pages the layers it adds, a lowering silences nothing.
    case severityChanged(from: Severity, to: Severity, by: String, reason: String)

    // What the playbooks and the chain did.
    case playbookStarted(playbook: String, active: Int, steps: Int)
    case noPlaybook
    case stepActivated(step: StepID, severity: Severity)
    case paged(layers: [Layer], severity: Severity)
    /// A rostered layer had nobody on duty, so all of it was paged.
    case rosterGap(layer: Layer, roster: String)
    /// The decision layer's instruction to the others.
    case instructed(by: String, text: String)
    /// Someone was put on duty by hand over a roster (or that override was removed); `from` and `to` in seconds
    /// since 1970, told in `zone` (the rosters' time zone, an IANA name).
    case rosterOverride(
        roster: String, person: String, from: Seconds, to: Seconds, zone: String, by: String, reason: String?,
        removed: Bool)
    case approvalAsked(title: String)
    case escalated(EscalationReason, to: Layer)
    case instructionMissed
    case stepMissed(step: StepID, owner: Layer)
    case recurringMissed(step: StepID, owner: Layer)
    case recurringEscalated(step: StepID, to: Layer)

    // What the outbox did.
    case delivered(NotificationAttempt, detail: String)
    case retrying(NotificationAttempt, reason: String, retryIn: Seconds)
    /// Gave up on a channel: falling over to `fallovers`, or, when there are none, nobody else to try.
    case gaveUp(NotificationAttempt, reason: String, fallovers: [String])

    // The post-mortem.
    case postMortemOpened(owner: Layer, due: LocalDay)
    case postMortemReminded(owner: Layer, due: LocalDay)
    case postMortemOverdue(owner: Layer, due: LocalDay)
    case postMortemEdited(by: String, changes: PostMortemEdit)
    /// A follow-up open past its due day: its owner reminded (`reminded`, their name), or, when the owner is not
    /// in the chain, the post-mortem's layer told.
    case followUpOverdue(due: LocalDay, description: String, owner: String, reminded: String?, told: Layer)

    /// A sentence written before events were typed (stores from before migration v9).
    case text(String)

    /// The kind the event is filed under.
    public var kind: TimelineKind {
        switch self {
        case .opened, .openedByAlertmanager: .opened
        case .raised, .raisedByAlertmanager: .severityRaised
        case .eased, .easedByAlertmanager: .severityEased
        case .severityChanged(let from, let to, _, _): to > from ? .severityRaised : .severityEased
        case .reopened: .resolved
        case .recovering, .text: .note
        case .resolvedAutomatically, .resolvedByAlertmanager: .resolved
        case .declared: .declared
        case .statusChanged(let status, _, _): status.timelineKind
        case .stepDone, .stepActivated, .stepMissed, .recurringMissed: .step
        case .approvalAnswered, .approvalAsked: .approval
        case .playbookStarted, .noPlaybook: .playbookStarted
        case .paged, .rosterGap: .paged
        case .instructed: .instruction
        case .rosterOverride: .note
        case .escalated, .instructionMissed, .recurringEscalated: .escalated
        case .delivered, .retrying, .gaveUp: .notification
        case .postMortemOpened, .postMortemReminded, .postMortemOverdue, .postMortemEdited, .followUpOverdue:
            .postMortem
        }
    }
}

/// A duration in seconds, as timeline facts store it.
public typealias Seconds = Double

/// Why a layer was paged before its turn.
public enum EscalationReason: Sendable, Hashable, Codable {
    /// Nobody of the operation layer acknowledged within its deadline.
    case notAcknowledged(within: Seconds)
    /// The execution layer did not do its assessment step (`step`, its title) within its deadline.
    case notAssessed(step: String, within: Seconds)
    /// The decision layer gave no instruction on a sev1 within its deadline.
    case noInstruction(within: Seconds)
    /// A person escalated by hand.
    case byPerson(String, note: String?)
}

/// One attempt at a notification, as the outbox records it on the timeline.
public struct NotificationAttempt: Sendable, Hashable, Codable {
    public var kind: NotificationKind
    /// The recipient's name (a group message: the person it was planned for).
    public var recipient: String
    public var layer: Layer
    public var channel: String
    /// 1 for the first attempt on this channel.
    public var attempt: Int

    public init(kind: NotificationKind, recipient: String, layer: Layer, channel: String, attempt: Int) {
        self.kind = kind
        self.recipient = recipient
        self.layer = layer
        self.channel = channel
        self.attempt = attempt
    }
}

/// What an edit changed in a post-mortem, as the timeline records it.
public struct PostMortemEdit: Sendable, Hashable, Codable {
    /// The written parts that changed.
    public var fields: [PostMortemField]
    public var added = 0
    public var markedDone = 0
    public var markedWontDo = 0
    public var reopened = 0
    public var edited = 0

    public init(
        fields: [PostMortemField], added: Int = 0, markedDone: Int = 0, markedWontDo: Int = 0, reopened: Int = 0,
        edited: Int = 0
    ) {
        self.fields = fields
        self.added = added
        self.markedDone = markedDone
        self.markedWontDo = markedWontDo
        self.reopened = reopened
        self.edited = edited
    }
}

/// A written part of a post-mortem.
public enum PostMortemField: Sendable, Hashable, Codable {
    case rootCause, trigger, ordersAffected, usersAffected, revenueAtRisk, noActionReason
    case comment(FindingKind)
}

extension IncidentStatus {
    /// The kind of the event that records a person moving an incident to this status.
    var timelineKind: TimelineKind {
        switch self {
        case .open: .note
        case .acknowledged: .acknowledged
        case .mitigated: .mitigated
        case .resolved: .resolved
        case .closed: .closed
        }
    }
}

extension TimelineFact {
    /// The same fact with every person it names (by login, as recorded) written as `name` says: how a page shows
    /// people by name while the record keeps their logins.
    public func naming(_ name: (String) -> String) -> TimelineFact {
        switch self {
        case .declared(let by, let severity, let category):
            .declared(by: name(by), severity: severity, category: category)
        case .statusChanged(let status, let by, let note): .statusChanged(to: status, by: name(by), note: note)
        case .stepDone(let step, let by, let note): .stepDone(step: step, by: name(by), note: note)
        case .approvalAnswered(let approved, let by, let title, let comment):
            .approvalAnswered(approved: approved, by: name(by), title: title, comment: comment)
        case .severityChanged(let from, let to, let by, let reason):
            .severityChanged(from: from, to: to, by: name(by), reason: reason)
        case .instructed(let by, let text): .instructed(by: name(by), text: text)
        case .reopened(let by, let reason): .reopened(by: name(by), reason: reason)
        case .escalated(.byPerson(let actor, let note), let layer):
            .escalated(.byPerson(name(actor), note: note), to: layer)
        case .rosterOverride(let roster, let person, let from, let to, let zone, let by, let reason, let removed):
            .rosterOverride(
                roster: roster, person: name(person), from: from, to: to, zone: zone, by: name(by), reason: reason,
                removed: removed)
        case .postMortemEdited(let by, let changes): .postMortemEdited(by: name(by), changes: changes)
        default: self
        }
    }
}
