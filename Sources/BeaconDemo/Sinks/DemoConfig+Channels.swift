public import BeaconCore
import Foundation

extension DemoConfig {
    /// The configuration with every channel pointed at the demo sinks, so each notification arrives where
    /// `beacon demo` shows it.
    ///
    /// HTTP channels (webhook, Slack, DingTalk, WeCom, Feishu, SMS) post to `http://127.0.0.1:<httpPort>/<id>`,
    /// so the sink knows the channel by its path; mail goes to `smtp://127.0.0.1:<smtpPort>` in plain text
    /// (`security: none`), which is all the sink speaks. Secrets, headers, templates, senders and timeouts stay,
    /// so every channel renders, signs and times out as it would in production.
    /// - Parameters:
    ///   - config: the configuration as loaded.
    ///   - httpPort: where the ``DemoHTTPSink`` listens.
    ///   - smtpPort: where the ``DemoSMTPSink`` listens.
    public static func routeChannels(_ config: BeaconConfig, httpPort: Int, smtpPort: Int) -> BeaconConfig {
        var result = config
        result.channels = config.channels.map { routed($0, httpPort: httpPort, smtpPort: smtpPort) }
        return result
    }

    /// One channel pointed at its sink.
    static func routed(_ channel: Channel, httpPort: Int, smtpPort: Int) -> Channel {
        var channel = channel
        switch channel.type {
        case .smtp:
            channel.url = "smtp://127.0.0.1:\(smtpPort)"
            channel.security = .none
        case .webhook, .slack, .dingtalk, .wecom, .feishu, .sms:
            channel.url = "http://127.0.0.1:\(httpPort)/\(pathSegment(channel.id))"
        }
        return channel
    }

    /// A channel id as one path segment: characters a path may not hold, and `/`, percent-encoded.
    static func pathSegment(_ id: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove("/")
        return id.addingPercentEncoding(withAllowedCharacters: allowed) ?? id
    }
}
