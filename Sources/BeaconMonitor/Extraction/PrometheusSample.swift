public import BeaconCore

/// One sample of a Prometheus text exposition: `http_requests_total{code="500"} 1027 1395066363000`.
public struct PrometheusSample: Sendable, Hashable {
    /// The metric name (`http_requests_total`).
    public var name: String
    /// The sample's labels; with the name, they identify its series.
    public var labels: Labels
    /// The value; `NaN` and `±Inf` are kept as such.
    public var value: Double
    /// Milliseconds since the Unix epoch, when the exposition gives one.
    public var timestamp: Int64?

    public init(name: String, labels: Labels = Labels(), value: Double, timestamp: Int64? = nil) {
        self.name = name
        self.labels = labels
        self.value = value
        self.timestamp = timestamp
    }
}
