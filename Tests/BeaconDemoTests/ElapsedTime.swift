import BeaconCore

/// A demo clock the test sets by hand.
final class ElapsedTime: Sendable {
    private let value: Locked<Duration>

    init(_ value: Duration = .zero) {
        self.value = Locked(value)
    }

    func set(_ newValue: Duration) {
        value.withLock { $0 = newValue }
    }

    func read() -> Duration { value.value }
}
