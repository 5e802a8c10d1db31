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

    public init(
        id: String, type: ChannelType, url: String, from: String? = nil, username: String? = nil,
        password: String? = nil, security: MailSecurity = .starttls, body: String? = nil, secret: String? = nil,
        headers: [String: String] = [:], timeout: Duration = .seconds(5)
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
    }
}

public enum ChannelType: String, CaseIterable, Sendable, Hashable {
    case webhook, slack, dingtalk, wecom, feishu, smtp, sms
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
