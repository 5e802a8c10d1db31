import BeaconCore
import Foundation
import Testing

@testable import BeaconMonitor

/// The json parser agrees with Foundation's `JSONSerialization` on what is json and what it means, and says where a
/// body goes wrong.
struct JSONParserTests {
    var random = SplitMix64(seed: 0x0050_A5ED)

    /// Foundation's reading of a body, as a ``JSONValue``; `nil` when Foundation refuses it.
    static func foundation(_ body: [UInt8]) -> JSONValue? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]) else {
            return nil
        }
        return convert(object)
    }

    static func convert(_ object: Any) -> JSONValue {
        switch object {
        case let dictionary as [String: Any]: return .object(dictionary.mapValues(convert))
        case let list as [Any]: return .array(list.map(convert))
        case let string as String: return .string(string)
        case let number as NSNumber where number.objCType.pointee == CChar(UInt8(ascii: "c")):
            return .bool(number.boolValue)
        case let number as NSNumber: return .number(number.doubleValue, literal: nil)
        default: return .null
        }
    }

    /// A value with integer literals forgotten, to compare with Foundation's, which does not keep them.
    static func numbersOnly(_ value: JSONValue) -> JSONValue {
        switch value {
        case .number(let number, _): .number(number, literal: nil)
        case .array(let items): .array(items.map(numbersOnly))
        case .object(let members): .object(members.mapValues(numbersOnly))
        default: value
        }
    }

    static let corpus = [
        "0", "-0", "17", "-17", "0.5", "1e3", "1E+3", "2.5e-3", "123456789012345678", "1.7976931348623157e308",
        #""""#, #""a\"b\\c\/d\b\f\n\r\t""#, #""\u00e9\u4e2d\ud83d\ude00""#, #""é中😀""#, "true", "false", "null",
        "[]", "{}", "[1, [2, [3]], {}]", #"{"a": {"b": [1, "x", null, true]}, "c": -1.5}"#, " \n\t\r 1 \n",
        #"{"a": 1, "a": 2}"#, "[1,]", #"{"a": 1,}"#, "\u{FEFF}[1]",
        // Not json:
        "", " ", "01", "-", "+1", ".5", "5.", "1e", "1e+", "0x10", "NaN", "Infinity", "1e400", "-1e400", "tru", "nul",
        "[1,,]", "[,1]", "[,]", "{,}", #"{"a"}"#, #"{a: 1}"#, "{'a': 1}", "[1 2]", "1 2", #""abc"#, #""\x""#,
        #""\u12""#, #""\ud800""#, #""\udc00""#, #""\ud800\u0041""#, "\"\u{1}\"", "[", "]", "\u{FEFF}1",
    ]

    @Test func acceptsAndReadsExactlyWhatFoundationDoes() throws {
        for text in Self.corpus {
            let body = Array(text.utf8)
            let ours = try? JSONParser.parse(body)
            #expect(ours.map(Self.numbersOnly) == Self.foundation(body), "\(text)")
        }
    }

    /// Foundation reads a NUL byte as the end of the body (`0<NUL>5` is 0); Beacon refuses what follows the value.
    @Test func aNulByteIsNotTheEndOfTheBody() {
        #expect(Self.foundation([UInt8(ascii: "0"), 0, UInt8(ascii: "5")]) == .number(0, literal: nil))
        #expect(
            throws: ExtractionError(
                code: .malformedBody, reason: "invalid JSON: unexpected text after the value at byte 2")
        ) {
            try JSONParser.parse([UInt8(ascii: "0"), 0, UInt8(ascii: "5")])
        }
    }

    @Test mutating func agreesWithFoundationOnRandomTokenSoup() {
        let tokens =
            ExtractionRobustnessTests.jsonTokens.filter { $0 != [0] }
            + ["0", "-", ".", "e", "5", "\"é\"", "\\u0041"].map {
                Array($0.utf8)
            }
        for _ in 0..<3000 {
            var body: [UInt8] = []
            for _ in 0..<Int.random(in: 1...12, using: &random) {
                body += tokens[Int.random(in: tokens.indices, using: &random)]
            }
            let ours = try? JSONParser.parse(body)
            #expect(ours.map(Self.numbersOnly) == Self.foundation(body), "\(body)")
        }
    }

    @Test func integersKeepTheirTextAndOtherNumbersDoNot() throws {
        #expect(
            try JSONParser.parse(Array("12345678901234567890".utf8))
                == .number(1.2345678901234567e19, literal: "12345678901234567890"))
        #expect(
            try JSONParser.parse(Array("[17, 0.5]".utf8))
                == .array([.number(17, literal: "17"), .number(0.5, literal: nil)]))
    }

    @Test(arguments: [
        ("", "invalid JSON: the body is empty"),
        ("[1,,]", "invalid JSON: invalid value at byte 4"),
        (#"{"a": 1 "b": 2}"#, #"invalid JSON: expected "," or "}" in an object at byte 9"#),
        ("1e400", "invalid JSON: number out of range at byte 1"),
        ("[1] x", "invalid JSON: unexpected text after the value at byte 5"),
        (#"["a\qb"]"#, #"invalid JSON: invalid escape at byte 4"#),
        ("\"\u{1}\"", "invalid JSON: control character in a string at byte 2"),
    ])
    func errorsSayWhatAndWhere(body: String, reason: String) {
        #expect(throws: ExtractionError(code: .malformedBody, reason: reason)) {
            try JSONParser.parse(Array(body.utf8))
        }
    }

    @Test func invalidUTF8InAStringIsRefused() {
        #expect(
            throws: ExtractionError(code: .malformedBody, reason: "invalid JSON: invalid UTF-8 in a string at byte 2")
        ) {
            try JSONParser.parse([UInt8(ascii: "\""), 0xC3, 0x28, UInt8(ascii: "\"")])
        }
    }

    @Test func nestingIsBoundedAtItsLimit() throws {
        let depth = JSONParser.maxDepth
        let deepest = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(throws: Never.self) { try JSONParser.parse(Array(deepest.utf8)) }
        let deeper = "[" + deepest + "]"
        #expect(
            throws: ExtractionError(
                code: .malformedBody, reason: "invalid JSON: nested deeper than 512 levels at byte 513")
        ) {
            try JSONParser.parse(Array(deeper.utf8))
        }
    }
}
