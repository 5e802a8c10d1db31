import AsyncAlgorithms
public import BeaconCore
public import Foundation
public import Logging
public import ServiceLifecycle
import Synchronization

/// Polls every rule's source, evaluates each series and commits incident changes, until graceful shutdown.
///
/// Three stages, so the poller never waits on the database: the poller's thread polls and hands each result to
/// the detector, which extracts and evaluates it in memory; what it decides is queued for the `ChangeCommitter`,
/// which this service's task drains; samples for charts are written by the same task every `flushEvery`.
public final class MonitorService<C: Clock>: Service, Sendable where C.Duration == Duration {
    private enum Event: Sendable {
        case reload(BeaconConfig)
        /// The sources this node owns may have changed.
        case ownership
        case commit
        case flush
    }

    /// What the monitor is doing, for health checks and the console.
    public struct Status: Sendable, Equatable {
        public var running = false
        public var targets = 0
        public var rules = 0
        /// Failing source URLs and why.
        public var failingSources: [String: String] = [:]
        public var poller = Poller.Statistics()
        /// Incident changes decided but not committed yet (the database is busy or failing).
        public var commitBacklog = 0
    }

    private let initialConfig: BeaconConfig
    private let ledger: any IncidentCommands
    private let instrumentation: any Instrumentation
    private let samples: any SampleRepository
    private let incidents: any IncidentRepository
    private let logger: Logger
    private let options: Poller.Options
    private let clock: C
    private let flushEvery: Duration
    private let now: @Sendable () -> Date
    private let onChange: @Sendable (IncidentChange) -> Void
    private let events: AsyncStream<Event>
    private let continuation: AsyncStream<Event>.Continuation
    private let currentStatus = Mutex(Status())
    /// Which sources this node polls; `nil`: all of them.
    private let ownership: (any SourceOwnership)?
    /// The configuration in force, for what ownership changes apply to.
    private let latestConfig: Mutex<BeaconConfig>

    /// - Parameters:
    ///   - config: the rules to poll.
    ///   - ledger: commits the incidents the rules open, and pages as its configuration says.
    ///   - samples: where series values are kept; `incidents`: the incidents open when the monitor starts.
    ///   - clock: ticks the flushes of samples and of changes the database refused before.
    ///   - now: the wall clock that timestamps observations and incidents.
    ///   - onChange: told of every committed incident change (the demo prints them), on the service's task.
    public init(
        config: BeaconConfig, ledger: any IncidentCommands, samples: any SampleRepository,
        incidents: any IncidentRepository, logger: Logger, options: Poller.Options = Poller.Options(),
        instrumentation: any Instrumentation = NoInstrumentation(), clock: C, flushEvery: Duration = .seconds(1),
        now: @escaping @Sendable () -> Date, ownership: (any SourceOwnership)? = nil,
        onChange: @escaping @Sendable (IncidentChange) -> Void = { _ in }
    ) {
        initialConfig = config
        latestConfig = Mutex(config)
        self.ownership = ownership
        self.ledger = ledger
        self.instrumentation = instrumentation
        self.samples = samples
        self.incidents = incidents
        self.logger = logger
        self.options = options
        self.clock = clock
        self.flushEvery = flushEvery
        self.now = now
        self.onChange = onChange
        (events, continuation) = AsyncStream.makeStream(of: Event.self, bufferingPolicy: .bufferingNewest(1 << 18))
    }

    /// Swaps in a new configuration; series of rules that remain keep their state and open incidents.
    public func reload(_ config: BeaconConfig) {
        continuation.yield(.reload(config))
    }

    public var status: Status { currentStatus.withLock { $0 } }

    /// The rules whose sources this node polls.
    private func owned(_ rules: [Rule]) -> [Rule] { ownership?.owned(rules) ?? rules }

    public func run() async throws {
        let rules = owned(initialConfig.rules)
        let memory = try await DetectorMemory.load(rules: rules, incidents: incidents, samples: samples)
        let detector = LockedDetector(
            Detector(
                rules: rules, restored: memory.severities, histories: memory.histories,
                logger: logger, instrumentation: instrumentation))
        var config = initialConfig
        let committer = ChangeCommitter(ledger: ledger, logger: logger)
        let (now, continuation) = (now, continuation)
        // Extraction and evaluation run on the poller's thread as results arrive: they are cheap, synchronous and
        // touch no database, and handing every result to another thread would cost more than they do.
        let poller = try Poller(targets: detector.withLock { $0.plan.targets }, options: options) { result in
            let pending = detector.withLock { $0.handle(result, at: now()) }
            guard !pending.isEmpty else { return }
            committer.enqueue(pending)
            continuation.yield(.commit)
        }
        poller.start()
        publish(detector, poller, committer, running: true)
        logger.info(
            "monitor started",
            metadata: [
                "rules": "\(initialConfig.rules.count)", "targets": "\(detector.withLock { $0.plan.groups.count })",
            ])
        let ticker = Task { [clock, flushEvery] in
            for await _ in AsyncTimerSequence(interval: flushEvery, clock: clock) { continuation.yield(.flush) }
        }
        // Applied here, not in the loop below: that loop may be waiting on a store this node just lost, and the
        // sources it no longer owns must stop now.
        let watcher = Task { [ownership] in
            guard let changes = ownership?.changes else { return }
            for await _ in changes where self.shrink(self.latestConfig.withLock { $0 }, detector, poller) {
                continuation.yield(.ownership)
            }
        }
        for await event in events.cancelOnGracefulShutdown() {
            switch event {
            case .reload(let new):
                config = new
                latestConfig.withLock { $0 = new }
                await reload(config, detector, poller)
            case .ownership:
                // Sources gained: what another node committed for them is in the store; commit ours first, then
                // read their open incidents and history.
                await commit(committer)
                await reload(config, detector, poller)
            case .commit:
                await commit(committer)
            case .flush:
                await commit(committer)
                await writeSamples(detector)
                publish(detector, poller, committer, running: true)
            }
        }
        ticker.cancel()
        watcher.cancel()
        poller.stop()
        // The last changes and samples are stored even when the stop came as a cancellation: in a task of its own,
        // which does not inherit it (the database refuses a cancelled task's write).
        await Task { [self] in
            await commit(committer)
            await writeSamples(detector)
        }.value
        publish(detector, poller, committer, running: false)
        logger.info("monitor stopped")
    }

    /// Stops polling the sources this node no longer owns, touching no store.
    /// - Returns: whether it gains sources it does not poll yet (which need the store read first).
    private func shrink(_ config: BeaconConfig, _ detector: LockedDetector, _ poller: Poller) -> Bool {
        let rules = owned(config.rules)
        let (targets, gains) = detector.withLock { detector in
            let polled = Set(detector.plan.groups.values.flatMap(\.rules).map(\.id))
            let kept = rules.filter { polled.contains($0.id) }
            if kept.count < polled.count { detector.replace(rules: kept) }
            return (detector.plan.targets, kept.count < rules.count)
        }
        poller.update(targets)
        if !gains {
            logger.info("rules reloaded", metadata: ["rules": "\(rules.count)", "targets": "\(targets.count)"])
        }
        return gains
    }

    /// New rules (or a new share of them) to poll; the ledger reads the new chain and playbooks by itself.
    private func reload(_ config: BeaconConfig, _ detector: LockedDetector, _ poller: Poller) async {
        let rules = owned(config.rules)
        // Read before taking the detector's lock, which the poller's thread waits on: the change rules' history
        // and the incidents open now, so a source taken over from another node is neither blind nor opened again.
        var memory: DetectorMemory?
        do {
            memory = try await DetectorMemory.load(rules: rules, incidents: incidents, samples: samples)
        } catch {
            logger.error("cannot read the history of change rules", metadata: ["error": "\(error)"])
        }
        let targets = detector.withLock { detector in
            detector.replace(rules: rules, histories: memory?.histories ?? [:], restored: memory?.severities)
            return detector.plan.targets
        }
        poller.update(targets)
        logger.info("rules reloaded", metadata: ["rules": "\(rules.count)", "targets": "\(targets.count)"])
    }

    private func commit(_ committer: ChangeCommitter) async {
        await committer.commit(each: onChange)
    }

    /// Writes the samples gathered since the last flush in one transaction; a batch the database refuses is put
    /// back for the next flush.
    private func writeSamples(_ detector: LockedDetector) async {
        let batch = detector.withLock { $0.takeSamples() }
        guard !batch.isEmpty else { return }
        do {
            try await samples.append(batch)
        } catch {
            logger.error("cannot store samples; they are kept for the next write", metadata: ["error": "\(error)"])
            detector.withLock { $0.putBack(batch) }
        }
    }

    private func publish(_ detector: LockedDetector, _ poller: Poller, _ committer: ChangeCommitter, running: Bool) {
        let (targets, rules, failing) = detector.withLock { detector in
            (
                detector.plan.groups.count, detector.plan.groups.values.reduce(0) { $0 + $1.rules.count },
                // Shown on the dashboard: the URLs without their credentials.
                Dictionary(
                    detector.sourceFailures.map { (Source.redacted($0.key), $0.value) }, uniquingKeysWith: { a, _ in a }
                )
            )
        }
        let snapshot = Status(
            running: running, targets: targets, rules: rules, failingSources: failing, poller: poller.statistics,
            commitBacklog: committer.backlog)
        currentStatus.withLock { $0 = snapshot }
    }
}

extension MonitorService where C == ContinuousClock {
    /// A monitor on the system's clocks, committing through `repositories`' commands.
    public convenience init(
        config: BeaconConfig, repositories: Repositories, logger: Logger, options: Poller.Options = Poller.Options(),
        instrumentation: any Instrumentation = NoInstrumentation(), ownership: (any SourceOwnership)? = nil,
        onChange: @escaping @Sendable (IncidentChange) -> Void = { _ in }
    ) {
        self.init(
            config: config, ledger: repositories.commands, samples: repositories.samples,
            incidents: repositories.incidents,
            logger: logger, options: options, instrumentation: instrumentation, clock: ContinuousClock(),
            now: { Date() }, ownership: ownership, onChange: onChange)
    }
}

/// The detector, shared between the poller's thread (results) and the service's task (reloads, flushes).
final class LockedDetector: @unchecked Sendable {
    // `@unchecked`: the detector, a class of mutable state, is only touched inside `lock`.
    private let lock = Mutex(())
    private let detector: Detector

    init(_ detector: Detector) { self.detector = detector }

    func withLock<T>(_ body: (Detector) -> T) -> T {
        lock.withLock { _ in body(detector) }
    }
}
