/// How often and how fast a failing notification is retried before falling over to the next channel.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts on one channel before falling over.
    public var attemptsPerChannel: Int
    /// The wait after the first failure; it doubles after each further failure.
    public var initialBackoff: Duration
    public var maximumBackoff: Duration
    /// The wait varies by up to this fraction either way, so retries of a storm do not arrive together.
    public var jitter: Double

    public init(
        attemptsPerChannel: Int = 3, initialBackoff: Duration = .seconds(2), maximumBackoff: Duration = .seconds(120),
        jitter: Double = 0.2
    ) {
        self.attemptsPerChannel = attemptsPerChannel
        self.initialBackoff = initialBackoff
        self.maximumBackoff = maximumBackoff
        self.jitter = jitter
    }

    /// The wait before attempt `attempt + 1`, after `attempt` failures.
    public func backoff(after attempt: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        let base = min(initialBackoff * Int(1 << min(max(attempt - 1, 0), 20)), maximumBackoff)
        let factor = 1 + Double.random(in: -jitter...jitter, using: &generator)
        return base * factor
    }
}
