import BeaconCore
import Testing

@testable import BeaconMonitor

/// The poller's entry point: a source and a body in, what the rule needs out.
struct ExtractorTests {
    static let exposition = """
        # HELP http_errors_total Errors served.
        # TYPE http_errors_total counter
        http_errors_total{code="500",path="/pay"} 7
        http_errors_total{code="502",path="/pay"} 2
        http_errors_total{code="500",path="/health"} 40
        http_errors_total{path="/cart"} 1
        http_errors_total{code="500",path="/pay"} 99
        http_errors_totally 5
        """

    func prometheus(_ selector: String) throws -> Source {
        Source(
            url: "http://127.0.0.1:9100/metrics", format: .prometheus, metric: try MetricSelectorParser.parse(selector))
    }

    func json(_ path: String, label: String? = nil) -> Source {
        Source(url: "http://127.0.0.1:9100/stats", format: .json, path: path, seriesLabel: label)
    }

    func extract(
        _ body: String, _ source: Source, _ mode: ExtractionMode = .values
    ) throws(ExtractionError) -> Extraction {
        try Extractor.extract(Array(body.utf8), for: source, mode: mode)
    }

    @Test func prometheusSelectsByNameAndMatchersWithFullLabelsPerSeries() throws {
        let result = try extract(Self.exposition, prometheus(#"http_errors_total{code="500",path!="/health"}"#))
        #expect(result == .values([SeriesValue(labels: Labels(["code": "500", "path": "/pay"]), value: 7)]))
    }

    @Test func prometheusNameAloneSelectsEverySeriesAndTheFirstOfARepeatWins() throws {
        let result = try extract(Self.exposition, prometheus("http_errors_total"))
        #expect(
            result
                == .values([
                    SeriesValue(labels: Labels(["code": "500", "path": "/pay"]), value: 7),
                    SeriesValue(labels: Labels(["code": "502", "path": "/pay"]), value: 2),
                    SeriesValue(labels: Labels(["code": "500", "path": "/health"]), value: 40),
                    SeriesValue(labels: Labels(["path": "/cart"]), value: 1),
                ]))
    }

    @Test func negatedMatcherSelectsSeriesWithoutTheLabel() throws {
        let result = try extract(Self.exposition, prometheus(#"http_errors_total{code!="500"}"#))
        #expect(
            result
                == .values([
                    SeriesValue(labels: Labels(["code": "502", "path": "/pay"]), value: 2),
                    SeriesValue(labels: Labels(["path": "/cart"]), value: 1),
                ]))
    }

    @Test func absentMetricIsNoSeriesRatherThanAnError() throws {
        #expect(try extract(Self.exposition, prometheus("payment_success_rate")) == .values([]))
        #expect(try extract(Self.exposition, prometheus(#"http_errors_total{code="404"}"#)) == .values([]))
        #expect(try extract("", prometheus("anything")) == .values([]))
    }

    @Test func malformedExpositionFailsTheSourceWithItsReason() throws {
        #expect(throws: ExtractionError.line(2, "expected a value after the metric name")) {
            try extract("up 1\nbroken\n", prometheus("up"))
        }
    }

    @Test func jsonValuesComeFromThePathAndSeriesLabel() throws {
        let body = #"{"items": [{"sku": "A17", "count": 3}, {"sku": "B2", "count": 4}, {"sku": "A17", "count": 9}]}"#
        #expect(
            try extract(body, json("items[*].count", label: "items[*].sku"))
                == .values([
                    SeriesValue(labels: Labels(["sku": "A17"]), value: 3),
                    SeriesValue(labels: Labels(["sku": "B2"]), value: 4),
                ]))
        #expect(try extract(#"{"rate": 0.9}"#, json("rate")) == .values([SeriesValue(value: 0.9)]))
        #expect(try extract(#"{"rate": null}"#, json("rate")) == .values([]))
    }

    @Test func containsConditionReadsTheListOfTexts() throws {
        let body = #"{"topics": [{"title": "outage"}, {"title": "sale"}]}"#
        let condition = Condition.contains(keywords: ["outage"], levels: [.sev2: 10])
        #expect(
            try extract(body, json("topics[*].title"), ExtractionMode(for: condition)) == .items(["outage", "sale"]))
    }

    @Test func modeFollowsTheCondition() {
        #expect(ExtractionMode(for: .contains(keywords: ["x"], levels: [.sev3: 50])) == .items)
        #expect(ExtractionMode(for: .threshold(op: .below, levels: [.sev2: 0.9])) == .values)
        #expect(ExtractionMode(for: .absent(severity: .sev2)) == .values)
    }

    @Test func settingsThatCannotApplyAreSourceErrors() throws {
        #expect(throws: ExtractionError(code: .invalidSource, reason: "a json source needs a path")) {
            try extract("{}", json("x").with { $0.path = nil })
        }
        let malformed = #expect(throws: ExtractionError.self) { try extract("{}", json("a..b")) }
        #expect(malformed?.code == .invalidSource)
        #expect(malformed?.reason.hasPrefix(#"malformed path "a..b": "#) == true)
        let listFromPrometheus = #expect(throws: ExtractionError.self) { try extract("", prometheus("up"), .items) }
        #expect(listFromPrometheus?.code == .invalidSource)
        let noMetric = #expect(throws: ExtractionError.self) {
            try extract("", prometheus("up").with { $0.metric = nil })
        }
        #expect(noMetric?.reason == "a prometheus source needs a metric")
    }

    @Test func invalidJSONFailsTheSource() {
        let error = #expect(throws: ExtractionError.self) { try extract("{", json("rate")) }
        #expect(error?.code == .malformedBody)
    }
}

extension Source {
    /// A copy changed by `change`.
    fileprivate func with(_ change: (inout Source) -> Void) -> Source {
        var copy = self
        change(&copy)
        return copy
    }
}
