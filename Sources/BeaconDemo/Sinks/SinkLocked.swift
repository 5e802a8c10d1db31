import Foundation

/// A value guarded by a lock, shared between a sink's handlers (on any thread) and whoever reads it.
///
/// `NSLock` rather than `Synchronization.Mutex`, which needs macOS 15 while the package supports macOS 14.
final class SinkLocked<Value: Sendable>: @unchecked Sendable {
    // `@unchecked`: `value` is only touched under `lock`.
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with exclusive access to the value; keep it short and never `await` inside.
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
