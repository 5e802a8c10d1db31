public import BeaconCore

/// One message to one person on one channel: what the outbox hands a channel sender.
public struct Delivery: Sendable, Hashable {
    /// Stable across retries and restarts: (incident, step, person, channel). Channels that can dedupe
    /// receive it (`Idempotency-Key` header, e-mail `Message-ID`).
    public var idempotencyKey: String
    public var channel: Channel
    public var recipient: Recipient
    public var message: NotificationMessage

    public init(idempotencyKey: String, channel: Channel, recipient: Recipient, message: NotificationMessage) {
        self.idempotencyKey = idempotencyKey
        self.channel = channel
        self.recipient = recipient
        self.message = message
    }
}

/// How a delivery attempt went.
public enum DeliveryResult: Sendable, Hashable {
    /// The channel accepted the message; the detail says how (`HTTP 200`, `250 OK queued as …`).
    case delivered(detail: String)
    /// It did not. `retryable` is false when trying again cannot help (a 4xx other than 408/429, a
    /// recipient without an e-mail address); the outbox then falls over to the person's next channel at once.
    case failed(reason: String, retryable: Bool)
    /// The platform throttles the channel (DingTalk 130101, WeCom 45009) for `pause`: nothing more is sent on it
    /// until then, and this message waits rather than being retried into the throttle.
    case throttled(reason: String, pause: Duration)
}

/// Sends deliveries over their channels.
public protocol ChannelSender: Sendable {
    func send(_ delivery: Delivery) async -> DeliveryResult
}
