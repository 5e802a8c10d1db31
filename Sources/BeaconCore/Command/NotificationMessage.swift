public import Foundation

/// What a notification says. Every channel renders the same message, so every channel says the same thing.
public struct NotificationMessage: Sendable, Hashable, Codable {
    public var kind: NotificationKind
    /// One line: `[sev2] #12 Payment success rate below 90%`.
    public var subject: String
    /// The plain text every channel shows: what happened, the value against its threshold, what is asked of
    /// the reader and by when. Channels add the links from `incident.url` and `approval`.
    public var text: String
    /// The incident it is about; `nil` for a message about the reader's duty (a handoff) or account (an
    /// invitation).
    public var incident: IncidentSummary?
    /// The step asked of the recipient's layer, if any.
    public var step: StepSummary?
    /// For an approval request: the links that answer it without signing in.
    public var approval: ApprovalLinks?
    /// On a group channel: everyone the one message pages, to @mention. `nil` for a message to one person.
    public var mentions: [Recipient]?
    /// For a handoff or its confirmation: the shift, and the open incidents the layer holds.
    public var handoff: HandoffSummary?
    /// For an invitation: the one-time link that sets the person's password.
    public var invitation: InvitationLink?
    /// The language the message is written in, for the words each channel adds (link labels); absent in rows
    /// written before there were catalogs, which were English.
    public var language: Language?

    public init(
        kind: NotificationKind, subject: String, text: String, incident: IncidentSummary?, step: StepSummary? = nil,
        approval: ApprovalLinks? = nil, handoff: HandoffSummary? = nil, invitation: InvitationLink? = nil,
        language: Language? = nil
    ) {
        self.language = language
        self.handoff = handoff
        self.invitation = invitation
        self.kind = kind
        self.subject = subject
        self.text = text
        self.incident = incident
        self.step = step
        self.approval = approval
    }
}

/// Why a notification is sent.
public enum NotificationKind: String, CaseIterable, Sendable, Codable, Hashable {
    /// An incident opened and the recipient's layer is paged.
    case page
    /// The severity rose; newly included layers are paged and the rest told.
    case raised
    /// A deadline passed unanswered; the next layer is paged.
    case escalation
    /// A recurring or due step is waiting on the recipient.
    case reminder
    /// The decision layer is asked to approve or reject.
    case approvalRequest = "approval_request"
    /// An approval was answered; the execution layer is told.
    case approvalOutcome = "approval_outcome"
    /// The decision layer's instruction; the execution layer carries it out.
    case instruction
    /// The incident resolved.
    case resolved
    /// A shift began: the incoming person of a rostered layer, with the open incidents the layer holds.
    case handoff
    /// A shift ended: the outgoing person's confirmation of who took over.
    case handedOver = "handed_over"
    /// A one-time link to set a password and sign in, sent over the person's personal channels.
    case invitation

    /// Whether it asks its recipient's layer to act on the incident (a page, a raise, an escalation, an approval
    /// request, a reminder), as opposed to telling them how it went.
    public var asksToAct: Bool {
        switch self {
        case .page, .raised, .escalation, .reminder, .approvalRequest, .instruction: true
        case .approvalOutcome, .resolved, .handoff, .handedOver, .invitation: false
        }
    }
}

/// The incident facts a notification carries.
public struct IncidentSummary: Sendable, Hashable, Codable {
    public var id: Int64
    public var title: String
    public var severity: Severity
    public var status: IncidentStatus
    public var category: Category
    public var rule: RuleID?
    public var labels: [String: String]
    public var value: Double?
    public var threshold: Double?
    public var openedAt: Date
    /// The incident's page in the console (`public_url` + `/incidents/12`).
    public var url: String

    public init(
        id: Int64, title: String, severity: Severity, status: IncidentStatus, category: Category, rule: RuleID?,
        labels: [String: String], value: Double?, threshold: Double?, openedAt: Date, url: String
    ) {
        self.id = id
        self.title = title
        self.severity = severity
        self.status = status
        self.category = category
        self.rule = rule
        self.labels = labels
        self.value = value
        self.threshold = threshold
        self.openedAt = openedAt
        self.url = url
    }
}

/// A playbook step as a notification names it.
public struct StepSummary: Sendable, Hashable, Codable {
    public var id: StepID
    public var title: String
    public var owner: Layer
    public var dueAt: Date?

    public init(id: StepID, title: String, owner: Layer, dueAt: Date?) {
        self.id = id
        self.title = title
        self.owner = owner
        self.dueAt = dueAt
    }
}

/// Signed, single-use links that approve or reject without signing in.
public struct ApprovalLinks: Sendable, Hashable, Codable {
    public var approvalID: ApprovalID
    public var approveURL: String
    public var rejectURL: String
    /// One link whose page offers both answers: what fits in an SMS.
    public var answerURL: String?
    /// A short, single-use answer link (`https://beacon/a/Xk3…`) for an SMS, whose segment has no room for a
    /// signed one.
    public var shortURL: String?
    public var expiresAt: Date

    public init(
        approvalID: ApprovalID, approveURL: String, rejectURL: String, answerURL: String? = nil,
        shortURL: String? = nil,
        expiresAt: Date
    ) {
        self.approvalID = approvalID
        self.approveURL = approveURL
        self.rejectURL = rejectURL
        self.answerURL = answerURL
        self.shortURL = shortURL
        self.expiresAt = expiresAt
    }
}

/// A shift change as its messages tell it.
public struct HandoffSummary: Sendable, Hashable, Codable {
    /// An open incident the layer holds at the handoff.
    public struct OpenIncident: Sendable, Hashable, Codable {
        public var id: Int64
        public var title: String
        public var severity: Severity
        public var status: IncidentStatus
        public var url: String

        public init(id: Int64, title: String, severity: Severity, status: IncidentStatus, url: String) {
            self.id = id
            self.title = title
            self.severity = severity
            self.status = status
            self.url = url
        }
    }

    public var roster: String
    public var layer: Layer
    /// When the shift changed.
    public var at: Date
    /// When the incoming shift ends, if it does within the fortnight looked at.
    public var until: Date?
    /// Who took over (names); empty when nobody is on duty, so the whole layer is paged.
    public var incoming: [String]
    /// Who handed over (names).
    public var outgoing: [String]
    public var incidents: [OpenIncident]
    /// The console's on-call page.
    public var url: String

    public init(
        roster: String, layer: Layer, at: Date, until: Date?, incoming: [String], outgoing: [String],
        incidents: [OpenIncident], url: String
    ) {
        self.roster = roster
        self.layer = layer
        self.at = at
        self.until = until
        self.incoming = incoming
        self.outgoing = outgoing
        self.incidents = incidents
        self.url = url
    }
}

/// The one-time link of an invitation.
public struct InvitationLink: Sendable, Hashable, Codable {
    public var url: String
    public var expiresAt: Date

    public init(url: String, expiresAt: Date) {
        self.url = url
        self.expiresAt = expiresAt
    }
}

/// The person a delivery reaches.
public struct Recipient: Sendable, Hashable, Codable {
    /// The person this is: their login, else their name.
    public var id: PersonID { PersonID(login ?? name) }
    public var name: String
    public var login: String?
    public var role: String?
    public var email: String?
    public var mobile: String?
    /// Ids on chat platforms, for @mentions; absent in rows written before they existed.
    public var chatIDs: ChatIDs?
    public var layer: Layer
    /// The person's channels, in order, as configured when the notification was planned: fall-over follows
    /// them, so it never looks the person up again by name. Absent in rows written before they existed.
    public var channels: [String]?

    public init(
        name: String, login: String? = nil, role: String? = nil, email: String? = nil, mobile: String? = nil,
        chatIDs: ChatIDs? = nil, layer: Layer, channels: [String]? = nil
    ) {
        self.channels = channels
        self.name = name
        self.login = login
        self.role = role
        self.email = email
        self.mobile = mobile
        self.chatIDs = chatIDs
        self.layer = layer
    }

    public init(_ person: Person, layer: Layer) {
        self.init(
            name: person.name, login: person.login, role: person.role, email: person.email, mobile: person.mobile,
            chatIDs: person.chatIDs == ChatIDs() ? nil : person.chatIDs, layer: layer, channels: person.channels)
    }
}
