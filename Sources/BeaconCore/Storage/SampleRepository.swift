public import Foundation

/// One observed value of one series.
public struct Sample: Sendable, Hashable {
    public var at: Date
    public var value: Double

    public init(at: Date, value: Double) {
        self.at = at
        self.value = value
    }
}

/// New samples of one series: its rule and labels, and the values.
public typealias SeriesBatch = (rule: RuleID, labels: Labels, samples: [Sample])

/// Where the monitor keeps series values: one a minute for charts, and the history change rules compare with.
public protocol SampleRepository: Sendable {
    /// Appends samples of many series in one transaction, creating each series on first use; a sample at an
    /// instant already stored replaces it.
    func append(_ batches: [SeriesBatch]) async throws

    /// The samples of every series of `rule` within `span` seconds of that series' newest, oldest first, by the
    /// series' labels as text (`{region="east"}`, the form fingerprints use).
    func recent(rule: RuleID, span: Double) async throws -> [String: [Sample]]
}
