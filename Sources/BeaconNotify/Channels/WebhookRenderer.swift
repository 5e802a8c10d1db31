import BeaconCurl
import Foundation

/// `webhook`: Beacon's own JSON event (`docs/webhook.md`), with an `Idempotency-Key` header and, when the
/// channel has a secret, an `X-Beacon-Signature` HMAC of the body.
struct WebhookRenderer: ChannelRenderer {
    func request(for delivery: Delivery, at now: Date) throws(UndeliverableError) -> CurlRequest {
        let body = try WebhookEvent(delivery: delivery, sentAt: now).encoded()
        var headers = [
            CurlRequest.Header("Content-Type", "application/json"),
            CurlRequest.Header("Idempotency-Key", delivery.idempotencyKey),
        ]
        if let secret = delivery.channel.secret, !secret.isEmpty {
            headers.append(
                CurlRequest.Header("X-Beacon-Signature", ChannelSignature.webhook(body: body, secret: secret)))
        }
        return CurlRequest(
            url: delivery.channel.url, kind: .post, headers: headers.adding(delivery.channel.headers), body: body,
            timeout: delivery.channel.timeout, username: delivery.channel.username,
            password: delivery.channel.password)
    }
}

extension [CurlRequest.Header] {
    /// These headers, then the configured ones in name order, except those already set here: a configured
    /// header cannot replace the content type, the idempotency key or the signature.
    func adding(_ configured: [String: String]) -> [CurlRequest.Header] {
        let taken = Set(map { $0.name.lowercased() })
        return self
            + configured.sorted { $0.key < $1.key }.filter { !taken.contains($0.key.lowercased()) }.map {
                CurlRequest.Header($0.key, $0.value)
            }
    }
}
