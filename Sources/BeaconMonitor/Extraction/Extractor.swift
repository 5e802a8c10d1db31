public import BeaconCore

/// Reads what a rule needs from its source's body: the one entry point the poller's results go through.
///
/// Built once per rule, so the path and selector are read once and not on every poll. Prometheus sources give
/// every sample named `source.metric.name` whose labels its matchers select, each series named by the sample's full
/// label set. Json sources read `source.path`, naming `[*]` series by `source.seriesLabel`. When a body repeats a
/// series, the first value wins, as in a Prometheus scrape. A metric missing from the body yields `.values([])`,
/// not an error: the caller decides what missing means.
public struct Extractor: Sendable {
    private enum Plan: Sendable {
        case prometheus(MetricSelector)
        case jsonValues(JSONValueExtractor.ValuePlan)
        case jsonItems(SplitPath)
        /// Settings that cannot be applied; every extraction fails with this.
        case invalid(ExtractionError)
    }

    private let plan: Plan

    /// - Parameters:
    ///   - mode: `.items` for a `contains` condition, which reads a list of texts from a json source;
    ///     `ExtractionMode(for: rule.condition)` picks it.
    public init(source: Source, mode: ExtractionMode) {
        do throws(ExtractionError) {
            plan = try Self.plan(source, mode)
        } catch {
            plan = .invalid(error)
        }
    }

    /// Reads the values, or the list, the source describes from `body`.
    /// - Throws: ``ExtractionError`` when the body does not parse or is not shaped as the source expects (the
    ///   source failed; record ``ExtractionError/reason``), or the source's settings cannot be applied.
    public func extract(_ body: some Collection<UInt8>) throws(ExtractionError) -> Extraction {
        switch plan {
        case .prometheus(let selector):
            let samples = try PrometheusTextParser.parse(body, metric: selector.name)
            return .values(Self.unique(samples.filter { selector.matches($0.labels) }.map(\.seriesValue)))
        case .jsonValues(let plan):
            return .values(Self.unique(try plan.values(in: body).series))
        case .jsonItems(let split):
            return .items(try JSONValueExtractor.strings(in: body, along: split))
        case .invalid(let error):
            throw error
        }
    }

    /// Reads what `source` describes from `body` once; a rule polled again and again keeps an `Extractor`.
    public static func extract(
        _ body: some Collection<UInt8>, for source: Source, mode: ExtractionMode
    ) throws(ExtractionError) -> Extraction {
        try Extractor(source: source, mode: mode).extract(body)
    }

    private static func plan(_ source: Source, _ mode: ExtractionMode) throws(ExtractionError) -> Plan {
        switch (source.format, mode) {
        case (.prometheus, .values):
            guard let selector = source.metric else { throw .source("a prometheus source needs a metric") }
            return .prometheus(selector)
        case (.prometheus, .items):
            throw .source("a contains condition reads a list of texts, which only json sources have")
        case (.json, .values):
            let valuePath = try path(source.path, "path")
            let labelPath = try source.seriesLabel.map { (label) throws(ExtractionError) in
                try path(label, "series_label")
            }
            return .jsonValues(try JSONValueExtractor.ValuePlan(path: valuePath, seriesLabel: labelPath))
        case (.json, .items):
            return .jsonItems(try SplitPath(try path(source.path, "path")))
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
    private static func unique(_ series: [SeriesValue]) -> [SeriesValue] {
        guard series.count > 1 else { return series }
        var seen = Set<Labels>()
        return series.filter { seen.insert($0.labels).inserted }
    }
}

extension PrometheusSample {
    fileprivate var seriesValue: SeriesValue { SeriesValue(labels: labels, value: value) }
}
