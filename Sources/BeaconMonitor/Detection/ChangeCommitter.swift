public import BeaconCore
public import Logging
import Synchronization

/// Commits what the detector decided, in the order it decided it, away from the poller's thread.
///
/// The poller only queues (`enqueue` takes a lock and appends); the monitor's task commits. A change the database
/// refuses (another process holds SQLite's write lock, the disk is full) stays at the head of the queue and is
/// tried again at the next commit, so a busy database delays incidents without losing or reordering them, and
/// polling keeps its schedule meanwhile.
public final class ChangeCommitter: Sendable {
    private struct State {
        var queue: [PendingChange] = []
        /// Index of the oldest change not yet committed; the queue is compacted once it is drained.
        var head = 0
        var dropped = 0
        var failing = false
    }

    /// The most changes held back while the database refuses them; beyond this the oldest are dropped (and logged),
    /// so a database that stays down cannot grow memory without bound.
    public static let maxBacklog = 100_000

    private let state = Mutex(State())
    private let ledger: any IncidentCommands
    private let logger: Logger

    /// - Parameter ledger: commits each change; it is built once with everything it needs to page.
    public init(ledger: any IncidentCommands, logger: Logger) {
        self.ledger = ledger
        self.logger = logger
    }

    /// Queues changes to commit; cheap enough for the poller's thread.
    public func enqueue(_ changes: [PendingChange]) {
        guard !changes.isEmpty else { return }
        state.withLock { state in
            state.queue.append(contentsOf: changes)
            let excess = state.queue.count - state.head - Self.maxBacklog
            if excess > 0 {
                state.head += excess
                state.dropped += excess
            }
        }
    }

    /// Changes waiting to be committed.
    public var backlog: Int { state.withLock { $0.queue.count - $0.head } }

    /// The most changes committed in one transaction: a burst of breaches costs a few transactions, and the first
    /// incidents of a burst still page at once.
    public static let batchSize = 64

    /// Commits the queued changes in order, a batch per transaction, until the queue is empty or the database
    /// refuses a batch (which then stays queued, whole).
    /// - Parameter each: told of each change as soon as its batch is committed (to wake the dispatcher at once,
    ///   not after a burst of a thousand).
    /// - Returns: the incident changes committed. Only one task commits at a time (the monitor's).
    @discardableResult
    public func commit(each: (IncidentChange) -> Void = { _ in }) async -> [IncidentChange] {
        var committed: [IncidentChange] = []
        reportDropped()
        while case let (start, batch) = nextBatch(), let first = batch.first {
            do {
                for change in try await ledger.commit(batch) {
                    committed.append(change)
                    each(change)
                }
            } catch {
                let firstFailure = state.withLock { state in
                    defer { state.failing = true }
                    return !state.failing
                }
                if firstFailure {
                    logger.error(
                        "cannot commit incident changes; they are kept and tried again",
                        metadata: [
                            "changes": "\(batch.count)", "rule": "\(first.rule.id)", "series": "\(first.labels)",
                            "error": "\(error)",
                        ])
                }
                return committed
            }
            let recovered = state.withLock { state in
                // Changes dropped meanwhile (a backlog past `maxBacklog`) may have moved the head past this batch.
                state.head = max(state.head, start + batch.count)
                if state.head == state.queue.count {
                    state.queue.removeAll(keepingCapacity: true)
                    state.head = 0
                }
                defer { state.failing = false }
                return state.failing
            }
            if recovered { logger.info("incident changes are committed again") }
        }
        return committed
    }

    /// The oldest changes not yet committed, at most `batchSize`, and the index of the first. Only the commit task
    /// compacts the queue, so the index holds until the batch is committed.
    private func nextBatch() -> (start: Int, batch: [PendingChange]) {
        state.withLock { state in
            (state.head, Array(state.queue[state.head..<min(state.queue.count, state.head + Self.batchSize)]))
        }
    }

    private func reportDropped() {
        let dropped = state.withLock { state in
            defer { state.dropped = 0 }
            return state.dropped
        }
        if dropped > 0 {
            logger.error(
                "incident changes dropped: the database refused them for too long",
                metadata: ["dropped": "\(dropped)"])
        }
    }
}
