import BeaconCurl
import Foundation

/// `sms`: a POST to an HTTP SMS gateway, whose body is the channel's template with `{{mobile}}` and
/// `{{text}}` filled in.
///
/// Values are escaped for the body's format: JSON-escaped when the template is JSON (a JSON content type, or a
/// body that starts with `{` or `[`), form-encoded when it is a form (the default content type otherwise),
/// inserted as they are for any other configured content type.
struct SMSRenderer: ChannelRenderer {
    func request(for delivery: Delivery, at now: Date) throws(UndeliverableError) -> CurlRequest {
        let channel = delivery.channel
        guard let mobile = delivery.recipient.mobile, !mobile.isEmpty else {
            throw .missingAddress(delivery, "mobile number")
        }
        guard let template = channel.body else {
            throw UndeliverableError("SMS channel \(channel.id) has no body template.")
        }
        let configuredType = channel.headers.first { $0.key.lowercased() == "content-type" }?.value
        let trimmed = template.trimmingCharacters(in: .whitespacesAndNewlines)
        let isJSON =
            configuredType.map { $0.lowercased().contains("json") }
            ?? (trimmed.hasPrefix("{") || trimmed.hasPrefix("["))
        let contentType = configuredType ?? (isJSON ? "application/json" : "application/x-www-form-urlencoded")
        let escape: (String) -> String =
            if isJSON {
                Template.jsonEscape
            } else if contentType.lowercased().contains("x-www-form-urlencoded") {
                { $0.addingPercentEncoding(withAllowedCharacters: .urlQueryValue) ?? $0 }
            } else {
                { $0 }
            }
        // An executive answers an approval from the phone: one segment that says it is an approval, of which
        // incident at which severity, what is asked, and a short single-use link whose page offers both answers.
        let message = delivery.message
        let text =
            if let approval = message.approval, let incident = message.incident {
                SMSText.compose(
                    subject: (message.language ?? .en).catalog(
                        "channel.sms_approval",
                        [
                            "severity": incident.severity.rawValue, "id": "\(incident.id)",
                            "step": message.step?.title ?? message.subject,
                        ]),
                    link: approval.shortURL ?? approval.answerURL ?? approval.approveURL,
                    singleSegment: approval.shortURL != nil)
            } else {
                SMSText.compose(
                    subject: message.subject,
                    link: message.incident?.url ?? message.invitation?.url ?? message.handoff?.url ?? "")
            }
        let body = Template(template).render(["mobile": mobile, "text": text], escape: escape)
        return CurlRequest(
            url: channel.url, kind: .post,
            headers: [CurlRequest.Header("Content-Type", contentType)].adding(channel.headers),
            body: Array(body.utf8), timeout: channel.timeout, username: channel.username, password: channel.password)
    }
}
