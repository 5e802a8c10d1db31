import BeaconCore
import Foundation

/// The geometry of an SVG sparkline: numbers only, so the template can insert them with ordinary escaping.
struct Sparkline {
    static let width = 240.0
    static let height = 44.0
    /// More points than pixels would only make the page heavier.
    static let maxPoints = 120

    var width = Sparkline.width
    var height = Sparkline.height
    /// `x,y x,y …` for a `<polyline>`.
    var points: String
    /// Where the threshold line goes, when there is one inside the drawing.
    var thresholdY: String?
    /// What a screen reader says instead.
    var summary: String

    /// - Parameters:
    ///   - samples: oldest first.
    ///   - from: the left edge; `to` the right edge.
    ///   - threshold: a level to draw as a dashed line; the vertical range widens to show it.
    init(_ samples: [Sample], from: Date, to: Date, threshold: Double?) {
        let kept = Self.thinned(samples)
        let values = kept.map(\.value).filter(\.isFinite) + (threshold.map { [$0] } ?? [])
        var low = values.min() ?? 0
        var high = values.max() ?? 1
        if high - low < 1e-9 {
            low -= 1
            high += 1
        }
        let pad = (high - low) * 0.08
        (low, high) = (low - pad, high + pad)
        let span = max(to.timeIntervalSince(from), 1)
        let x = { (date: Date) in min(max(date.timeIntervalSince(from) / span, 0), 1) * Self.width }
        let y = { (value: Double) in Self.height - (value - low) / (high - low) * Self.height }
        points = kept.filter { $0.value.isFinite }.map { "\(Self.text(x($0.at))),\(Self.text(y($0.value)))" }
            .joined(separator: " ")
        thresholdY = threshold.map { Self.text(y($0)) }
        let range =
            samples.isEmpty
            ? ""
            : ConsoleFormat.t(
                "chart.range",
                [
                    "min": ConsoleFormat.value(samples.map(\.value).min() ?? 0),
                    "max": ConsoleFormat.value(samples.map(\.value).max() ?? 0),
                ])
        summary = ConsoleFormat.t("chart.samples", ["count": "\(samples.count)"]) + range
    }

    /// Every n-th sample, always keeping the newest.
    static func thinned(_ samples: [Sample]) -> [Sample] {
        guard samples.count > maxPoints else { return samples }
        let stride = Int((Double(samples.count) / Double(maxPoints)).rounded(.up))
        var kept = Swift.stride(from: 0, to: samples.count, by: stride).map { samples[$0] }
        if let last = samples.last, kept.last != last { kept.append(last) }
        return kept
    }

    private static func text(_ number: Double) -> String {
        String(format: "%.1f", number)
    }
}
