import BeaconCore
import Testing

@testable import BeaconMonitor

/// Lists of texts for `contains` conditions.
struct JSONStringListTests {
    func strings(_ body: String, _ path: String) throws -> [String] {
        try JSONValueExtractor.strings(in: Array(body.utf8), at: JSONPath(parsing: path))
    }

    @Test func wildcardPathGivesEachItemsTextInOrder() throws {
        let body = #"{"trending": [{"title": "refund delays"}, {"title": "app down"}, {"title": "new phone"}]}"#
        #expect(try strings(body, "trending[*].title") == ["refund delays", "app down", "new phone"])
    }

    @Test func listOfPlainStringsIsReadWithOrWithoutWildcard() throws {
        let body = #"{"trending": ["a", "b", "c"]}"#
        #expect(try strings(body, "trending") == ["a", "b", "c"])
        #expect(try strings(body, "trending[*]") == ["a", "b", "c"])
    }

    @Test func itemsWithoutTextKeepTheirPlace() throws {
        let body = #"{"t": [{"title": "a"}, {"name": "b"}, {"title": null}, {"title": 7}, {"title": false}, "x"]}"#
        #expect(try strings(body, "t[*].title") == ["a", "", "", "7", "false", ""])
        #expect(try strings(#"{"t": ["a", null, {"b": 1}, 2.5]}"#, "t") == ["a", "", "", "2.5"])
    }

    @Test func missingListIsEmpty() throws {
        #expect(try strings("{}", "trending[*].title").isEmpty)
        #expect(try strings(#"{"trending": null}"#, "trending").isEmpty)
    }

    @Test func nonListFailsTheBody() {
        #expect(throws: ExtractionError.body(#"expected "trending" to be a list, found a string"#)) {
            try strings(#"{"trending": "a"}"#, "trending")
        }
    }

    @Test func invalidJSONFailsTheBody() {
        let error = #expect(throws: ExtractionError.self) { try strings("[1,", "trending") }
        #expect(error?.reason.hasPrefix("invalid JSON: ") == true)
    }
}
