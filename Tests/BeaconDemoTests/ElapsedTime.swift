import Foundation

/// A demo clock the test sets by hand.
final class ElapsedTime: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Duration

    init(_ value: Duration = .zero) {
        self.value = value
    }

    func set(_ newValue: Duration) {
        lock.withLock { value = newValue }
    }

    func read() -> Duration {
        lock.withLock { value }
    }
}
