public import BeaconCore

/// What a detector remembers from before it started, read from the store before polling begins (never on the
/// poller's thread).
public struct DetectorMemory: Sendable {
    /// The severity of every incident a rule has open, by fingerprint.
    public var severities: [Fingerprint: Severity] = [:]
    /// The recent stored samples of every change rule's series, by fingerprint.
    public var histories: [Fingerprint: [Sample]] = [:]

    /// Reads the open incidents and the histories of `rules`' change series.
    public static func load(
        rules: [Rule], incidents: any IncidentRepository, samples: any SampleRepository
    ) async throws -> DetectorMemory {
        var memory = DetectorMemory()
        for incident in try await incidents.activeIncidents() where incident.origin == .rule {
            memory.severities[incident.fingerprint] = incident.severity
        }
        memory.histories = try await histories(rules: rules, from: samples)
        return memory
    }

    /// The stored samples of `rules`' change series: per series, those within a history's span of its newest.
    public static func histories(
        rules: [Rule], from samples: any SampleRepository
    ) async throws
        -> [Fingerprint: [Sample]]
    {
        var histories: [Fingerprint: [Sample]] = [:]
        for rule in rules {
            guard case .change(let window, _, _) = rule.condition else { continue }
            let span = SeriesHistory(window: window).span
            for (labels, stored) in try await samples.recent(rule: rule.id, span: span) {
                histories[Fingerprint(rawValue: rule.id.rawValue + labels)] = stored
            }
        }
        return histories
    }
}
