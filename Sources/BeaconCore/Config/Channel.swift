import Foundation

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
    /// How many messages the platform accepts per window; more wait and go out as one digest.
    public var rate: [RateLimit]

    public init(
        id: String, type: ChannelType, url: String, from: String? = nil, username: String? = nil,
        password: String? = nil, security: MailSecurity = .starttls, body: String? = nil, secret: String? = nil,
        headers: [String: String] = [:], timeout: Duration = .seconds(5), audience: ChannelAudience? = nil,
        rate: [RateLimit]? = nil
    ) {
        self.rate = rate ?? type.defaultRate
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

    /// What the platform allows a group robot: DingTalk and WeCom 20 a minute (then a 10-minute throttle),
    /// Feishu 5 a second and 100 a minute, a Slack incoming webhook about one a second. Others: no limit.
    public var defaultRate: [RateLimit] {
        switch self {
        case .dingtalk, .wecom: [RateLimit(count: 20, per: .seconds(60))]
        case .feishu: [RateLimit(count: 5, per: .seconds(1)), RateLimit(count: 100, per: .seconds(60))]
        case .slack: [RateLimit(count: 1, per: .seconds(1))]
        case .webhook, .smtp, .sms: []
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

/// At most `count` messages per `per`: `20/1m`.
public struct RateLimit: Sendable, Hashable, CustomStringConvertible {
    public var count: Int
    public var per: Duration

    public init(count: Int, per: Duration) {
        self.count = count
        self.per = per
    }

    public var description: String { "\(count)/\(per.configText)" }

    /// Parses `20/1m`, or several separated by commas: `5/1s, 100/1m`.
    public static func parse(_ text: String) -> [RateLimit]? {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let limits = parts.compactMap { part -> RateLimit? in
            let pieces = part.split(separator: "/", maxSplits: 1)
            guard pieces.count == 2, let count = Int(pieces[0].trimmingCharacters(in: .whitespaces)), count > 0,
                let per = ConfigText.duration(String(pieces[1])), per > .zero
            else { return nil }
            return RateLimit(count: count, per: per)
        }
        return limits.count == parts.count && !limits.isEmpty ? limits : nil
    }
}
