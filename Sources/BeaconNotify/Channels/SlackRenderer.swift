import BeaconCore
import BeaconCurl
import Foundation

/// `slack`: an incoming-webhook message, `{"text": …}` in Slack's mrkdwn: the subject in bold, the text, the
/// links.
struct SlackRenderer: ChannelRenderer {
    func request(for delivery: Delivery, at now: Date) throws(UndeliverableError) -> CurlRequest {
        let body = try JSONBody.encode(["text": Self.text(delivery.message)])
        return CurlRequest(
            url: delivery.channel.url, kind: .post, headers: [CurlRequest.Header("Content-Type", "application/json")],
            body: body, timeout: delivery.channel.timeout)
    }

    /// Slack answers `ok`, or an error word (`invalid_payload`, `no_service`) that is not worth retrying.
    func result(of response: CurlResponse) -> DeliveryResult {
        let verdict = ResponseVerdict.byStatus(response)
        guard case .delivered = verdict else { return verdict }
        let answer = response.bodyText.trimmingCharacters(in: .whitespacesAndNewlines)
        guard answer.isEmpty || answer == "ok" else {
            return .failed(reason: "Slack refused the message" + ResponseVerdict.snippet(response), retryable: false)
        }
        return verdict
    }

    static func text(_ message: NotificationMessage) -> String {
        let links = MessageLinks(message)
        var lines = ["*\(escape(message.subject))*", escape(message.text)]
        lines += links.main.map { ["<\($0.url)|\($0.label)>"] } ?? []
        if !links.decision.isEmpty {
            lines.append(links.decision.map { "<\($0.url)|\($0.label)>" }.joined(separator: " · "))
        }
        if let note = links.expiryNote { lines.append("_\(note)_") }
        return lines.joined(separator: "\n")
    }

    /// Slack's three control characters; everything else is shown as written.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
