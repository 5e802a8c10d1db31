import BeaconCore
import Testing

@Suite struct ConfigTextTests {
    @Test(arguments: [
        ("500ms", Duration.milliseconds(500)), ("15s", .seconds(15)), ("5m", .seconds(300)), ("1h", .seconds(3600)),
        ("1d", .seconds(86400)), ("1h30m", .seconds(5400)), ("1.5s", .milliseconds(1500)),
    ])
    func durationsParse(_ text: String, _ expected: Duration) {
        #expect(ConfigText.duration(text) == expected)
    }

    @Test(arguments: ["", "5", "m", "5 m", "5min", "-5m", "1h30", "s5"])
    func malformedDurationsAreRejected(_ text: String) {
        #expect(ConfigText.duration(text) == nil)
    }

    @Test func durationsRenderAsWritten() {
        #expect(Duration.seconds(5400).configText == "1h30m")
        #expect(Duration.milliseconds(1500).configText == "1s500ms")
        #expect(Duration.zero.configText == "0s")
    }

    @Test func changeAmountsBecomeRatios() {
        #expect(ConfigText.changeAmount("50%")?.ratio == 1.5)
        #expect(ConfigText.changeAmount("-30%")?.ratio == 0.7)
        #expect(ConfigText.changeAmount("10x")?.ratio == 10)
        #expect(ConfigText.changeAmount("10") == nil)
        #expect(ConfigText.changeAmount("0x") == nil)
        #expect(ConfigText.changeAmount("abc%") == nil)
    }

    @Test func substitutionReplacesSetVariablesAndReportsUnsetOnes() {
        let environment = ["TOKEN": "s3cret", "EMPTY": ""]
        #expect(ConfigText.substitute("Bearer ${TOKEN}", environment: environment) == ("Bearer s3cret", []))
        #expect(ConfigText.substitute("${EMPTY}x", environment: environment) == ("x", []))
        #expect(ConfigText.substitute("${MISSING:-dflt}", environment: environment) == ("dflt", []))
        #expect(ConfigText.substitute("${A}-${B}", environment: environment).unset == ["A", "B"])
        #expect(ConfigText.substitute("no ${ closing", environment: environment).text == "no ${ closing")
    }

    @Test func suggestionsCatchTyposOnly() {
        #expect(ConfigText.suggestion(for: "treshold", among: ["threshold", "change"]) == "threshold")
        #expect(ConfigText.suggestion(for: "resolve_afer", among: ["for", "resolve_after"]) == "resolve_after")
        #expect(ConfigText.suggestion(for: "colour", among: ["url", "format"]) == nil)
    }

    @Test func kebabCase() {
        #expect(ConfigText.isKebabCase("payment-success-rate"))
        #expect(ConfigText.isKebabCase("sev2-steps"))
        #expect(!ConfigText.isKebabCase("Payment"))
        #expect(!ConfigText.isKebabCase("a--b"))
        #expect(!ConfigText.isKebabCase("a-"))
        #expect(!ConfigText.isKebabCase("2fa"))
    }

    @Test func metricSelectorsParse() throws {
        let selector = try MetricSelectorParser.parse(#"http_errors{code="500", path!="/health"}"#)
        #expect(selector.name == "http_errors")
        #expect(
            selector.matchers == [
                LabelMatcher(name: "code", value: "500"), LabelMatcher(name: "path", value: "/health", negated: true),
            ])
        #expect(selector.matches(Labels(["code": "500", "path": "/pay"])))
        #expect(!selector.matches(Labels(["code": "500", "path": "/health"])))
        #expect(throws: SyntaxError.self) { try MetricSelectorParser.parse("9lives") }
        #expect(throws: SyntaxError.self) { try MetricSelectorParser.parse(#"x{a="unterminated}"#) }
    }

    @Test func jsonPathsParse() throws {
        #expect(
            try JSONPath(parsing: #"data.items[*]["odd.key"][2]"#).segments == [
                .key("data"), .key("items"), .wildcard, .key("odd.key"), .index(2),
            ])
        for bad in ["", "a..b", ".a", "a[", "a[x]", "a[-1]"] {
            #expect(throws: SyntaxError.self) { try JSONPath(parsing: bad) }
        }
    }
}
