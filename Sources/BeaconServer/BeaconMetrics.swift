public import BeaconCore
import Foundation
import Prometheus
import Synchronization

/// Beacon's metrics in Prometheus format, on a registry of its own (no process-wide bootstrap). Every family
/// has a `# HELP` line, and no label carries a secret: sources are named by their URL without credentials or
/// query, channels by their id.
public final class BeaconMetrics: Instrumentation, Sendable {
    private let registry = PrometheusCollectorRegistry()
    private let counters = Mutex<[String: Prometheus.Counter]>([:])
    /// This node's figures: the sources it polls and the nodes alive with it (itself included), read at every
    /// scrape; set once the monitor and the cluster membership exist.
    private let nodeFigures = Mutex<(@Sendable () -> (sources: Int, nodes: Int))?>(nil)

    /// Tells the metrics where to read this node's figures.
    public func readNodeFigures(_ read: @escaping @Sendable () -> (sources: Int, nodes: Int)) {
        nodeFigures.withLock { $0 = read }
    }
    /// Polls and failures by source URL: looked up on every poll, so by the URL alone.
    private let sourceCounters = Mutex<[String: (polls: Prometheus.Counter, failures: Prometheus.Counter)]>([:])
    private let evaluation: DurationHistogram

    /// The help text of every counter family.
    private static let help: [String: String] = [
        "beacon_polls_total": "Polls of a source, finished or failed",
        "beacon_poll_failures_total": "Polls of a source that failed: no answer, an error status or an unreadable body",
        "beacon_notifications_sent_total": "Notification attempts delivered, by channel",
        "beacon_notifications_failed_total": "Notification attempts that failed, by channel",
        "beacon_escalations_fired_total": "Deadlines that fired, escalating or reminding",
    ]

    /// The configured channel ids, read at every scrape (they change on reload).
    private let channelIDs: @Sendable () -> [String]

    public init(channelIDs: @escaping @Sendable () -> [String] = { [] }) {
        self.channelIDs = channelIDs
        evaluation = registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(
                metricName: "beacon_evaluation_seconds", unitName: "",
                helpText: "Time to evaluate one poll result against its rules and commit what changed"),
            buckets: [.microseconds(100), .milliseconds(1), .milliseconds(10), .milliseconds(100), .seconds(1)])
    }

    public func polled(source: String, failure: String?) {
        let (polls, failures) = sourceCounters.withLock { cache in
            if let counters = cache[source] { return counters }
            let label = [("source", Source.redacted(source))]
            let counters = (
                polls: counter("beacon_polls_total", label), failures: counter("beacon_poll_failures_total", label)
            )
            cache[source] = counters
            return counters
        }
        polls.increment()
        if failure != nil { failures.increment() }
    }

    public func evaluated(seconds: Double) {
        evaluation.recordNanoseconds(Int64(seconds * 1e9))
    }

    public func notified(channel: String, delivered: Bool) {
        let name = delivered ? "beacon_notifications_sent_total" : "beacon_notifications_failed_total"
        counter(name, [("channel", channel)]).increment()
    }

    public func deadlinesFired(_ count: Int) {
        counter("beacon_escalations_fired_total", []).increment(by: Int64(count))
    }

    /// The exposition text, with the store's current figures (open incidents, outbox depth) read now.
    public func exposition(incidents: any IncidentRepository, outbox: any OutboxFigures) async -> String {
        let open = (try? await incidents.activeIncidents()) ?? []
        for severity in Severity.allCases {
            registry.makeGauge(
                descriptor: MetricNameDescriptor(
                    namespace: "beacon", metricName: "incidents", unitName: "open",
                    helpText: "Open incidents by severity"),
                labels: [("severity", severity.rawValue)]
            )
            .set(Double(open.filter { $0.severity == severity }.count))
        }
        registry.makeGauge(
            descriptor: MetricNameDescriptor(
                namespace: "beacon", metricName: "outbox", unitName: "depth",
                helpText: "Notifications waiting to be sent")
        )
        .set(Double((try? await outbox.depth()) ?? 0))
        if let figures = nodeFigures.withLock({ $0 })?() {
            registry.makeGauge(
                descriptor: MetricNameDescriptor(
                    namespace: "beacon", metricName: "sources", unitName: "polled",
                    helpText: "Sources this node polls (its share when several nodes share a PostgreSQL store)")
            )
            .set(Double(figures.sources))
            registry.makeGauge(
                descriptor: MetricNameDescriptor(
                    namespace: "beacon", metricName: "cluster", unitName: "nodes",
                    helpText: "Nodes alive, this one included (0 while this node cannot reach its store)")
            )
            .set(Double(figures.nodes))
        }
        let byChannel = (try? await outbox.depthByChannel()) ?? [:]
        // Every configured channel appears, at zero when it holds nothing back, so a series never goes stale.
        for channel in Set(byChannel.keys).union(channelIDs()) {
            registry.makeGauge(
                descriptor: MetricNameDescriptor(
                    namespace: "beacon", metricName: "outbox_channel", unitName: "depth",
                    helpText: "Notifications waiting to be sent, by channel (rate limits hold them back here)"),
                labels: [("channel", channel)]
            )
            .set(Double(byChannel[channel] ?? 0))
        }
        return registry.emitToString()
    }

    private func counter(_ name: String, _ labels: [(String, String)]) -> Prometheus.Counter {
        let key = ([name] + labels.map { "\($0.0)=\($0.1)" }).joined(separator: "\u{1}")
        return counters.withLock { cache in
            if let counter = cache[key] { return counter }
            let counter = registry.makeCounter(
                descriptor: MetricNameDescriptor(metricName: name, unitName: "", helpText: Self.help[name] ?? name),
                labels: labels)
            cache[key] = counter
            return counter
        }
    }
}
