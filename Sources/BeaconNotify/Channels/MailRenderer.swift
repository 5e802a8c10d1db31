import BeaconCurl
import Foundation

/// `smtp`: an e-mail over libcurl's SMTP, with a plain-text and an HTML part, and the idempotency key as
/// its Message-ID so receivers can drop a duplicate sent after a retry.
struct MailRenderer: ChannelRenderer {
    func request(for delivery: Delivery, at now: Date) throws(UndeliverableError) -> CurlRequest {
        let channel = delivery.channel
        guard let address = delivery.recipient.email, !address.isEmpty else {
            throw .missingAddress(delivery, "e-mail address")
        }
        guard let from = channel.from, !from.isEmpty else {
            throw UndeliverableError("Mail channel \(channel.id) has no sender address (from).")
        }
        let message = delivery.message
        let mail = MailMessage(
            from: from, toName: delivery.recipient.name, toAddress: address, subject: message.subject, date: now,
            messageID: Self.messageID(delivery.idempotencyKey),
            extraHeaders: [
                ("Auto-Submitted", "auto-generated"),
                ("X-Beacon-Event", message.kind.rawValue),
            ] + (message.incident.map { [("X-Beacon-Incident", String($0.id))] } ?? []),
            text: MessageLinks.plainText(message), html: MailHTML.render(message))
        var request = CurlRequest.mail(
            channel.url,
            envelope: MailEnvelope(
                from: MailMessage.address(of: from), recipients: [address], security: channel.security),
            message: mail.bytes, timeout: channel.timeout)
        request.username = channel.username
        request.password = channel.password
        return request
    }

    /// libcurl finishes a mail transfer without error only once the server accepted the message (250).
    func result(of response: CurlResponse) -> DeliveryResult {
        .delivered(detail: response.reply ?? "SMTP \(response.status)")
    }

    /// `<key@beacon>` without the brackets; characters that may not appear there are written as `=XX`.
    static func messageID(_ key: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/?^_`{|}~.".utf8)
        var local = ""
        for byte in key.utf8 {
            if allowed.contains(byte) {
                local.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                local += String(format: "=%02X", byte)
            }
        }
        return local + "@beacon"
    }
}
