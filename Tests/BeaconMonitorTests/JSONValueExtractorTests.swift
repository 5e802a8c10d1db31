import BeaconCore
import Testing

@testable import BeaconMonitor

/// Values read from json bodies along paths.
struct JSONValueExtractorTests {
    func values(_ body: String, _ path: String, label: String? = nil) throws -> JSONValues {
        try JSONValueExtractor.values(
            in: Array(body.utf8), at: JSONPath(parsing: path), seriesLabel: label.map { try JSONPath(parsing: $0) })
    }

    func failure(_ body: String, _ path: String, label: String? = nil) throws -> ExtractionError? {
        let path = try JSONPath(parsing: path)
        let label = try label.map { try JSONPath(parsing: $0) }
        return #expect(throws: ExtractionError.self) {
            try JSONValueExtractor.values(in: Array(body.utf8), at: path, seriesLabel: label)
        }
    }

    static let shop = """
        {"items": [
            {"sku": "A17", "count": 3},
            {"sku": "B2", "count": "4.5"},
            {"sku": "C9", "count": null},
            {"sku": "D4"},
            {"count": 8},
            {"sku": 17, "count": true},
            "not an object",
            {"sku": "E5", "count": {"nested": 1}}
        ]}
        """

    @Test func plainPathGivesOneUnlabelledValue() throws {
        let result = try values(#"{"payments": {"success_rate": 0.93, "count": 12}}"#, "payments.success_rate")
        #expect(result == JSONValues(series: [SeriesValue(value: 0.93)], missingCount: 0))
    }

    @Test func indexPicksOneItem() throws {
        let body = #"{"items": [{"count": 3}, {"count": 5}], "matrix": [[1, 2], [3, 4]]}"#
        #expect(try values(body, "items[1].count").series == [SeriesValue(value: 5)])
        #expect(try values(body, "matrix[1][0]").series == [SeriesValue(value: 3)])
        #expect(try values("[10, 20]", "[1]").series == [SeriesValue(value: 20)])
    }

    @Test func quotedKeysMayHoldDots() throws {
        #expect(try values(#"{"odd.key": {"v": 2}}"#, #"["odd.key"].v"#).series == [SeriesValue(value: 2)])
    }

    @Test func wildcardGivesOneLabelledSeriesPerItemAndCountsTheMissing() throws {
        let result = try values(Self.shop, "items[*].count", label: "items[*].sku")
        #expect(
            result.series == [
                SeriesValue(labels: Labels(["sku": "A17"]), value: 3),
                SeriesValue(labels: Labels(["sku": "B2"]), value: 4.5),
                SeriesValue(labels: Labels(["sku": "17"]), value: 1),
            ])
        #expect(result.missingCount == 5)
    }

    @Test func seriesLabelIsNamedAfterItsLastKey() throws {
        let body = #"{"shops": [{"meta": {"id": "north"}, "sales": 2}, {"meta": {"id": 1.5}, "sales": 3}]}"#
        let result = try values(body, "shops[*].sales", label: "shops[*].meta.id")
        #expect(result.series.map(\.labels) == [Labels(["id": "north"]), Labels(["id": "1.5"])])
    }

    @Test func numericStringsAndBooleansAreValues() throws {
        #expect(try values(#"{"v": "0.93"}"#, "v").series.first?.value == 0.93)
        #expect(try values(#"{"v": "-1e3"}"#, "v").series.first?.value == -1000)
        #expect(try values(#"{"v": true}"#, "v").series.first?.value == 1)
        #expect(try values(#"{"v": false}"#, "v").series.first?.value == 0)
        #expect(try values(#"{"v": 1}"#, "v").series.first?.value == 1)
        #expect(try values(#"{"v": 18446744073709551615}"#, "v").series.first?.value == Double(UInt64.max))
    }

    @Test(arguments: [
        #"{"v": null}"#, #"{"v": {"a": 1}}"#, #"{"v": [1]}"#, #"{"v": "n/a"}"#, #"{"v": " 1"}"#, #"{"v": ""}"#,
        #"{"w": 1}"#, "{}",
    ])
    func nonNumericOrAbsentValueIsMissing(body: String) throws {
        #expect(try values(body, "v") == JSONValues(series: [], missingCount: 1))
    }

    @Test func nullOrAbsentOnTheWayIsMissing() throws {
        #expect(try values(#"{"a": null}"#, "a.b.c").missingCount == 1)
        #expect(try values(#"{"a": {}}"#, "a.b.c").missingCount == 1)
        #expect(try values(#"{"a": [1]}"#, "a[5]").missingCount == 1)
    }

    @Test func missingListGivesNoSeries() throws {
        #expect(try values("{}", "items[*].count", label: "items[*].sku") == JSONValues(series: [], missingCount: 0))
        #expect(try values(#"{"items": []}"#, "items[*].count", label: "items[*].sku").series.isEmpty)
    }

    @Test(arguments: [
        (#"{"payments": 5}"#, "payments.success_rate", #"expected "payments" to be an object, found a number"#),
        ("[1, 2]", "payments", "expected the document to be an object, found a list"),
        (#"{"a": {"b": "x"}}"#, "a.b[0]", #"expected "a.b" to be a list, found a string"#),
        (#"{"a": [true]}"#, "a[0].c", #"expected "a[0]" to be an object, found a boolean"#),
        (#"{"items": {"x": 1}}"#, "items[*].count", #"expected "items" to be a list, found an object"#),
        (#"{"odd.key": 1}"#, #"["odd.key"].v"#, #"expected "["odd.key"]" to be an object, found a number"#),
    ])
    func wrongShapeOnTheWayFailsTheBody(body: String, path: String, message: String) throws {
        let error = try failure(body, path, label: path.contains("[*]") ? "items[*].sku" : nil)
        #expect(error == ExtractionError(code: .malformedBody, reason: message))
    }

    @Test func seriesLabelMustPointIntoTheSameList() throws {
        let error = try failure(Self.shop, "items[*].count", label: "products[*].sku")
        #expect(error?.code == .invalidSource)
        #expect(
            error?.reason
                == #"series_label "products[*].sku" must point into the same list as path "items[*].count" (start with items[*])"#
        )
        #expect(try failure(Self.shop, "items[*].count", label: "items.sku")?.code == .invalidSource)
        #expect(try failure(Self.shop, "items[*].count", label: "[*]")?.code == .invalidSource)
    }

    @Test func seriesLabelIsRequiredForAWildcardAndOnlyThen() throws {
        let unnamed = try failure(Self.shop, "items[*].count")
        #expect(unnamed?.reason.hasPrefix("a [*] path yields one series per item") == true)
        let stray = try failure(#"{"v": 1}"#, "v", label: "items[*].sku")
        #expect(stray?.reason == #"series_label "items[*].sku" names the items of a [*] path, but "v" has none"#)
    }

    @Test func secondWildcardIsRefused() throws {
        let error = try failure("[]", "a[*].b[*].c", label: "a[*].b[*].d")
        #expect(error?.reason == #"path "a[*].b[*].c" has more than one [*]; only one is supported"#)
    }

    @Test(arguments: ["", "{", #"{"a": 1"#, #"{"a" 1}"#, "nope", #"{"a": 1e400}"#, "\u{FEFF}\u{0}"])
    func invalidJSONFailsTheBody(body: String) throws {
        let error = try failure(body, "a")
        #expect(error?.code == .malformedBody)
        #expect(error?.reason.hasPrefix("invalid JSON: ") == true)
    }

    @Test func invalidJSONReasonSaysWhere() throws {
        #expect(try failure(#"{"a" 1}"#, "a")?.reason == #"invalid JSON: expected ":" after a key at byte 6"#)
    }

    @Test func deepNestingFailsInsteadOfCrashing() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(try failure(deep, "a")?.reason.contains("nested") == true)
    }
}
