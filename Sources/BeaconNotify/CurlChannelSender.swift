import BeaconCore
public import BeaconCurl
public import Foundation

/// Sends deliveries over every channel type with one ``CurlClient``: webhooks, chat robots (Slack, DingTalk,
/// WeCom, Feishu), SMS gateways and SMTP.
///
/// Each channel type renders the same ``NotificationMessage`` in its own format. A delivery that cannot go over
/// its channel (an SMS to someone without a mobile number) fails without retry, so the outbox falls over to the
/// person's next channel at once.
public struct CurlChannelSender: ChannelSender {
    private let client: CurlClient
    private let now: @Sendable () -> Date

    /// - Parameters:
    ///   - client: the transfer engine, shared with other senders if wanted; the caller shuts it down.
    ///   - now: the send time, for signatures, `sent_at` and the e-mail `Date`.
    public init(client: CurlClient, now: @escaping @Sendable () -> Date) {
        self.client = client
        self.now = now
    }

    public func send(_ delivery: Delivery) async -> DeliveryResult {
        let renderer = delivery.channel.type.renderer
        let request: CurlRequest
        do {
            request = try renderer.request(for: delivery, at: now())
        } catch {
            return .failed(reason: error.message, retryable: false)
        }
        switch await client.perform(request) {
        case .success(let response): return renderer.result(of: response)
        case .failure(let failure): return .failed(reason: failure.message, retryable: failure.isRetryable)
        }
    }
}
