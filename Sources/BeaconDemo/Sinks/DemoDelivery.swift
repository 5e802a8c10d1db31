public import BeaconCore

/// One notification as a demo sink received it: what `beacon demo` shows a new user as it arrives.
///
/// Read back from the bytes on the wire, so it shows what the channel really carried; every field but `channel`
/// and `body` is a best effort.
public struct DemoDelivery: Sendable, Hashable {
    /// The HTTP path without its leading slash (`ops-dingtalk`, `hook`), or `smtp` for mail.
    public var channel: String
    /// The channel type the sink took the request for, which chose its answer.
    public var type: ChannelType
    /// Who it is for: the webhook's `recipient.name`, DingTalk's @-mentioned mobiles, the SMS `mobile`, the
    /// mail's `To:` (else its envelope recipients).
    public var recipient: String?
    /// The first line of the message without Markdown decoration; for mail and webhooks, the subject.
    public var headline: String
    /// Why it was sent: the webhook's `event`, or the mail's `X-Beacon-Event`.
    public var kind: NotificationKind?
    /// The one-tap approve link of an approval request.
    public var approveURL: String?
    /// The one-tap reject link of an approval request.
    public var rejectURL: String?
    /// The readable message: the webhook's `text`, the chat message, the SMS text, the mail's text part.
    public var text: String
    /// The request body or the whole mail (after SMTP dot-unstuffing), as received.
    public var body: String

    public init(
        channel: String, type: ChannelType, recipient: String? = nil, headline: String, kind: NotificationKind? = nil,
        approveURL: String? = nil, rejectURL: String? = nil, text: String, body: String
    ) {
        self.channel = channel
        self.type = type
        self.recipient = recipient
        self.headline = headline
        self.kind = kind
        self.approveURL = approveURL
        self.rejectURL = rejectURL
        self.text = text
        self.body = body
    }

    /// Whether the message asks its reader to approve or reject.
    public var asksForDecision: Bool { approveURL != nil || rejectURL != nil }
}
