public import BeaconCore
public import BeaconStore
public import Foundation
public import Logging
public import ServiceLifecycle
import Synchronization

/// Polls every rule's source, evaluates each series and commits incident changes, until graceful shutdown.
public final class MonitorService: Service, Sendable {
    private enum Event: Sendable {
        case reload(BeaconConfig)
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
    }

    private let initialConfig: BeaconConfig
    private let plansCommand: Bool
    private let instrumentation: any Instrumentation
    private let store: BeaconStore
    private let logger: Logger
    private let options: Poller.Options
    private let now: @Sendable () -> Date
    private let onChange: @Sendable (IncidentChange) -> Void
    private let events: AsyncStream<Event>
    private let continuation: AsyncStream<Event>.Continuation
    private let currentStatus = Mutex(Status())

    /// - Parameters:
    ///   - config: the rules to poll, and the chain and playbooks the incidents they open set in motion.
    ///   - plansCommand: whether opened incidents run playbooks and page the chain (off to only record them).
    ///   - now: the wall clock that timestamps observations and incidents.
    ///   - onChange: told of every committed incident change (the demo prints them), on the service's task.
    public init(
        config: BeaconConfig, store: BeaconStore, logger: Logger, plansCommand: Bool = true,
        options: Poller.Options = Poller.Options(), instrumentation: any Instrumentation = NoInstrumentation(),
        now: @escaping @Sendable () -> Date = { Date() },
        onChange: @escaping @Sendable (IncidentChange) -> Void = { _ in }
    ) {
        initialConfig = config
        self.plansCommand = plansCommand
        self.instrumentation = instrumentation
        self.store = store
        self.logger = logger
        self.options = options
        self.now = now
        self.onChange = onChange
        (events, continuation) = AsyncStream.makeStream(of: Event.self, bufferingPolicy: .bufferingNewest(1 << 18))
    }

    /// Swaps in a new configuration; series of rules that remain keep their state and open incidents.
    public func reload(_ config: BeaconConfig) {
        continuation.yield(.reload(config))
    }

    private func planner(_ config: BeaconConfig) -> CommandPlanner? {
        plansCommand ? CommandPlanner(config: config) : nil
    }

    public var status: Status { currentStatus.withLock { $0 } }

    public func run() async throws {
        // Results are evaluated on the poller's thread as they arrive: evaluation is cheap and synchronous, and
        // handing every result to another thread would cost more than the evaluation itself.
        let detector = LockedDetector(
            try Detector(
                rules: initialConfig.rules, store: store, logger: logger, planner: planner(initialConfig),
                instrumentation: instrumentation))
        let (now, onChange) = (now, onChange)
        let poller = try Poller(targets: detector.withLock { $0.plan.targets }, options: options) { result in
            for change in detector.withLock({ $0.handle(result, at: now()) }) { onChange(change) }
        }
        poller.start()
        publish(detector, poller, running: true)
        logger.info(
            "monitor started",
            metadata: [
                "rules": "\(initialConfig.rules.count)", "targets": "\(detector.withLock { $0.plan.groups.count })",
            ])
        let continuation = continuation
        let ticker = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                continuation.yield(.flush)
            }
        }
        for await event in events.cancelOnGracefulShutdown() {
            switch event {
            case .reload(let config):
                let targets = detector.withLock { detector in
                    detector.replace(rules: config.rules, planner: planner(config))
                    return detector.plan.targets
                }
                poller.update(targets)
                logger.info(
                    "rules reloaded", metadata: ["rules": "\(config.rules.count)", "targets": "\(targets.count)"])
            case .flush:
                let batch = detector.withLock { $0.takeSamples() }
                if !Detector.write(batch, to: store, logger: logger) { detector.withLock { $0.putBack(batch) } }
                publish(detector, poller, running: true)
            }
        }
        ticker.cancel()
        poller.stop()
        Detector.write(detector.withLock { $0.takeSamples() }, to: store, logger: logger)
        publish(detector, poller, running: false)
        logger.info("monitor stopped")
    }

    private func publish(_ detector: LockedDetector, _ poller: Poller, running: Bool) {
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
            running: running, targets: targets, rules: rules, failingSources: failing, poller: poller.statistics)
        currentStatus.withLock { $0 = snapshot }
    }
}

/// The detector, shared between the poller's thread (results) and the service's task (reloads, flushes).
final class LockedDetector: @unchecked Sendable {
    private let lock = NSLock()
    private let detector: Detector

    init(_ detector: Detector) { self.detector = detector }

    func withLock<T>(_ body: (Detector) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(detector)
    }
}
