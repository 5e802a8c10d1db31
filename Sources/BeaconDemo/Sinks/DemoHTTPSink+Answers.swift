public import BeaconCore

extension DemoHTTPSink {
    /// What the real service answers a message it accepted, which is what Beacon reads as delivered.
    public struct Answer: Sendable, Hashable {
        public var contentType: String
        public var body: String

        public init(contentType: String, body: String) {
            self.contentType = contentType
            self.body = body
        }

        static func json(_ body: String) -> Answer { Answer(contentType: "application/json", body: body) }
    }

    /// DingTalk and WeCom robots answer `{"errcode":0,"errmsg":"ok"}`, Feishu `{"code":0,…}`, a Slack incoming
    /// webhook the word `ok`; a webhook or an SMS gateway is read by its status alone.
    public static func answer(for type: ChannelType) -> Answer {
        switch type {
        case .dingtalk, .wecom: .json(#"{"errcode":0,"errmsg":"ok"}"#)
        case .feishu: .json(#"{"code":0,"data":{},"msg":"success"}"#)
        case .slack: Answer(contentType: "text/plain; charset=utf-8", body: "ok")
        case .webhook, .sms, .smtp: .json(#"{"ok":true}"#)
        }
    }

    /// The channel type a request is for: the configured type of the channel it is named after, else the type
    /// its path names (`/dingtalk`), else the type its body looks like, else one whose name the path contains
    /// (`/ops-feishu`), else `webhook`.
    static func channelType(
        for channel: String, body: DemoRequestBody, known: [String: ChannelType]
    ) -> ChannelType {
        if let type = known[channel] { return type }
        let name = channel.lowercased()
        if let type = ChannelType(rawValue: name) { return type }
        if let type = shape(of: body) { return type }
        return ChannelType.allCases.first { $0 != .smtp && name.contains($0.rawValue) } ?? .webhook
    }

    /// The channel type whose body this is, by the keys each one's messages have.
    static func shape(of body: DemoRequestBody) -> ChannelType? {
        if body.has("msgtype") {
            // DingTalk mentions people in `at` and titles its markdown; WeCom does neither.
            return body.has("at") || body.value(at: ["markdown", "title"]) != nil ? .dingtalk : .wecom
        }
        if body.has("msg_type") { return .feishu }
        if body.has("version") && body.has("event") { return .webhook }
        if body.has("mobile") || body.has("phone") { return .sms }
        let slackKeys: Set = ["text", "blocks", "attachments", "mrkdwn", "username", "icon_emoji", "channel"]
        if body.isJSON, body.has("text") || body.has("blocks"), Set(body.fields.keys).isSubset(of: slackKeys) {
            return .slack
        }
        return nil
    }
}
