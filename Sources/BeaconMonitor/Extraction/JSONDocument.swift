import Foundation

/// A json body parsed by `JSONSerialization`, and what its values mean to Beacon.
///
/// `JSONSerialization` refuses nesting deeper than 512 arrays or objects with an error rather than exhausting the
/// stack, and numbers that do not fit a double (`1e400`); either fails the body like any other invalid json.
enum JSONDocument {
    /// Parses a body; a scalar alone (`0.93`) is a valid document.
    static func parse(_ body: some Collection<UInt8>) throws(ExtractionError) -> Any {
        let data = body as? Data ?? Data(body)
        do {
            return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw .body("invalid JSON: \(reason(error))")
        }
    }

    /// `JSONSerialization`'s explanation (`Invalid value around character 5.`), as the end of a sentence.
    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        guard var text = nsError.userInfo[NSDebugDescriptionErrorKey] as? String, !text.isEmpty else {
            return "the body is not well-formed"
        }
        if text.hasSuffix(".") { text.removeLast() }
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    /// A value as a number: numbers, numeric strings (`"0.93"`, `"NaN"`), and booleans as 1 or 0.
    static func number(_ value: Any) -> Double? {
        if let string = value as? String {
            var string = string
            return string.withUTF8 { NumberText.double($0) }
        }
        guard let number = value as? NSNumber else { return nil }
        return isBoolean(number) ? (number.boolValue ? 1 : 0) : number.doubleValue
    }

    /// A value as text: strings as they are, numbers as written (`17`, `0.5`), booleans as `true` or `false`.
    static func text(_ value: Any) -> String? {
        if let string = value as? String { return string }
        guard let number = value as? NSNumber else { return nil }
        if isBoolean(number) { return number.boolValue ? "true" : "false" }
        if isFloatingPoint(number) { return "\(number.doubleValue)" }
        return number.stringValue
    }

    /// How a value is described in messages: `an object`, `a list`, `a string`, `a number`, `a boolean`, `null`.
    static func kind(_ value: Any) -> String {
        switch value {
        case is [String: Any]: "an object"
        case is [Any]: "a list"
        case is String: "a string"
        case _ where isNull(value): "null"
        case let number as NSNumber: isBoolean(number) ? "a boolean" : "a number"
        default: "an unknown value"
        }
    }

    /// Whether a value is json's `null`.
    ///
    /// Compares types: `value is NSNull` would first convert a dictionary to an `NSDictionary` on Linux, a
    /// microsecond per object on the way along a path.
    static func isNull(_ value: Any) -> Bool {
        type(of: value) == NSNull.self
    }

    /// `JSONSerialization` makes `true` and `false` `NSNumber`s too, which also cast to `Bool`;
    /// only their type encoding (`c`, `char`) tells them from the numbers 1 and 0.
    private static func isBoolean(_ number: NSNumber) -> Bool {
        number.objCType.pointee == CChar(UInt8(ascii: "c"))
    }

    private static func isFloatingPoint(_ number: NSNumber) -> Bool {
        let type = number.objCType.pointee
        return type == CChar(UInt8(ascii: "d")) || type == CChar(UInt8(ascii: "f"))
    }
}
