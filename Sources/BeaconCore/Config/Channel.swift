/// A way to reach people: a chat webhook, email or SMS gateway.
public struct Channel: Sendable, Hashable {
    public var id: String
    public var type: ChannelType
    public var url: String
    /// Email: the sender address.
    public var from: String?
    public var username: String?
    public var password: String?
    /// Email: how the connection is secured.
    public var security: MailSecurity
    /// SMS: the request body with `{{mobile}}` and `{{text}}` placeholders.
    public var body: String?
    /// DingTalk and Feishu: the signing secret of the robot.
    public var secret: String?
    public var headers: [String: String]
    public var timeout: Duration
    /// Who reads what the channel carries: one person, or a group. Answer links go to personal channels only.
    public var audience: ChannelAudience

    public init(
        id: String, type: ChannelType, url: String, from: String? = nil, username: String? = nil,
        password: String? = nil, security: MailSecurity = .starttls, body: String? = nil, secret: String? = nil,
        headers: [String: String] = [:], timeout: Duration = .seconds(5), audience: ChannelAudience? = nil
    ) {
        self.id = id
        self.type = type
        self.url = url
        self.from = from
        self.username = username
        self.password = password
        self.security = security
        self.body = body
        self.secret = secret
        self.headers = headers
        self.timeout = timeout
        self.audience = audience ?? type.defaultAudience
    }
}

/// Who reads a channel: `personal` (SMS, e-mail, a webhook that says so) or `group` (chat group robots, and a
/// webhook unless it says otherwise).
public enum ChannelAudience: String, CaseIterable, Sendable, Hashable {
    case personal, group
}

public enum ChannelType: String, CaseIterable, Sendable, Hashable {
    case webhook, slack, dingtalk, wecom, feishu, smtp, sms

    /// Chat robots post into a group; SMS and e-mail reach one person; a webhook is shared unless it says not.
    public var defaultAudience: ChannelAudience {
        switch self {
        case .sms, .smtp: .personal
        case .webhook, .slack, .dingtalk, .wecom, .feishu: .group
        }
    }

    /// The audiences a channel of this type may declare: a robot posts into a group whatever it says, an SMS
    /// reaches one phone.
    public var allowedAudiences: [ChannelAudience] {
        switch self {
        case .sms: [.personal]
        case .slack, .dingtalk, .wecom, .feishu: [.group]
        case .webhook, .smtp: [.personal, .group]
        }
    }
}

/// How an SMTP connection is secured.
public enum MailSecurity: String, CaseIterable, Sendable, Hashable {
    /// Upgrade with STARTTLS when the server offers it (`smtp://`).
    case starttls
    /// Require STARTTLS; fail if the server does not offer it.
    case requireStarttls = "require-starttls"
    /// TLS from the first byte (`smtps://`).
    case tls
    /// Plain text, for a local relay only.
    case none
}
