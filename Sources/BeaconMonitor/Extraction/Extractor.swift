public import BeaconCore

/// Reads what a rule needs from its source's body: the one entry point the poller calls.
public enum Extractor {
    /// Reads the values, or the list, that `source` describes from `body`.
    ///
    /// Prometheus sources give every sample named `source.metric.name` whose labels its matchers select, each
    /// series named by the sample's full label set. Json sources read `source.path`, naming `[*]` series by
    /// `source.seriesLabel`. When a body repeats a series, the first value wins, as in a Prometheus scrape.
    /// A metric missing from the body yields `.values([])`, not an error: the caller decides what missing means.
    /// - Parameters:
    ///   - mode: `.items` for a `contains` condition, which reads a list of texts from a json source;
    ///     `ExtractionMode(for: rule.condition)` picks it.
    /// - Throws: ``ExtractionError`` when the body does not parse or is not shaped as the source expects (the
    ///   source failed; record ``ExtractionError/reason``), or the source's settings cannot be applied.
    public static func extract(
        _ body: some Collection<UInt8>, for source: Source, mode: ExtractionMode
    ) throws(ExtractionError) -> Extraction {
        switch (source.format, mode) {
        case (.prometheus, .values):
            guard let selector = source.metric else { throw .source("a prometheus source needs a metric") }
            let samples = try PrometheusTextParser.parse(body, metric: selector.name)
            return .values(unique(samples.lazy.filter { selector.matches($0.labels) }.map(\.seriesValue)))
        case (.prometheus, .items):
            throw .source("a contains condition reads a list of texts, which only json sources have")
        case (.json, .values):
            let valuePath = try path(source.path, "path")
            var labelPath: JSONPath?
            if let label = source.seriesLabel { labelPath = try path(label, "series_label") }
            let values = try JSONValueExtractor.values(in: body, at: valuePath, seriesLabel: labelPath)
            return .values(unique(values.series))
        case (.json, .items):
            return .items(try JSONValueExtractor.strings(in: body, at: try path(source.path, "path")))
        }
    }

    private static func path(_ text: String?, _ field: String) throws(ExtractionError) -> JSONPath {
        guard let text else { throw .source("a json source needs a \(field)") }
        do {
            return try JSONPath(parsing: text)
        } catch {
            throw .source("malformed \(field) \"\(text)\": \(error.reason)")
        }
    }

    /// The series in order, without later repeats of the same labels.
    private static func unique(_ series: some Sequence<SeriesValue>) -> [SeriesValue] {
        var seen = Set<Labels>()
        return series.filter { seen.insert($0.labels).inserted }
    }
}

extension PrometheusSample {
    fileprivate var seriesValue: SeriesValue { SeriesValue(labels: labels, value: value) }
}
