/// An HTTP endpoint polled at an interval, and how to read values from its body.
public struct Source: Sendable, Hashable {
    public var url: String
    public var format: SourceFormat
    /// Prometheus: the metric and its label matchers.
    public var metric: MetricSelector?
    /// JSON: a dotted path (`payments.success_rate`, `items[*].count`).
    public var path: String?
    /// JSON: the path of the label that names each series of a `[*]` path (`items[*].sku`).
    public var seriesLabel: String?
    public var interval: Duration
    public var timeout: Duration
    /// Extra request headers (`Authorization: Bearer ${TOKEN}`).
    public var headers: [String: String]
    /// The largest body accepted; a larger one aborts the transfer and counts as a failure.
    public var maxBytes: Int

    public static let defaultMaxBytes = 1 << 20
    /// The largest response a source may allow: a poller holds each body in memory while it reads it.
    public static let largestMaxBytes = 64 << 20

    public init(
        url: String, format: SourceFormat, metric: MetricSelector? = nil, path: String? = nil,
        seriesLabel: String? = nil, interval: Duration = .seconds(15), timeout: Duration = .seconds(3),
        headers: [String: String] = [:], maxBytes: Int = Source.defaultMaxBytes
    ) {
        self.url = url
        self.format = format
        self.metric = metric
        self.path = path
        self.seriesLabel = seriesLabel
        self.interval = interval
        self.timeout = timeout
        self.headers = headers
        self.maxBytes = maxBytes
    }
}

/// How a source's body is written.
public enum SourceFormat: String, CaseIterable, Sendable, Hashable {
    /// Prometheus text exposition format.
    case prometheus
    case json
}

/// A Prometheus metric name with optional label matchers: `http_errors{code="500",path!="/health"}`.
public struct MetricSelector: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var matchers: [LabelMatcher]

    public init(name: String, matchers: [LabelMatcher] = []) {
        self.name = name
        self.matchers = matchers
    }

    /// Whether a series with these labels is selected.
    public func matches(_ labels: Labels) -> Bool {
        matchers.allSatisfy { $0.matches(labels[$0.name] ?? "") }
    }

    public var description: String {
        matchers.isEmpty ? name : "\(name){\(matchers.map(\.description).joined(separator: ","))}"
    }
}

/// One `name="value"` or `name!="value"` matcher of a selector.
public struct LabelMatcher: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var value: String
    public var negated: Bool

    public init(name: String, value: String, negated: Bool = false) {
        self.name = name
        self.value = value
        self.negated = negated
    }

    public func matches(_ actual: String) -> Bool { (actual == value) != negated }

    public var description: String { "\(name)\(negated ? "!=" : "=")\"\(value)\"" }
}
