/// Parses json (RFC 8259) straight from bytes into ``JSONValue``s.
///
/// Strict where it matters for a monitor reading untrusted bodies: the whole body must be one value with nothing
/// after it; strings must be valid UTF-8 without raw control characters; nesting deeper than ``maxDepth`` fails
/// rather than exhausting the stack; a number beyond a double's range (`1e400`) fails rather than becoming
/// infinity. Lenient as Foundation's `JSONSerialization` is, and as endpoints in the wild need: a UTF-8 byte order
/// mark before the value and a trailing comma in a list or an object are accepted. When a key repeats, its last
/// value wins. Errors say what was wrong and at which byte (from 1).
struct JSONParser {
    static let maxDepth = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Parses a whole body; a scalar alone (`0.93`) is a valid document.
    /// - Throws: ``ExtractionError`` (`invalid JSON: …`) for anything that is not exactly one json value.
    static func parse(_ body: some Collection<UInt8>) throws(ExtractionError) -> JSONValue {
        let result: Result<JSONValue, ExtractionError>? = body.withContiguousStorageIfAvailable { Self.parse($0) }
        return try (result ?? Array(body).withUnsafeBufferPointer { Self.parse($0) }).get()
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, ExtractionError> {
        var parser = JSONParser(bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
        do throws(ExtractionError) {
            parser.skipWhitespace()
            guard parser.index < bytes.count else { throw .body("invalid JSON: the body is empty") }
            let value = try parser.value()
            parser.skipWhitespace()
            guard parser.index == bytes.count else { throw parser.failure("unexpected text after the value") }
            return .success(value)
        } catch {
            return .failure(error)
        }
    }

    private mutating func value() throws(ExtractionError) -> JSONValue {
        skipWhitespace()
        guard index < bytes.count else { throw failure("unexpected end of the body") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try word("true", .bool(true))
        case UInt8(ascii: "f"): return try word("false", .bool(false))
        case UInt8(ascii: "n"): return try word("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw failure("invalid value")
        }
    }

    private mutating func object() throws(ExtractionError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if take(UInt8(ascii: "}")) { return .object(members) }
        while true {
            skipWhitespace()
            if !members.isEmpty, take(UInt8(ascii: "}")) { return .object(members) }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a key") }
            let key = try string()
            skipWhitespace()
            guard take(UInt8(ascii: ":")) else { throw failure("expected \":\" after a key") }
            members[key] = try value()
            skipWhitespace()
            if take(UInt8(ascii: ",")) { continue }
            guard take(UInt8(ascii: "}")) else { throw failure("expected \",\" or \"}\" in an object") }
            return .object(members)
        }
    }

    private mutating func array() throws(ExtractionError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        var items: [JSONValue] = []
        skipWhitespace()
        if take(UInt8(ascii: "]")) { return .array(items) }
        while true {
            skipWhitespace()
            if !items.isEmpty, take(UInt8(ascii: "]")) { return .array(items) }
            items.append(try value())
            skipWhitespace()
            if take(UInt8(ascii: ",")) { continue }
            guard take(UInt8(ascii: "]")) else { throw failure("expected \",\" or \"]\" in a list") }
            return .array(items)
        }
    }

    /// Steps into an object or a list.
    private mutating func enter() throws(ExtractionError) {
        guard depth < Self.maxDepth else { throw failure("nested deeper than \(Self.maxDepth) levels") }
        depth += 1
        index += 1
    }

    private mutating func word(_ text: StaticString, _ value: JSONValue) throws(ExtractionError) -> JSONValue {
        let letters = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
        guard bytes.count - index >= letters.count, zip(bytes[index...], letters).allSatisfy({ $0 == $1 }) else {
            throw failure("invalid value")
        }
        index += letters.count
        return value
    }

    private mutating func number() throws(ExtractionError) -> JSONValue {
        let start = index
        _ = take(UInt8(ascii: "-"))
        if take(UInt8(ascii: "0")) {
            // A leading zero stands alone: `01` is not a number.
        } else if digits() == 0 {
            throw failure("invalid number")
        }
        var integer = true
        if take(UInt8(ascii: ".")) {
            integer = false
            guard digits() > 0 else { throw failure("expected a digit after \".\"") }
        }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            integer = false
            _ = take(UInt8(ascii: "+")) || take(UInt8(ascii: "-"))
            guard digits() > 0 else { throw failure("expected a digit in the exponent") }
        }
        let text = UnsafeBufferPointer(rebasing: bytes[start..<index])
        guard let value = NumberText.double(text), value.isFinite else {
            index = start
            throw failure("number out of range")
        }
        return .number(value, literal: integer ? String(decoding: text, as: UTF8.self) : nil)
    }

    /// Skips decimal digits.
    /// - Returns: how many.
    private mutating func digits() -> Int {
        let start = index
        while index < bytes.count, NumberText.digit(bytes[index]) != nil { index += 1 }
        return index - start
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): index += 1
            default: return
            }
        }
    }

    /// Consumes `byte` if it is next.
    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    func failure(_ problem: String) -> ExtractionError {
        .body("invalid JSON: \(problem) at byte \(index + 1)")
    }
}

extension JSONParser {
    /// Reads a string from its opening quote to past its closing one.
    private mutating func string() throws(ExtractionError) -> String {
        index += 1
        let start = index
        // The common case: no escapes, so the text is the bytes themselves.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                guard let text = String(validating: bytes[start..<index], as: UTF8.self) else {
                    index = start
                    throw failure("invalid UTF-8 in a string")
                }
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            guard byte >= 0x20 else { throw failure("control character in a string") }
            index += 1
        }
        var decoded = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: decoded, as: UTF8.self) else {
                    index = start
                    throw failure("invalid UTF-8 in a string")
                }
                index += 1
                return text
            case UInt8(ascii: "\\"):
                try escape(into: &decoded)
            case ..<0x20:
                throw failure("control character in a string")
            default:
                decoded.append(byte)
                index += 1
            }
        }
        throw failure("unterminated string")
    }

    /// Decodes the escape at `index` (its backslash) onto `decoded` as UTF-8.
    private mutating func escape(into decoded: inout [UInt8]) throws(ExtractionError) {
        guard index + 1 < bytes.count else { throw failure("unterminated string") }
        let letter = bytes[index + 1]
        let simple: UInt8? =
            switch letter {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): letter
            case UInt8(ascii: "b"): 0x08
            case UInt8(ascii: "f"): 0x0C
            case UInt8(ascii: "n"): 0x0A
            case UInt8(ascii: "r"): 0x0D
            case UInt8(ascii: "t"): 0x09
            default: nil
            }
        if let simple {
            decoded.append(simple)
            index += 2
            return
        }
        guard letter == UInt8(ascii: "u") else { throw failure("invalid escape") }
        var scalar = try hex4(at: index + 2)
        index += 6
        if (0xD800..<0xDC00).contains(scalar) {
            // A high surrogate must be followed by an escaped low one; together they are one scalar.
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else { throw failure("unpaired surrogate in a \\u escape") }
            let low = try hex4(at: index + 2)
            guard (0xDC00..<0xE000).contains(low) else { throw failure("unpaired surrogate in a \\u escape") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            index += 6
        }
        guard let unicode = Unicode.Scalar(scalar) else { throw failure("unpaired surrogate in a \\u escape") }
        UTF8.encode(unicode) { decoded.append($0) }
    }

    /// The value of the four hex digits at `position`.
    private func hex4(at position: Int) throws(ExtractionError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw failure("unterminated \\u escape") }
        var value: UInt32 = 0
        for byte in bytes[position..<position + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
