/// Reads numbers written as ASCII text, straight from bytes.
///
/// Floats are decimal: an optional sign, digits with an optional fraction, an optional exponent
/// (`-1.5e3`, `.5`, `7.`), or `NaN`, `Inf`, `Infinity` in any case, with an optional sign.
/// Hexadecimal floats and digit separators are not accepted.
enum NumberText {
    /// The value of decimal float text, or `nil` when the text is not one.
    static func double(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        var index = 0
        var negative = false
        if let first = text.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            index = 1
        }
        let unsigned = UnsafeBufferPointer(rebasing: text[index...])
        if let special = special(unsigned) { return negative ? -special : special }
        guard let decimal = DecimalText(unsigned) else { return nil }
        if let exact = decimal.exactValue { return negative ? -exact : exact }
        // Slow but correctly rounded; the text was checked above, so both parsers agree on what it means.
        guard let value = Double(String(decoding: text, as: UTF8.self)) else { return nil }
        return value
    }

    /// The value of integer text with an optional sign, or `nil` when it is not one or does not fit.
    static func int64(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
        var index = 0
        var negative = false
        if let first = text.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            index = 1
        }
        guard index < text.count else { return nil }
        var value: Int64 = 0
        while index < text.count {
            guard let digit = digit(text[index]) else { return nil }
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) =
                negative
                ? shifted.subtractingReportingOverflow(Int64(digit)) : shifted.addingReportingOverflow(Int64(digit))
            guard !overflow1, !overflow2 else { return nil }
            value = next
            index += 1
        }
        return value
    }

    static func digit(_ byte: UInt8) -> UInt8? {
        byte &- UInt8(ascii: "0") < 10 ? byte &- UInt8(ascii: "0") : nil
    }

    private static func special(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let first = text.first, first | 0x20 == UInt8(ascii: "n") || first | 0x20 == UInt8(ascii: "i") else {
            return nil
        }
        if equalsIgnoringCase(text, "nan") { return .nan }
        if equalsIgnoringCase(text, "inf") || equalsIgnoringCase(text, "infinity") { return .infinity }
        return nil
    }

    /// Whether ASCII text equals a lowercase word, ignoring case.
    private static func equalsIgnoringCase(_ text: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard text.count == word.utf8CodeUnitCount else { return false }
        let letters = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        return zip(text, letters).allSatisfy { $0 | 0x20 == $1 }
    }
}

extension NumberText {
    /// Unsigned decimal float text, split into up to 19 significant digits and a power of ten.
    struct DecimalText {
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var exponent = 0
        /// Digits beyond the 19th were dropped.
        var truncated = false

        private static let powersOfTen: [Double] = (0...22).map { power in
            (0..<power).reduce(1.0) { value, _ in value * 10 }
        }

        /// The value when the mantissa and the power of ten are both exact doubles, so that one
        /// multiplication or division rounds correctly (Clinger's fast path); otherwise `nil`.
        var exactValue: Double? {
            if mantissa == 0 { return 0 }
            guard !truncated, mantissa <= 1 << 53, (-22...22).contains(exponent) else { return nil }
            let value = Double(mantissa)
            return exponent < 0 ? value / Self.powersOfTen[-exponent] : value * Self.powersOfTen[exponent]
        }

        /// Parses `digits[.digits][e[sign]digits]`, with digits on at least one side of the point.
        init?(_ text: UnsafeBufferPointer<UInt8>) {
            var index = 0
            let integerDigits = scanDigits(text, &index, fraction: false)
            var fractionDigits = 0
            if index < text.count, text[index] == UInt8(ascii: ".") {
                index += 1
                fractionDigits = scanDigits(text, &index, fraction: true)
            }
            guard integerDigits + fractionDigits > 0 else { return nil }
            if index < text.count, text[index] | 0x20 == UInt8(ascii: "e") {
                index += 1
                guard let power = Self.exponent(text, &index) else { return nil }
                exponent += power
            }
            guard index == text.count else { return nil }
        }

        /// Consumes digits, folding them into the mantissa; returns how many there were.
        private mutating func scanDigits(
            _ text: UnsafeBufferPointer<UInt8>, _ index: inout Int, fraction: Bool
        ) -> Int {
            let start = index
            while index < text.count, let digit = NumberText.digit(text[index]) {
                index += 1
                if mantissa == 0 && digit == 0 {
                    if fraction { exponent -= 1 }
                } else if significantDigits < 19 {
                    mantissa = mantissa * 10 + UInt64(digit)
                    significantDigits += 1
                    if fraction { exponent -= 1 }
                } else {
                    truncated = true
                    if !fraction { exponent += 1 }
                }
            }
            return index - start
        }

        /// Reads `[sign]digits`, saturating far beyond any double's range.
        private static func exponent(_ text: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Int? {
            var negative = false
            if index < text.count, text[index] == UInt8(ascii: "+") || text[index] == UInt8(ascii: "-") {
                negative = text[index] == UInt8(ascii: "-")
                index += 1
            }
            let start = index
            var value = 0
            while index < text.count, let digit = NumberText.digit(text[index]) {
                value = min(value * 10 + Int(digit), 100_000)
                index += 1
            }
            guard index > start else { return nil }
            return negative ? -value : value
        }
    }
}
