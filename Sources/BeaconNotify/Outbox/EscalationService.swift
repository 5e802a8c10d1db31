public import BeaconCore
public import BeaconStore
public import Foundation
public import Logging
public import ServiceLifecycle

/// Fires due deadlines every `tick`: escalations, reminders, missed steps, post-mortems and overdue follow-ups. Deadlines live in the store, so after
/// a crash the overdue ones fire at the first tick, and each fires once.
public struct EscalationService: Service {
    /// The ledger to fire with; read each tick, so a reloaded configuration applies.
    let ledger: @Sendable () -> IncidentLedger
    let tick: Duration
    let logger: Logger
    let now: @Sendable () -> Date
    let instrumentation: any Instrumentation
    /// Told how many notifications a tick queued, to wake the dispatcher.
    let queued: @Sendable (Int) -> Void

    public init(
        ledger: @escaping @Sendable () -> IncidentLedger, tick: Duration = .seconds(1), logger: Logger,
        now: @escaping @Sendable () -> Date = { Date() }, instrumentation: any Instrumentation = NoInstrumentation(),
        queued: @escaping @Sendable (Int) -> Void
    ) {
        self.instrumentation = instrumentation
        self.ledger = ledger
        self.tick = tick
        self.logger = logger
        self.now = now
        self.queued = queued
    }

    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                let ledger = ledger()
                let at = now()
                let (fired, count) = try ledger.fireDueDeadlines(at: at)
                let (reminded, reminders) = try ledger.remindOverdueFollowUps(at: at)
                if fired + reminded > 0 {
                    instrumentation.deadlinesFired(fired + reminded)
                    logger.debug(
                        "deadlines fired",
                        metadata: ["fired": "\(fired)", "follow-ups": "\(reminded)", "queued": "\(count + reminders)"])
                }
                if count + reminders > 0 { queued(count + reminders) }
            } catch {
                logger.error("cannot fire deadlines", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: tick)
        }
    }
}
