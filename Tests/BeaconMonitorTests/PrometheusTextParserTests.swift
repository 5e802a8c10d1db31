import BeaconCore
import Foundation
import Testing

@testable import BeaconMonitor

/// Well-formed expositions, from the reference example to the corners of the format.
struct PrometheusTextParserTests {
    /// The example of the Prometheus exposition format documentation.
    static let reference = #"""
        # HELP http_requests_total The total number of HTTP requests.
        # TYPE http_requests_total counter
        http_requests_total{method="post",code="200"} 1027 1395066363000
        http_requests_total{method="post",code="400"}    3 1395066363000

        # Escaping in label values:
        msdos_file_access_time_seconds{path="C:\\DIR\\FILE.TXT",error="Cannot find file:\n\"FILE.TXT\""} 1.458255915e9

        # Minimalistic line:
        metric_without_timestamp_and_labels 12.47

        # A weird metric from before the epoch:
        something_weird{problem="division by zero"} +Inf -3982045

        # A histogram, which has a pretty complex representation in the text format:
        # HELP http_request_duration_seconds A histogram of the request duration.
        # TYPE http_request_duration_seconds histogram
        http_request_duration_seconds_bucket{le="0.05"} 24054
        http_request_duration_seconds_bucket{le="0.1"} 33444
        http_request_duration_seconds_bucket{le="+Inf"} 144320
        http_request_duration_seconds_sum 53423
        http_request_duration_seconds_count 144320

        # Finally a summary, which has a complex representation, too:
        # HELP rpc_duration_seconds A summary of the RPC duration in seconds.
        # TYPE rpc_duration_seconds summary
        rpc_duration_seconds{quantile="0.01"} 3102
        rpc_duration_seconds{quantile="0.5"} 4773
        rpc_duration_seconds_sum 1.7560473e+07
        rpc_duration_seconds_count 2693

        """#

    func parse(_ text: String) throws(ExtractionError) -> [PrometheusSample] {
        try PrometheusTextParser.parse(Array(text.utf8))
    }

    @Test func referenceExpositionYieldsEverySampleInOrder() throws {
        let samples = try parse(Self.reference)
        #expect(samples.count == 14)
        #expect(
            samples.first
                == PrometheusSample(
                    name: "http_requests_total", labels: Labels(["method": "post", "code": "200"]), value: 1027,
                    timestamp: 1_395_066_363_000))
        #expect(samples[1].value == 3)
        #expect(samples[3] == PrometheusSample(name: "metric_without_timestamp_and_labels", value: 12.47))
        #expect(samples[4].value == .infinity)
        #expect(samples[4].timestamp == -3_982_045)
        #expect(samples[7].labels["le"] == "+Inf")
        #expect(samples[12] == PrometheusSample(name: "rpc_duration_seconds_sum", value: 17_560_473))
    }

    @Test func labelValueEscapesAreDecoded() throws {
        let sample = try #require(try parse(Self.reference).first { $0.name == "msdos_file_access_time_seconds" })
        #expect(sample.labels["path"] == #"C:\DIR\FILE.TXT"#)
        #expect(sample.labels["error"] == "Cannot find file:\n\"FILE.TXT\"")
        #expect(sample.value == 1_458_255_915)
    }

    @Test func labelValuesKeepUnicodeAndBlanks() throws {
        let samples = try parse("orders{city=\"São Paulo\",note=\" a\tb }, \"} 1\n")
        #expect(samples.first?.labels == Labels(["city": "São Paulo", "note": " a\tb }, "]))
    }

    @Test(arguments: [
        ("NaN", Double.nan), ("nan", .nan), ("+Inf", .infinity), ("Inf", .infinity), ("-Inf", -.infinity),
        ("+inf", .infinity), ("Infinity", .infinity), ("0", 0), ("-0", -0.0), ("42", 42), ("-17.25", -17.25),
        ("1e3", 1000), ("1E-3", 0.001), ("-1.5e+2", -150), (".5", 0.5), ("7.", 7), ("0.1", 0.1),
        ("123456789012345678901234567890", 1.2345678901234568e29), ("1e400", .infinity),
        ("4.9e-324", .leastNonzeroMagnitude),
    ])
    func valuesAreDecimalFloatsOrSpecialValues(text: String, expected: Double) throws {
        let value = try #require(try parse("m \(text)").first?.value)
        if expected.isNaN {
            #expect(value.isNaN)
        } else {
            #expect(value == expected)
            #expect(value.sign == expected.sign)
        }
    }

    @Test func timestampsAreOptionalSignedMilliseconds() throws {
        let samples = try parse("a 1\nb 2 1700000000000\nc 3 -5\nd 4 +9\n")
        #expect(samples.map(\.timestamp) == [nil, 1_700_000_000_000, -5, 9])
    }

    @Test func crlfLineEndingsAreAccepted() throws {
        let samples = try parse("# TYPE a gauge\r\na{x=\"1\"} 1\r\n\r\nb 2 10\r\n")
        #expect(samples.map(\.name) == ["a", "b"])
        #expect(samples.map(\.value) == [1, 2])
        #expect(samples[1].timestamp == 10)
    }

    @Test func lastLineWithoutNewlineIsParsed() throws {
        #expect(try parse("a 1\nb 2").map(\.value) == [1, 2])
        #expect(try parse("b{x=\"y\"} 2 7").first?.timestamp == 7)
    }

    @Test func blanksAroundTokensAreTolerated() throws {
        let samples = try parse("  \tm { a = \"x\" ,\tb=\"y\" , }\t 1.5   99  \n")
        #expect(
            samples == [PrometheusSample(name: "m", labels: Labels(["a": "x", "b": "y"]), value: 1.5, timestamp: 99)])
    }

    @Test func labelSetsMayBeEmptyOrEndWithAComma() throws {
        let samples = try parse("a{} 1\nb{x=\"1\",} 2\nc{x=\"1\"}3\n")
        #expect(samples.map(\.labels) == [Labels(), Labels(["x": "1"]), Labels(["x": "1"])])
        #expect(samples.map(\.value) == [1, 2, 3])
    }

    @Test func metricNamesMayHoldColonsAndUnderscores() throws {
        #expect(
            try parse("job:http_requests:rate5m 3\n_private 4\n:colon 5").map(\.name) == [
                "job:http_requests:rate5m", "_private", ":colon",
            ])
    }

    @Test func blankLinesAndCommentsYieldNothing() throws {
        #expect(try parse("").isEmpty)
        #expect(try parse("\n\n  \t\n").isEmpty)
        #expect(try parse("# HELP x anything at all { \" \\\n#TYPE x gauge\n  # indented comment\n").isEmpty)
    }

    @Test func keepingOneMetricDropsTheOthers() throws {
        let samples = try PrometheusTextParser.parse(Array(Self.reference.utf8), metric: "http_requests_total")
        #expect(samples.map(\.labels["code"]) == ["200", "400"])
        #expect(try PrometheusTextParser.parse(Array(Self.reference.utf8), metric: "http_requests").isEmpty)
    }

    @Test func anyCollectionOfBytesIsAccepted() throws {
        let bytes = Array("a{x=\"1\"} 1\nb 2\n".utf8)
        let expected = try PrometheusTextParser.parse(bytes)
        #expect(try PrometheusTextParser.parse(Data(bytes)) == expected)
        #expect(try PrometheusTextParser.parse(bytes[...]) == expected)
        #expect(try PrometheusTextParser.parse(bytes.lazy.map { $0 }) == expected)
    }
}
