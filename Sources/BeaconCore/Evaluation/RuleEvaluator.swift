public import Foundation

/// Evaluates one observation of one series against its rule: state in, state and transitions out.
///
/// Pure and synchronous: time is a parameter, nothing is read or written.
public enum RuleEvaluator {
    /// - Parameters:
    ///   - rule: the rule the series belongs to.
    ///   - state: what is remembered about the series.
    ///   - observation: what the latest poll said.
    ///   - baseline: for `change` rules, the value one window earlier.
    ///   - now: the time of the observation.
    /// - Returns: the new state and the transitions for the ledger to commit.
    public static func evaluate(
        _ rule: Rule, _ state: SeriesState, _ observation: Observation, baseline: Double? = nil, at now: Date
    ) -> (SeriesState, [Transition]) {
        var state = state
        let transitions: [Transition]
        if let breach = rule.condition.breach(observation, baseline: baseline) {
            transitions = breaching(rule, &state, breach, at: now)
        } else if rule.condition.isHealthy(observation, baseline: baseline) {
            transitions = healthy(rule, &state, observation, at: now)
        } else {
            transitions = []
        }
        return (state, transitions)
    }

    private static func breaching(
        _ rule: Rule, _ state: inout SeriesState, _ breach: Breach, at now: Date
    )
        -> [Transition]
    {
        state.healthySince = nil
        let previous = state.observedSeverity
        state.observedSeverity = breach.severity
        guard let current = state.incidentSeverity else {
            let since = state.breachSince ?? now
            state.breachSince = since
            guard now.timeIntervalSince(since) >= rule.forDuration.seconds else { return [] }
            state.incidentSeverity = breach.severity
            state.peakValue = breach.reading.value
            return [.open(breach, since: since)]
        }
        if breach.severity > current {
            state.incidentSeverity = breach.severity
            state.peakValue = breach.reading.value
            return [.raise(from: current, to: breach)]
        }
        var transitions: [Transition] = []
        if breach.severity < current, previous != breach.severity {
            transitions.append(.ease(severity: current, observed: breach))
        }
        if let value = breach.reading.value, isWorse(value, than: state.peakValue, rule.condition) {
            state.peakValue = value
            transitions.append(.peak(breach))
        }
        return transitions
    }

    private static func healthy(
        _ rule: Rule, _ state: inout SeriesState, _ observation: Observation, at now: Date
    )
        -> [Transition]
    {
        state.breachSince = nil
        let wasBreaching = state.observedSeverity != nil
        state.observedSeverity = nil
        guard let current = state.incidentSeverity else { return [] }
        let since = state.healthySince ?? now
        state.healthySince = since
        let healthyFor = now.timeIntervalSince(since)
        if healthyFor >= rule.resolveAfter.seconds {
            state = SeriesState()
            return [.resolve(healthyFor: .seconds(healthyFor.rounded()))]
        }
        guard wasBreaching else { return [] }
        return [.recovering(severity: current, reading: describe(observation))]
    }

    /// Whether `value` is further into breach than `peak` for this condition.
    private static func isWorse(_ value: Double, than peak: Double?, _ condition: Condition) -> Bool {
        guard let peak else { return true }
        switch condition {
        case .threshold(let op, _), .change(_, let op, _): return op.worseIsLarger ? value > peak : value < peak
        case .contains: return value < peak
        case .absent: return false
        }
    }

    private static func describe(_ observation: Observation) -> String {
        switch observation {
        case .value(let value): value.formatted(maxFractionDigits: 4)
        case .items: "no watched keyword in the list"
        case .missing(let reason): reason
        }
    }
}
