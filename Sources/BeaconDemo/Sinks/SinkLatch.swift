import Foundation

/// A one-shot signal a sink opens when it has wound down: ``wait(atMost:clock:)`` returns when it opens or the
/// time is up, so stopping a sink never waits without bound.
final class SinkLatch: @unchecked Sendable {
    // `@unchecked`: every stored property is guarded by `lock`.
    private let lock = NSLock()
    private var isOpen = false
    private var nextID: UInt64 = 0
    private var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]

    init() {}

    /// Opens the latch and releases every waiter; it stays open.
    func open() {
        lock.lock()
        isOpen = true
        let released = Array(waiters.values)
        waiters = [:]
        lock.unlock()
        for waiter in released { waiter.resume() }
    }

    var opened: Bool {
        lock.lock()
        defer { lock.unlock() }
        return isOpen
    }

    /// Returns when the latch opens or the calling task is cancelled.
    func wait() async {
        let id = withLock {
            nextID += 1
            return nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                // Checking cancellation under the lock closes the race with the handler below.
                let resumeNow = withLock {
                    if isOpen || Task.isCancelled { return true }
                    waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            withLock { waiters.removeValue(forKey: id) }?.resume()
        }
    }

    /// Waits until the latch opens, at most `limit`.
    /// - Returns: whether it opened.
    @discardableResult
    func wait(atMost limit: Duration, clock: any Clock<Duration>) async -> Bool {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.wait() }
            group.addTask { try? await clock.sleep(for: limit) }
            await group.next()
            group.cancelAll()
        }
        return opened
    }

    private func withLock<Result>(_ body: () -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}
