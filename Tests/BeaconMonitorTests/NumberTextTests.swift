import BeaconCore
import Testing

@testable import BeaconMonitor

/// Numbers read from bytes agree with Swift's own parser, fast path or not.
struct NumberTextTests {
    var random = SplitMix64(seed: 0x5EED)

    func double(_ text: String) -> Double? {
        Array(text.utf8).withUnsafeBufferPointer { NumberText.double($0) }
    }

    mutating func randomDecimal() -> String {
        func digits(_ range: ClosedRange<Int>) -> String {
            String((0..<Int.random(in: range, using: &random)).map { _ in "0123456789".randomElement(using: &random)! })
        }
        var text = Bool.random(using: &random) ? "-" : ""
        text += digits(0...20)
        if Bool.random(using: &random) { text += "." + digits(0...20) }
        if text.last.map({ !$0.isNumber }) ?? true { text += "0" }
        if Bool.random(using: &random) { text += "e" + (Bool.random(using: &random) ? "-" : "") + digits(1...3) }
        return text
    }

    @Test mutating func decimalsMatchSwiftsParserExactly() throws {
        for _ in 0..<5000 {
            let text = randomDecimal()
            let expected = try #require(Double(text), "\(text)")
            let value = try #require(double(text), "\(text)")
            #expect(value.bitPattern == expected.bitPattern, "\(text)")
        }
    }

    @Test(arguments: ["", "+", "-", ".", "e5", "1e", "1e+", "1.2.3", "1,5", " 1", "1 ", "0x1p3", "1_000", "nan1", "in"])
    func nonDecimalTextIsRefused(text: String) {
        #expect(double(text) == nil)
    }

    @Test func integersAreCheckedForOverflow() {
        func int64(_ text: String) -> Int64? { Array(text.utf8).withUnsafeBufferPointer { NumberText.int64($0) } }
        #expect(int64("9223372036854775807") == .max)
        #expect(int64("-9223372036854775808") == .min)
        #expect(int64("9223372036854775808") == nil)
        #expect(int64("-") == nil)
        #expect(int64("1e3") == nil)
    }
}
