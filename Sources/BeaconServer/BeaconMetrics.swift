public import BeaconCore
public import BeaconStore
import CoreMetrics
import Foundation
import Prometheus
import Synchronization

/// Beacon's metrics in Prometheus format: swift-metrics instruments over a registry of its own, with no
/// process-wide bootstrap.
public final class BeaconMetrics: Instrumentation, Sendable {
    private let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory
    private let counters = Mutex<[String: CoreMetrics.Counter]>([:])
    /// Polls and failures by source URL: looked up on every poll, so by the URL alone.
    private let sourceCounters = Mutex<[String: (polls: CoreMetrics.Counter, failures: CoreMetrics.Counter)]>([:])
    private let evaluation: CoreMetrics.Timer

    public init() {
        factory = PrometheusMetricsFactory(registry: registry)
        evaluation = CoreMetrics.Timer(label: "beacon_evaluation_seconds", dimensions: [], factory: factory)
    }

    public func polled(source: String, failure: String?) {
        let (polls, failures) = sourceCounters.withLock { cache in
            if let counters = cache[source] { return counters }
            let counters = (
                polls: counter("beacon_polls_total", [("source", source)]),
                failures: counter("beacon_poll_failures_total", [("source", source)])
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
        counter("beacon_escalations_fired_total", []).increment(by: count)
    }

    /// The exposition text, with the store's current figures (open incidents, outbox depth) read now.
    public func exposition(store: BeaconStore) -> String {
        let open = (try? store.incidents(statuses: IncidentStatus.active, limit: 100_000)) ?? []
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
        .set(Double((try? store.outboxDepth()) ?? 0))
        return registry.emitToString()
    }

    private func counter(_ label: String, _ dimensions: [(String, String)]) -> CoreMetrics.Counter {
        let key = ([label] + dimensions.map { "\($0.0)=\($0.1)" }).joined(separator: "\u{1}")
        return counters.withLock { cache in
            if let counter = cache[key] { return counter }
            let counter = CoreMetrics.Counter(label: label, dimensions: dimensions, factory: factory)
            cache[key] = counter
            return counter
        }
    }
}
