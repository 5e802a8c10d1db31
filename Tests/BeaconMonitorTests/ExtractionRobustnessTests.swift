import BeaconCore
import Testing

@testable import BeaconMonitor

/// Hostile and broken bodies: every one gives a result or an error, never a crash or a hang.
struct ExtractionRobustnessTests {
    var random = SplitMix64(seed: 0x00BE_AC07)

    static let prometheusTokens: [[UInt8]] =
        [
            "m", "metric_name", "{", "}", "a", "=", "\"", "\\", "\\n", "\\\"", ",", " ", "\t", "\n", "\r\n", "\r", "#",
            "# HELP m x\n", "1", "-2.5e3", "NaN", "+Inf", "1700000000000", "é", ":", "_", "0x", ".", "e",
        ].map { Array($0.utf8) } + [[0xFF], [0x00], [0xC3]]

    static let jsonTokens: [[UInt8]] =
        [
            "{", "}", "[", "]", ":", ",", "\"items\"", "\"sku\"", "\"count\"", "\"title\"", "1", "-0.5e2", "\"0.93\"",
            "true", "false", "null", "\"x\"", "\"\\u00e9\"", "\"\\ud800\"", " ", "\n", "\"", "\\",
        ].map { Array($0.utf8) } + [[0xFF], [0x00]]

    static let sources: [(Source, ExtractionMode)] = [
        (Source(url: "http://h/m", format: .prometheus, metric: MetricSelector(name: "m")), .values),
        (
            Source(
                url: "http://h/m", format: .prometheus,
                metric: MetricSelector(name: "metric_name", matchers: [LabelMatcher(name: "a", value: "1")])),
            .values
        ),
        (Source(url: "http://h/j", format: .json, path: "items[*].count", seriesLabel: "items[*].sku"), .values),
        (Source(url: "http://h/j", format: .json, path: "items[0]"), .values),
        (Source(url: "http://h/j", format: .json, path: "items[*].title"), .items),
        (Source(url: "http://h/j", format: .json, path: "items"), .items),
    ]

    /// Feeds a body to every kind of extraction; returns how many gave a result rather than an error.
    func feed(_ body: [UInt8]) -> (results: Int, errors: Int) {
        var outcome = (results: 0, errors: 0)
        for (source, mode) in Self.sources {
            do {
                _ = try Extractor.extract(body, for: source, mode: mode)
                outcome.results += 1
            } catch {
                #expect(!error.reason.isEmpty)
                outcome.errors += 1
            }
        }
        do {
            _ = try PrometheusTextParser.parse(body)
            outcome.results += 1
        } catch {
            #expect(error.reason.hasPrefix("line "))
            outcome.errors += 1
        }
        return outcome
    }

    mutating func randomBody(from tokens: [[UInt8]], maxTokens: Int) -> [UInt8] {
        let count = Int.random(in: 0...maxTokens, using: &random)
        return (0..<count).flatMap { _ in tokens.randomElement(using: &random) ?? [] }
    }

    @Test mutating func randomBytesGiveAResultOrAnError() {
        var total = (results: 0, errors: 0)
        for _ in 0..<1000 {
            let length = Int.random(in: 0...96, using: &random)
            let body = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            let outcome = feed(body)
            total = (total.results + outcome.results, total.errors + outcome.errors)
        }
        #expect(total.results + total.errors == 1000 * (Self.sources.count + 1))
        #expect(total.results > 0)
    }

    @Test mutating func randomTokenSoupGivesAResultOrAnError() {
        var total = (results: 0, errors: 0)
        for round in 0..<2000 {
            let tokens = round.isMultiple(of: 2) ? Self.prometheusTokens : Self.jsonTokens
            let outcome = feed(randomBody(from: tokens, maxTokens: 40))
            total = (total.results + outcome.results, total.errors + outcome.errors)
        }
        #expect(total.results + total.errors == 2000 * (Self.sources.count + 1))
        #expect(total.results > 0 && total.errors > 0)
    }

    @Test func everyTruncationOfAValidBodyGivesAResultOrAnError() {
        let bodies = [
            Array(PrometheusTextParserTests.reference.utf8),
            Array(JSONValueExtractorTests.shop.utf8),
            Array(#"{"items": [{"title": "a\u00e9\"b", "count": -1.5e-3}, {"title": "c"}]}"#.utf8),
        ]
        for body in bodies {
            for length in 0...body.count {
                let outcome = feed(Array(body.prefix(length)))
                #expect(outcome.results + outcome.errors == Self.sources.count + 1)
            }
        }
    }

    @Test func truncationAtALineEndStillParses() throws {
        let body = Array(PrometheusTextParserTests.reference.utf8)
        for (index, byte) in body.enumerated() where byte == UInt8(ascii: "\n") {
            _ = try PrometheusTextParser.parse(body.prefix(index))
        }
    }

    @Test mutating func corruptedBytesOfValidBodiesGiveAResultOrAnError() {
        let bodies = [Array(PrometheusTextParserTests.reference.utf8), Array(JSONValueExtractorTests.shop.utf8)]
        for round in 0..<600 {
            var body = bodies[round % bodies.count]
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let index = Int.random(in: body.indices, using: &random)
                body[index] = UInt8.random(in: 0...255, using: &random)
            }
            let outcome = feed(body)
            #expect(outcome.results + outcome.errors == Self.sources.count + 1)
        }
    }

    @Test func hugeHostileLinesAreHandled() throws {
        let manyLabels = "m{" + (0..<20_000).map { "l\($0)=\"\($0)\"" }.joined(separator: ",") + "} 1"
        #expect(try PrometheusTextParser.parse(Array(manyLabels.utf8), metric: "other").isEmpty)
        #expect(try PrometheusTextParser.parse(Array(manyLabels.utf8)).first?.labels.pairs.count == 20_000)
        let longValue = "m{a=\"" + String(repeating: "\\\\", count: 200_000) + "\"} 1"
        #expect(try PrometheusTextParser.parse(Array(longValue.utf8)).first?.labels["a"]?.count == 200_000)
        let unterminated = Array(("m{a=\"" + String(repeating: "x", count: 500_000)).utf8)
        #expect(throws: ExtractionError.line(1, #"unterminated label value for "a""#)) {
            try PrometheusTextParser.parse(unterminated)
        }
        let deepObjects = String(repeating: #"{"a":"#, count: 50_000)
        let feedOutcome = feed(Array(deepObjects.utf8))
        #expect(feedOutcome.results + feedOutcome.errors == Self.sources.count + 1)
    }
}
