public import Foundation

/// Recent values of one series, kept compactly for `change` rules: at most one sample per `resolution`,
/// and only as far back as `span`.
public struct SeriesHistory: Sendable, Hashable {
    public private(set) var samples: [(at: Date, value: Double)] = []
    public let resolution: TimeInterval
    public let span: TimeInterval

    /// A history for comparing with one `window` earlier: 120 samples a window, kept for 1.25 windows.
    public init(window: Duration) {
        resolution = max(window.seconds / 120, 0.001)
        span = window.seconds * 1.25
    }

    /// Adds a value; within `resolution` of the newest sample it replaces it instead.
    /// - Returns: whether a new sample was kept (and is worth persisting).
    @discardableResult
    public mutating func record(_ value: Double, at time: Date) -> Bool {
        guard value.isFinite else { return false }
        if let last = samples.last, time.timeIntervalSince(last.at) < resolution {
            return false
        }
        samples.append((time, value))
        let cutoff = time.addingTimeInterval(-span)
        if let firstKept = samples.firstIndex(where: { $0.at >= cutoff }), firstKept > 0 {
            samples.removeFirst(firstKept)
        }
        return true
    }

    /// The value at `time`: the newest sample at or before it, if history reaches back that far.
    public func value(at time: Date) -> Double? {
        guard let first = samples.first, first.at <= time.addingTimeInterval(resolution) else { return nil }
        var low = 0
        var high = samples.count
        while low < high {
            let middle = (low + high) / 2
            if samples[middle].at <= time { low = middle + 1 } else { high = middle }
        }
        return samples[max(low - 1, 0)].value
    }

    public static func == (lhs: SeriesHistory, rhs: SeriesHistory) -> Bool {
        lhs.resolution == rhs.resolution && lhs.span == rhs.span
            && lhs.samples.elementsEqual(rhs.samples) { $0.at == $1.at && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(samples.count)
        hasher.combine(samples.last?.at)
    }
}
