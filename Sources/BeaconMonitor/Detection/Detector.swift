public import BeaconCore
public import BeaconStore
public import Foundation
public import Logging

/// Turns poll results into incident changes: extracts each rule's series, evaluates them, commits transitions.
///
/// Not thread-safe: one task owns it (the monitor service's loop).
public final class Detector {
    /// A series' key: its rule and labels, as in incident fingerprints.
    typealias SeriesKey = Fingerprint

    private let store: BeaconStore
    private var ledger: IncidentLedger
    private let logger: Logger
    private let instrumentation: any Instrumentation
    public private(set) var plan: SourcePlan
    /// What the detector keeps of one series between polls.
    private struct Series {
        var state: SeriesState
        /// A change rule's recent values.
        var history: SeriesHistory?
        var lastChartSample: Date?
    }

    /// Every series seen, looked up once per poll.
    private var series: [SeriesKey: Series] = [:]
    private var pendingSamples: [SeriesKey: (rule: String, labels: Labels, samples: [Sample])] = [:]
    /// Severities of the incidents open when the detector started, by fingerprint, to pick up where it left off.
    private var restoredSeverities: [Fingerprint: Severity] = [:]
    public private(set) var sourceFailures: [String: String] = [:]

    /// One sample a minute of every series is kept for charts.
    static let chartResolution: TimeInterval = 60

    /// - Parameter planner: runs playbooks and pages the chain for the incidents opened; `nil` only records them.
    public init(
        rules: [Rule], store: BeaconStore, logger: Logger, planner: CommandPlanner? = nil, firstTargetID: Int = 0,
        instrumentation: any Instrumentation = NoInstrumentation()
    ) throws {
        self.instrumentation = instrumentation
        self.store = store
        ledger = IncidentLedger(store, planner: planner)
        self.logger = logger
        plan = SourcePlan(rules: rules, firstID: firstTargetID)
        for incident in try store.incidents(statuses: IncidentStatus.active, limit: 100_000)
        where incident.origin == .rule {
            restoredSeverities[incident.fingerprint] = incident.severity
        }
    }

    /// Replaces the rules (and the chain and playbooks the planner uses); series of rules that remain keep their
    /// state.
    public func replace(rules: [Rule], planner: CommandPlanner? = nil) {
        ledger = IncidentLedger(store, planner: planner)
        plan = SourcePlan(rules: rules, firstID: plan.nextID)
        let kept = Set(rules.map(\.id))
        series = series.filter { kept.contains(ruleID(of: $0.key)) }
    }

    /// Handles one poll result.
    /// - Returns: the incident changes committed.
    public func handle(_ result: PollResult, at now: Date) -> [IncidentChange] {
        guard let group = plan.groups[result.target] else { return [] }
        let started = ContinuousClock.now
        defer { instrumentation.evaluated(seconds: (ContinuousClock.now - started).seconds) }
        var observed: [(rule: Rule, observations: [(Labels, Observation)])] = []
        var failure: String?
        if case .failure(let reason) = result.outcome { failure = reason }
        for (rule, extractor) in zip(group.rules, group.extractors) {
            let (observations, extractionFailure) = observations(rule, extractor, result.outcome)
            failure = failure ?? extractionFailure
            observed.append((rule, observations))
        }
        // A body that cannot be read is a failed poll, counted and logged once, like a transfer that failed.
        instrumentation.polled(source: group.target.url, failure: failure)
        noteSourceHealth(group.target.url, failure: failure)
        var changes: [IncidentChange] = []
        for (rule, observations) in observed {
            for (labels, observation) in observations {
                changes += evaluate(rule, labels, observation, at: now)
            }
        }
        return changes
    }

    /// Writes the samples gathered since the last flush, in one transaction.
    public func flushSamples() {
        let batch = takeSamples()
        if !Self.write(batch, to: store, logger: logger) { putBack(batch) }
    }

    /// The samples gathered since the last call, for writing outside whatever lock guards the detector.
    public func takeSamples() -> [(rule: String, labels: Labels, samples: [Sample])] {
        defer { pendingSamples.removeAll(keepingCapacity: true) }
        return pendingSamples.values.map { ($0.rule, $0.labels, $0.samples) }
    }

    /// Writes samples taken with `takeSamples()`, in one transaction.
    /// - Returns: whether the batch was written; a batch that was not is the caller's to hand back with
    ///   `putBack(_:)`.
    @discardableResult
    public static func write(
        _ batch: [(rule: String, labels: Labels, samples: [Sample])], to store: BeaconStore, logger: Logger
    ) -> Bool {
        guard !batch.isEmpty else { return true }
        do {
            try store.append(batch)
            return true
        } catch {
            logger.error("cannot store samples; they are kept for the next write", metadata: ["error": "\(error)"])
            return false
        }
    }

    /// Samples a write could not store, kept for the next one (at most `maxPendingSamples` per series, newest
    /// kept, so a database that stays down cannot grow memory without bound).
    public func putBack(_ batch: [(rule: String, labels: Labels, samples: [Sample])]) {
        for item in batch {
            let key = Fingerprint(rule: item.rule, labels: item.labels)
            var merged = item.samples + (pendingSamples[key]?.samples ?? [])
            if merged.count > Self.maxPendingSamples { merged.removeFirst(merged.count - Self.maxPendingSamples) }
            pendingSamples[key] = (item.rule, item.labels, merged)
        }
    }

    static let maxPendingSamples = 1_440

    /// What one rule observes in a poll's outcome, and why its body could not be read if it could not.
    private func observations(
        _ rule: Rule, _ extractor: Extractor, _ outcome: PollResult.Outcome
    ) -> ([(Labels, Observation)], failure: String?) {
        let body: [UInt8]
        switch outcome {
        case .failure(let reason):
            return (rule.condition.kind == .absent ? [(Labels(), .missing(reason: reason))] : [], nil)
        case .body(let bytes):
            body = bytes
        }
        do {
            return (try observations(rule, extractor.extract(body)), nil)
        } catch {
            return (rule.condition.kind == .absent ? [(Labels(), .missing(reason: error.reason))] : [], error.reason)
        }
    }

    private func observations(_ rule: Rule, _ extraction: Extraction) -> [(Labels, Observation)] {
        switch extraction {
        case .items(let items):
            return [(Labels(), .items(items))]
        case .values(let values) where rule.condition.kind == .absent:
            let what = rule.source.metric?.description ?? rule.source.path ?? "the value"
            return [
                (
                    Labels(),
                    values.isEmpty
                        ? .missing(reason: "\(what) is missing from the response") : .value(values[0].value)
                )
            ]
        case .values(let values):
            return values.map { ($0.labels, .value($0.value)) }
        }
    }

    private func evaluate(_ rule: Rule, _ labels: Labels, _ observation: Observation, at now: Date) -> [IncidentChange]
    {
        let key = Fingerprint(rule: rule.id, labels: labels)
        var current =
            series[key] ?? Series(state: SeriesState(incidentSeverity: restoredSeverities.removeValue(forKey: key)))
        var baseline: Double?
        if case .change(let window, _, _) = rule.condition, case .value(let value) = observation {
            var history = current.history ?? loadHistory(rule, labels, window: window, at: now)
            baseline = history.value(at: now.addingTimeInterval(-window.seconds))
            if history.record(value, at: now) { enqueue(key, rule, labels, Sample(at: now, value: value)) }
            current.history = history
        } else if case .value(let value) = observation, value.isFinite,
            now.timeIntervalSince(current.lastChartSample ?? .distantPast) >= Self.chartResolution
        {
            current.lastChartSample = now
            enqueue(key, rule, labels, Sample(at: now, value: value))
        }
        let (state, transitions) = RuleEvaluator.evaluate(
            rule, current.state, observation, baseline: baseline, at: now)
        var committed: [IncidentChange] = []
        for transition in transitions {
            do {
                if let change = try ledger.apply(transition, rule: rule, labels: labels, at: now) {
                    committed.append(change)
                }
            } catch {
                // The series keeps the state it had, so the next poll reaches the same transition and commits it
                // then: a busy or failing database delays an incident, it never loses one.
                logger.error(
                    "cannot commit an incident change; it is tried again on the next poll",
                    metadata: ["rule": "\(rule.id)", "series": "\(labels)", "error": "\(error)"])
                series[key] = current
                return committed
            }
        }
        current.state = state
        series[key] = current
        return committed
    }

    /// The stored history of a change rule's series, so a restart does not blind it for a whole window.
    private func loadHistory(_ rule: Rule, _ labels: Labels, window: Duration, at now: Date) -> SeriesHistory {
        var history = SeriesHistory(window: window)
        let from = now.addingTimeInterval(-history.span)
        let stored = (try? store.samples(rule: rule.id, labels: labels, from: from, to: now)) ?? []
        for sample in stored { history.record(sample.value, at: sample.at) }
        return history
    }

    private func enqueue(_ key: SeriesKey, _ rule: Rule, _ labels: Labels, _ sample: Sample) {
        pendingSamples[key, default: (rule.id, labels, [])].samples.append(sample)
    }

    private func noteSourceHealth(_ url: String, failure: String?) {
        if let failure {
            if sourceFailures[url] == nil {
                logger.warning(
                    "source failing", metadata: ["source.url": "\(Source.redacted(url))", "reason": "\(failure)"])
            }
            sourceFailures[url] = failure
        } else if !sourceFailures.isEmpty, sourceFailures.removeValue(forKey: url) != nil {
            // Checked for emptiness first: hashing the URL on every healthy poll costs more than the rest of this.
            logger.info("source recovered", metadata: ["source.url": "\(Source.redacted(url))"])
        }
    }

    private func ruleID(of key: SeriesKey) -> String {
        String(key.rawValue.prefix { $0 != "{" })
    }
}
