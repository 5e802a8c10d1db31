import Synchronization

/// A one-shot signal a sink opens when it has wound down: ``wait(atMost:clock:)`` returns when it opens or the
/// time is up, so stopping a sink never waits without bound.
final class SinkLatch: Sendable {
    private struct State {
        var isOpen = false
        var nextID: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
    }

    private let state = Mutex(State())

    init() {}

    /// Opens the latch and releases every waiter; it stays open.
    func open() {
        let released = state.withLock { state in
            state.isOpen = true
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in released { waiter.resume() }
    }

    var opened: Bool { state.withLock { $0.isOpen } }

    /// Returns when the latch opens or the calling task is cancelled.
    func wait() async {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                // Checking cancellation under the lock closes the race with the handler below.
                let resumeNow = state.withLock { state in
                    if state.isOpen || Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
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
}
