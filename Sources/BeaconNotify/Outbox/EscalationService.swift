import AsyncAlgorithms
public import BeaconCore
public import Foundation
public import Logging
public import ServiceLifecycle

/// Fires due deadlines every `tick` of `clock`: escalations, reminders, missed steps, post-mortems and overdue
/// follow-ups; and tells the people of rostered layers when their shift begins or ends. Deadlines live in the
/// store, so after a crash the overdue ones fire at the first tick, and each fires once.
public struct EscalationService<C: Clock>: Service where C.Duration == Duration {
    /// The ledger to fire with; it reads the configuration in force at every change.
    let ledger: any IncidentCommands
    let tick: Duration
    let clock: C
    let logger: Logger
    let now: @Sendable () -> Date
    let instrumentation: any Instrumentation
    /// Told how many notifications a tick queued, to wake the dispatcher.
    let queued: @Sendable (Int) -> Void

    public init(
        ledger: any IncidentCommands, tick: Duration = .seconds(1), clock: C, logger: Logger,
        now: @escaping @Sendable () -> Date, instrumentation: any Instrumentation = NoInstrumentation(),
        queued: @escaping @Sendable (Int) -> Void
    ) {
        self.clock = clock
        self.instrumentation = instrumentation
        self.ledger = ledger
        self.tick = tick
        self.logger = logger
        self.now = now
        self.queued = queued
    }

    public func run() async throws {
        await fire()
        for await _ in AsyncTimerSequence(interval: tick, clock: clock).cancelOnGracefulShutdown() { await fire() }
    }

    /// Fires what is due now.
    func fire() async {
        do {
            let at = now()
            let (fired, count) = try await ledger.fireDueDeadlines(at: at)
            let (reminded, reminders) = try await ledger.remindOverdueFollowUps(at: at)
            let handoffs = try await ledger.announceHandoffs(at: at)
            if handoffs > 0 {
                logger.info("shift handoffs announced", metadata: ["queued": "\(handoffs)"])
                queued(handoffs)
            }
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
    }
}

extension EscalationService where C == ContinuousClock {
    /// A service ticking on the system's clock, firing at the wall time.
    public init(
        ledger: any IncidentCommands, tick: Duration = .seconds(1), logger: Logger,
        instrumentation: any Instrumentation = NoInstrumentation(), queued: @escaping @Sendable (Int) -> Void
    ) {
        self.init(
            ledger: ledger, tick: tick, clock: ContinuousClock(), logger: logger, now: { Date() },
            instrumentation: instrumentation, queued: queued)
    }
}
