import Testing

@testable import BeaconMonitor

/// Malformed expositions: each fails with the line and the problem, never a crash.
struct PrometheusTextParserErrorTests {
    func reason(_ body: String, metric: String? = nil) -> String? {
        reason(Array(body.utf8), metric: metric)
    }

    func reason(_ body: [UInt8], metric: String? = nil) -> String? {
        do {
            if let metric {
                _ = try PrometheusTextParser.parse(body, metric: metric)
            } else {
                _ = try PrometheusTextParser.parse(body)
            }
            return nil
        } catch {
            #expect(error.code == .malformedBody)
            return error.reason
        }
    }

    @Test(arguments: [
        ("m", "line 1: expected a value after the metric name"),
        ("m   ", "line 1: expected a value after the metric name"),
        (#"m{a="b"}"#, "line 1: expected a value after the labels"),
        (#"m{a="b"}  "#, "line 1: expected a value after the labels"),
        ("m abc", #"line 1: invalid value "abc""#),
        ("m 0x10", #"line 1: invalid value "0x10""#),
        ("m 1.2.3", #"line 1: invalid value "1.2.3""#),
        ("m 1e", #"line 1: invalid value "1e""#),
        ("m -", #"line 1: invalid value "-""#),
        ("m 1 1.5", #"line 1: invalid timestamp "1.5", expected whole milliseconds"#),
        ("m 1 99999999999999999999", #"line 1: invalid timestamp "99999999999999999999", expected whole milliseconds"#),
        ("m 1 2 3", #"line 1: unexpected "3" after the timestamp"#),
        (#"m{a="b} 1"#, #"line 1: unterminated label value for "a""#),
        (#"m{a="b\"} 1"#, #"line 1: unterminated label value for "a""#),
        (#"m{a="b\"#, #"line 1: unterminated label value for "a""#),
        (#"m{a="\t"} 1"#, #"line 1: invalid escape "\\t" in the value of label "a""#),
        (#"m{a=b} 1"#, #"line 1: expected a quoted value for the label "a""#),
        (#"m{a "b"} 1"#, #"line 1: expected "=" after the label name "a""#),
        (#"m{1a="b"} 1"#, #"line 1: expected a label name, found "1a=\"b\"}""#),
        (#"m{,} 1"#, #"line 1: expected a label name, found ",}""#),
        (#"m{a="b" c="d"} 1"#, #"line 1: expected "," or "}" after a label value, found "c=\"d\"}""#),
        (#"m{a="b""#, #"line 1: expected "," or "}" after a label value, found the end of the line"#),
        ("m{", "line 1: unterminated label set"),
        (#"m{a="b","#, "line 1: unterminated label set"),
        (#"m{a="x",a="y"} 1"#, #"line 1: duplicate label "a""#),
        ("metric-name 1", #"line 1: unexpected "-" in the metric name"#),
        ("1metric 1", #"line 1: expected a metric name, found "1metric""#),
        (#"{a="b"} 1"#, #"line 1: expected a metric name, found "{a=\"b\"}""#),
        ("m\u{0} 1", #"line 1: unexpected "\0" in the metric name"#),
    ])
    func malformedLineIsReportedWithItsProblem(body: String, message: String) {
        #expect(reason(body) == message)
    }

    @Test func lineNumbersCountBlankAndCommentLines() {
        #expect(reason("# HELP a x\r\n\r\na 1\r\nbad\r\nb 2\r\n") == "line 4: expected a value after the metric name")
        #expect(reason("a 1\n\n\n# c\nb two") == #"line 5: invalid value "two""#)
    }

    @Test func parsingStopsAtTheFirstMalformedLine() {
        #expect(reason("a 1\nb x\nc y\n") == #"line 2: invalid value "x""#)
    }

    @Test func labelValuesMustBeValidUTF8() {
        let body = Array(#"m{a=""#.utf8) + [0xFF, 0xFE] + Array(#""} 1"#.utf8)
        #expect(reason(body) == #"line 1: the value of label "a" is not valid UTF-8"#)
        #expect(reason(body, metric: "other") == #"line 1: the value of label "a" is not valid UTF-8"#)
    }

    @Test func malformedLinesOfOtherMetricsStillFailTheBody() {
        #expect(reason("wanted 1\nother{a=\"1\",a=\"2\"} 2", metric: "wanted") == #"line 2: duplicate label "a""#)
        #expect(reason("wanted 1\nother{a=\"1} 2", metric: "wanted") == #"line 2: unterminated label value for "a""#)
        #expect(reason("other 1 2 3\nwanted 1", metric: "wanted") == #"line 1: unexpected "3" after the timestamp"#)
    }

    @Test func duplicateLabelsAreFoundAmongMany() {
        let labels = (0..<40).map { "l\($0)=\"v\"" }.joined(separator: ",")
        #expect(reason("m{\(labels),l17=\"w\"} 1", metric: "other") == #"line 1: duplicate label "l17""#)
        #expect(reason("m{\(labels),l17=\"w\"} 1") == #"line 1: duplicate label "l17""#)
        #expect(reason("m{\(labels)} 1") == nil)
    }

    @Test func longOffendingTextIsShortenedInMessages() {
        let junk = String(repeating: "x", count: 500)
        #expect(reason("m \(junk)") == "line 1: invalid value \"\(String(repeating: "x", count: 32))…\"")
    }
}
