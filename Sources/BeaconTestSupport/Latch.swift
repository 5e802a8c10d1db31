import BeaconCore

/// A one-shot signal: tasks wait until it opens; once open it stays open.
///
/// Waiting never blocks a thread, and a waiting task that is cancelled returns at once, so request handlers
/// that wait on it (`.hang`, `.slow`) can always be released.
final class Latch: Sendable {
    private struct State: Sendable {
        var isOpen = false
        var nextID: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
    }

    private let state = Locked(State())

    init() {}

    var isOpen: Bool { state.withLock { $0.isOpen } }

    /// Opens the latch and releases every waiter.
    func open() {
        let waiters = state.withLock { state in
            state.isOpen = true
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns when the latch opens or the calling task is cancelled.
    func wait() async {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                // The cancellation flag is set before the handler below runs, so checking it under the lock
                // closes the race between registering and being cancelled.
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

    /// Waits until the latch opens, at most `limit` (or without limit when `nil`).
    /// - Returns: whether the latch is open.
    @discardableResult
    func wait(atMost limit: Duration?, clock: any Clock<Duration>) async -> Bool {
        guard let limit else {
            await wait()
            return isOpen
        }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.wait() }
            group.addTask { try? await clock.sleep(for: limit) }
            await group.next()
            group.cancelAll()
        }
        return isOpen
    }
}
