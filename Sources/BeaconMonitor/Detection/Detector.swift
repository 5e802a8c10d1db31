public import BeaconCore
public import Foundation
public import Logging

/// Turns poll results into incident changes to commit: extracts each rule's series and evaluates them.
///
/// It never touches the database while handling results, so it can run on the poller's thread: what it decides
/// leaves as `PendingChange`s for the `ChangeCommitter`, and its chart samples are taken by the monitor's flush.
/// Not thread-safe: the monitor guards it with a lock.
public final class Detector {
    /// A series' key: its rule and labels, as in incident fingerprints.
    typealias SeriesKey = Fingerprint

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
    private var pendingSamples: [SeriesKey: (rule: RuleID, labels: Labels, samples: [Sample])] = [:]
    /// Severities of the incidents open when the detector started, by fingerprint, to pick up where it left off.
    private var restoredSeverities: [Fingerprint: Severity]
    /// Stored samples of change rules' series not seen yet, so a restart is not blind for a whole window.
    private var storedHistories: [Fingerprint: [Sample]]
    public private(set) var sourceFailures: [String: String] = [:]

    /// One sample a minute of every series is kept for charts.
    static let chartResolution: TimeInterval = 60

    /// - Parameters:
    ///   - restored: the severity of every incident a rule has open, by fingerprint.
    ///   - histories: the stored recent samples of change rules' series (`DetectorMemory.load`).
    public init(
        rules: [Rule], restored: [Fingerprint: Severity] = [:], histories: [Fingerprint: [Sample]] = [:],
        logger: Logger, firstTargetID: Int = 0, instrumentation: any Instrumentation = NoInstrumentation()
    ) {
        self.instrumentation = instrumentation
        self.logger = logger
        restoredSeverities = restored
        storedHistories = histories
        plan = SourcePlan(rules: rules, firstID: firstTargetID)
    }

    /// Replaces the rules; series of rules that remain keep their state.
    /// - Parameters:
    ///   - histories: stored samples of the new rules' change series, for series not seen yet.
    ///   - restored: the severities of the incidents rules have open now, for series not seen yet (a source this
    ///     node took over from another picks up where that one left off).
    public func replace(
        rules: [Rule], histories: [Fingerprint: [Sample]] = [:], restored: [Fingerprint: Severity]? = nil
    ) {
        plan = SourcePlan(rules: rules, firstID: plan.nextID)
        let kept = Set(rules.map(\.id))
        series = series.filter { kept.contains(ruleID(of: $0.key)) }
        storedHistories = histories.filter { series[$0.key] == nil }
        if let restored { restoredSeverities = restored }
    }

    /// Handles one poll result.
    /// - Returns: the changes to commit, in order.
    public func handle(_ result: PollResult, at now: Date) -> [PendingChange] {
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
        var changes: [PendingChange] = []
        for (rule, observations) in observed {
            for (labels, observation) in observations {
                changes += evaluate(rule, labels, observation, at: now)
            }
        }
        return changes
    }

    /// The samples gathered since the last call, for writing outside whatever lock guards the detector.
    public func takeSamples() -> [(rule: RuleID, labels: Labels, samples: [Sample])] {
        defer { pendingSamples.removeAll(keepingCapacity: true) }
        return pendingSamples.values.map { ($0.rule, $0.labels, $0.samples) }
    }

    /// Samples a write could not store, kept for the next one (at most `maxPendingSamples` per series, newest
    /// kept, so a database that stays down cannot grow memory without bound).
    public func putBack(_ batch: [(rule: RuleID, labels: Labels, samples: [Sample])]) {
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

    private func evaluate(_ rule: Rule, _ labels: Labels, _ observation: Observation, at now: Date) -> [PendingChange] {
        let key = Fingerprint(rule: rule.id, labels: labels)
        var current =
            series[key] ?? Series(state: SeriesState(incidentSeverity: restoredSeverities.removeValue(forKey: key)))
        var baseline: Double?
        if case .change(let window, _, _) = rule.condition, case .value(let value) = observation {
            var history = current.history ?? storedHistory(key, window: window)
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
        current.state = state
        series[key] = current
        return transitions.map { PendingChange(transition: $0, rule: rule, labels: labels, at: now) }
    }

    /// The history of a change rule's series seen for the first time: what was stored of it before a restart.
    private func storedHistory(_ key: SeriesKey, window: Duration) -> SeriesHistory {
        var history = SeriesHistory(window: window)
        for sample in storedHistories.removeValue(forKey: key) ?? [] { history.record(sample.value, at: sample.at) }
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

    private func ruleID(of key: SeriesKey) -> RuleID {
        RuleID(String(key.rawValue.prefix { $0 != "{" }))
    }
}
