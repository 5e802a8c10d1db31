public import BeaconCore
public import BeaconStore

/// What a detector remembers from before it started, read from the store before polling begins (never on the
/// poller's thread).
public struct DetectorMemory: Sendable {
    /// The severity of every incident a rule has open, by fingerprint.
    public var severities: [Fingerprint: Severity] = [:]
    /// The recent stored samples of every change rule's series, by fingerprint.
    public var histories: [Fingerprint: [Sample]] = [:]

    /// Reads the open incidents and the histories of `rules`' change series.
    public static func load(rules: [Rule], from store: BeaconStore) throws -> DetectorMemory {
        var memory = DetectorMemory()
        for incident in try store.incidents(statuses: IncidentStatus.active, limit: 100_000)
        where incident.origin == .rule {
            memory.severities[incident.fingerprint] = incident.severity
        }
        memory.histories = try histories(rules: rules, from: store)
        return memory
    }

    /// The stored samples of `rules`' change series: per series, those within a history's span of its newest.
    public static func histories(rules: [Rule], from store: BeaconStore) throws -> [Fingerprint: [Sample]] {
        var histories: [Fingerprint: [Sample]] = [:]
        for rule in rules {
            guard case .change(let window, _, _) = rule.condition else { continue }
            let span = SeriesHistory(window: window).span
            for (labels, samples) in try store.recentSamples(rule: rule.id, span: span) {
                histories[Fingerprint(rawValue: rule.id + labels)] = samples
            }
        }
        return histories
    }
}
