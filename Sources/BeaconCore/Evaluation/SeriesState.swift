public import Foundation

/// What the evaluator remembers about one series between observations.
public struct SeriesState: Sendable, Hashable {
    /// When the current breach began; `nil` while healthy.
    public var breachSince: Date?
    /// When the series turned healthy while its incident is open; `nil` otherwise.
    public var healthySince: Date?
    /// The severity of the open incident, or `nil` when none is open.
    public var incidentSeverity: Severity?
    /// The severity the last observation met (`nil` when healthy), to note changes once.
    public var observedSeverity: Severity?
    /// The worst reading value seen while the incident is open, to update its peak.
    public var peakValue: Double?

    public init(incidentSeverity: Severity? = nil) {
        self.incidentSeverity = incidentSeverity
        observedSeverity = incidentSeverity
    }

    public var isFiring: Bool { incidentSeverity != nil }
}

/// A change the evaluator asks the incident ledger to commit.
public enum Transition: Sendable, Hashable {
    /// A breach held for `for`: open an incident. `since` is when the breach began.
    case open(Breach, since: Date)
    /// A worse value: raise the open incident's severity.
    case raise(from: Severity, to: Breach)
    /// A better value that still breaches: keep the severity, note it on the timeline.
    case ease(severity: Severity, observed: Breach)
    /// Healthy again; resolves after `resolve_after` unless it breaches again.
    case recovering(severity: Severity, reading: String)
    /// A new worst value within the same severity: update the incident's peak.
    case peak(Breach)
    /// Healthy for `resolve_after`: resolve the incident.
    case resolve(healthyFor: Duration)
}
