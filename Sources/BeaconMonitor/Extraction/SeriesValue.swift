public import BeaconCore

/// One value of one series, as read from a source's body.
public struct SeriesValue: Sendable, Hashable {
    /// What tells the series apart: a Prometheus sample's labels, or `sku="A17"` from a json `series_label`;
    /// empty for the single series of a plain path.
    public var labels: Labels
    public var value: Double

    public init(labels: Labels = Labels(), value: Double) {
        self.labels = labels
        self.value = value
    }
}
