/// The values found at a json path, and how many places had none.
public struct JSONValues: Sendable, Hashable {
    /// One per value found, in document order.
    public var series: [SeriesValue]
    /// Places with no usable value: null, an object or a list, a string that is not a number, an absent key or
    /// index; for a `[*]` path, also items whose series label is missing. Such items are skipped, so that a
    /// fully missing metric shows as no series at all.
    public var missingCount: Int

    public init(series: [SeriesValue], missingCount: Int) {
        self.series = series
        self.missingCount = missingCount
    }
}
