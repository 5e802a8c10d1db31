import BeaconCore

extension DemoDelivery {
    /// A notification read from a message the SMTP sink accepted.
    init(mail: SMTPSession.Mail) {
        let raw = String(decoding: mail.data, as: UTF8.self)
        let parsed = DemoMail(raw)
        let text = parsed.text
        var links = DemoLinks(text).approval
        if links.approve == nil && links.reject == nil, let html = parsed.html {
            links = DemoLinks(html).approval
        }
        self.init(
            channel: "smtp", type: .smtp,
            recipient: parsed.to?.nonEmpty ?? (mail.recipients.isEmpty ? nil : mail.recipients.joined(separator: ", ")),
            headline: parsed.subject?.nonEmpty ?? DemoText.headline(text),
            kind: parsed.header("X-Beacon-Event").flatMap(NotificationKind.init(rawValue:)),
            approveURL: links.approve, rejectURL: links.reject, text: text, body: raw)
    }
}
