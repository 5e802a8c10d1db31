extension PrometheusLineScanner {
    /// Scans `a="x",b="y"}` (the `{` already consumed); a trailing comma and blanks around tokens are allowed.
    mutating func scanLabels(into labels: inout [PrometheusLabelSpan]) throws(ExtractionError) {
        skipBlanks()
        while peek() != UInt8(ascii: "}") {
            labels.append(try label())
            skipBlanks()
            switch peek() {
            case UInt8(ascii: ","):
                position += 1
                skipBlanks()
            case UInt8(ascii: "}"):
                break
            case nil:
                throw fail("expected \",\" or \"}\" after a label value, found the end of the line")
            default:
                throw fail("expected \",\" or \"}\" after a label value, found \(quoted(token()))")
            }
        }
        position += 1
    }

    /// Scans `name="value"`.
    private mutating func label() throws(ExtractionError) -> PrometheusLabelSpan {
        let nameStart = position
        guard let first = peek(), Self.isNameStart(first) else {
            throw fail(position == end ? "unterminated label set" : "expected a label name, found \(quoted(token()))")
        }
        while let byte = peek(), Self.isNameStart(byte) || Self.isDigit(byte) { position += 1 }
        let name = nameStart..<position
        skipBlanks()
        guard peek() == UInt8(ascii: "=") else { throw fail("expected \"=\" after the label name \(quoted(name))") }
        position += 1
        skipBlanks()
        guard peek() == UInt8(ascii: "\"") else {
            throw fail("expected a quoted value for the label \(quoted(name))")
        }
        position += 1
        let (value, hasEscapes) = try labelValue(of: name)
        return PrometheusLabelSpan(name: name, value: value, hasEscapes: hasEscapes)
    }

    /// Scans a label value up to its closing quote, checking its escapes (`\\`, `\"`, `\n`).
    private mutating func labelValue(of name: Range<Int>) throws(ExtractionError) -> (Range<Int>, Bool) {
        let start = position
        var hasEscapes = false
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return (start..<position - 1, hasEscapes)
            case UInt8(ascii: "\\"):
                hasEscapes = true
                guard position + 1 < end else {
                    position = end
                    continue
                }
                let escaped = body[position + 1]
                guard escaped == UInt8(ascii: "\\") || escaped == UInt8(ascii: "\"") || escaped == UInt8(ascii: "n")
                else {
                    throw fail(
                        "invalid escape \(quoted(position..<position + 2)) in the value of label \(quoted(name))")
                }
                position += 2
            default:
                position += 1
            }
        }
        throw fail("unterminated label value for \(quoted(name))")
    }
}
