import BeaconCore

extension DemoDelivery {
    /// Where each channel type puts the message text: webhook and Slack `text`, DingTalk `markdown.text`, WeCom
    /// `markdown.content`, Feishu `content.text`, the robots' text messages `text.content`, SMS gateways' `text`.
    static let textPaths = [
        ["text"], ["markdown", "text"], ["markdown", "content"], ["content", "text"], ["text", "content"],
        ["content"], ["message"], ["msg"],
    ]

    /// Where a person is named: the webhook's `recipient.name`, an SMS gateway's `mobile` (or `phone`, `to`).
    static let recipientPaths = [["recipient", "name"], ["mobile"], ["phone"], ["to"]]

    /// A notification read from an HTTP request.
    /// - Parameters:
    ///   - channel: the path without its leading slash.
    ///   - type: the channel type the request was taken for.
    ///   - body: the request body.
    init(channel: String, type: ChannelType, body: DemoRequestBody) {
        var text = body.firstString(Self.textPaths) ?? (body.fields.isEmpty ? body.text : "")
        if type == .slack { text = DemoText.slackUnescaped(text) }
        let mentioned = body.strings(at: "at", "atMobiles")
        let recipient =
            body.string(at: "recipient", "name")
            ?? (mentioned.isEmpty ? nil : mentioned.joined(separator: ", "))
            ?? body.firstString(Self.recipientPaths)
        let headline =
            body.string(at: "subject") ?? DemoText.headline(text).nonEmpty ?? body.string(at: "markdown", "title")
            ?? DemoText.headline(body.text)
        let links = DemoLinks(text).approval
        self.init(
            channel: channel, type: type, recipient: recipient, headline: headline,
            kind: body.string(at: "event").flatMap(NotificationKind.init(rawValue:)),
            approveURL: body.string(at: "approval", "approve_url") ?? links.approve,
            rejectURL: body.string(at: "approval", "reject_url") ?? links.reject, text: text, body: body.text)
    }
}

extension String {
    /// Nil when empty.
    var nonEmpty: String? { isEmpty ? nil : self }
}
