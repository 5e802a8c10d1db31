/// A delivery that cannot go over its channel at all, whatever the channel would answer: trying again cannot
/// help, so the outbox falls over to the person's next channel.
public struct UndeliverableError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A sentence safe to show a user.
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }

    static func missingAddress(_ delivery: Delivery, _ what: String) -> Self {
        Self("\(delivery.recipient.name) has no \(what) for channel \(delivery.channel.id).")
    }
}
