import Foundation

extension ConfigDecoder {
    func channels(_ field: YAMLField) -> [Channel]? {
        guard let mapping = field.freeMapping() else { return nil }
        let channels = mapping.entries.compactMap { channel($0.key, $0.value) }
        return channels.count == mapping.entries.count ? channels : nil
    }

    private func channel(_ id: String, _ field: YAMLField) -> Channel? {
        diagnostics.define("channel", id, at: field)
        guard let raw = field.freeMapping() else { return nil }
        let type = raw.required("type")?.oneOf(ChannelType.self, "check.noun.channel_type")
        let keys = type.map(Self.channelKeys) ?? Array(Set(ChannelType.allCases.flatMap(Self.channelKeys)))
        guard let mapping = field.mapping(keys: keys), let type else { return nil }
        let url = mapping.required("url").flatMap { channelURL($0, type) }
        let from = type == .smtp ? mapping.required("from")?.string() : nil
        let username = optionalValue(mapping, "username") { $0.string() }
        let password = optionalValue(mapping, "password") { $0.string() }
        let security = value(mapping, "security", default: MailSecurity.starttls) {
            $0.oneOf(MailSecurity.self, "check.noun.security")
        }
        let body = type == .sms ? mapping.required("body")?.string() : nil
        let secret = optionalValue(mapping, "secret") { $0.string() }
        let headers = value(mapping, "headers", default: [:]) { $0.stringMap() }
        let timeout = value(mapping, "timeout", default: .seconds(5)) { $0.positiveDuration() }
        let audience = value(mapping, "audience", default: type.defaultAudience) { channelAudience($0, type) }
        let rate = value(mapping, "rate", default: type.defaultRate) { field -> [RateLimit]? in
            guard let text = field.string() else { return nil }
            guard let limits = RateLimit.parse(text) else {
                field.fail("check.malformed_rate", ["text": "\(text)"])
                return nil
            }
            return limits
        }
        warnIfLoopbackFallback(mapping, id: id, url: url)
        guard let url, type != .smtp || from != nil, type != .sms || body != nil, let username, let password,
            let security, let secret, let headers, let timeout, let audience, let rate
        else { return nil }
        return Channel(
            id: id, type: type, url: url, from: from, username: username, password: password, security: security,
            body: body, secret: secret, headers: headers, timeout: timeout, audience: audience, rate: rate)
    }

    private func channelAudience(_ field: YAMLField, _ type: ChannelType) -> ChannelAudience? {
        guard let audience = field.oneOf(ChannelAudience.self, "check.noun.audience") else { return nil }
        guard type.allowedAudiences.contains(audience) else {
            field.fail(
                "check.channel_audience",
                [
                    "type": "\(type.rawValue)", "fixed": "\(type.defaultAudience.rawValue)",
                    "audience": "\(audience.rawValue)",
                ])
            return nil
        }
        return audience
    }

    /// Warns when the URL is a loopback default that `${NAME:-…}` fell back to: a channel that would go live
    /// paging into this machine because a variable was forgotten.
    private func warnIfLoopbackFallback(_ mapping: YAMLMapping, id: String, url: String?) {
        guard let url, let field = mapping.optional("url"), case .scalar(let scalar) = field.node,
            let host = URLComponents(string: url)?.host, ConfigText.isLoopback(host)
        else { return }
        let fellBack = ConfigText.fallbacksTaken(scalar.string, environment: diagnostics.environment)
        guard !fellBack.isEmpty else { return }
        let names = fellBack.map { "${\($0)}" }.joined(separator: ", ")
        field.warn("check.loopback_fallback", ["names": "\(names)", "id": "\(id)", "host": "\(host)"])
    }

    static func channelKeys(_ type: ChannelType) -> [String] {
        let common = ["type", "url", "timeout", "audience", "rate"]
        switch type {
        case .smtp: return common + ["from", "username", "password", "security"]
        case .sms: return common + ["body", "username", "password", "headers"]
        case .dingtalk, .feishu: return common + ["secret"]
        case .webhook: return common + ["secret", "headers"]
        case .slack, .wecom: return common
        }
    }

    private func channelURL(_ field: YAMLField, _ type: ChannelType) -> String? {
        guard type == .smtp else { return httpURL(field) }
        guard let text = field.string() else { return nil }
        guard text.hasPrefix("smtp://") || text.hasPrefix("smtps://") else {
            field.fail("expected an smtp:// or smtps:// URL, found \"\(text)\"")
            return nil
        }
        return wellFormedURL(field, text)
    }
}
