public import BeaconCore

/// The SMTP envelope of a mail request: who sends, who receives, and how the connection is secured.
public struct MailEnvelope: Sendable, Hashable {
    /// The bare address for `MAIL FROM` (`beacon@example.com`, no display name).
    public var from: String
    /// The bare addresses for `RCPT TO`.
    public var recipients: [String]
    public var security: MailSecurity

    public init(from: String, recipients: [String], security: MailSecurity) {
        self.from = from
        self.recipients = recipients
        self.security = security
    }
}
