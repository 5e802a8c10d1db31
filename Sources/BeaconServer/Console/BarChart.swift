import Foundation

/// The geometry of a horizontal SVG bar chart: a label, a bar of one or more stacked parts, and a value per row.
///
/// Numbers and plain text only, so the template inserts everything with ordinary escaping; colours come from
/// the console stylesheet through each part's class.
struct BarChart {
    static let width = 420.0
    static let labelWidth = 100.0
    static let valueWidth = 190.0
    static let rowHeight = 26.0
    static let barHeight = 16.0

    /// One row as the caller describes it: a label, the parts of its bar, and the text after the bar.
    struct Bar {
        var label: String
        /// Stacked left to right: a CSS class (`sev1`, `met`, …) and an amount in the chart's unit.
        var parts: [(kind: String, amount: Double)]
        var value: String
    }

    /// One part of a bar, placed.
    struct Segment {
        var kind: String
        var x: String
        var y: String
        var width: String
        var height: String
    }

    /// One bar, placed.
    struct Row {
        var label: String
        var value: String
        var textY: String
        var valueX: String
        var segments: [Segment]
    }

    /// Used in element ids: `chart-{{id}}`.
    var id: String
    var title: String
    /// What a screen reader says: every row's label and value.
    var summary: String
    var width = Self.text(BarChart.width)
    var height: String
    var rows: [Row]

    init(id: String, title: String, bars: [Bar]) {
        self.id = id
        self.title = title
        summary =
            bars.isEmpty
            ? ConsoleFormat.t("chart.no_data") : bars.map { "\($0.label) \($0.value)" }.joined(separator: ", ")
        height = Self.text(Double(bars.count) * Self.rowHeight + 4)
        let largest = bars.map { $0.parts.map(\.amount).reduce(0, +) }.max() ?? 0
        let area = Self.width - Self.labelWidth - Self.valueWidth
        let scale = largest > 0 ? area / largest : 0
        rows = bars.enumerated().map { index, bar in
            let top = Double(index) * Self.rowHeight + 4
            var x = Self.labelWidth
            var segments: [Segment] = []
            for part in bar.parts where part.amount > 0 {
                let width = max(part.amount * scale, 1)
                segments.append(
                    Segment(
                        kind: part.kind, x: Self.text(x), y: Self.text(top), width: Self.text(width),
                        height: Self.text(Self.barHeight)))
                x += width
            }
            return Row(
                label: bar.label, value: bar.value, textY: Self.text(top + Self.barHeight - 3),
                valueX: Self.text(Self.labelWidth + area + 8), segments: segments)
        }
    }

    private static func text(_ number: Double) -> String { String(format: "%.1f", number) }
}
