/// A parsed json value.
///
/// Numbers keep whether they were written as integers, so that labels read from them are written as they were
/// (`17`, not `17.0`).
enum JSONValue: Equatable {
    case null
    case bool(Bool)
    /// `literal` is the text of an integer written without fraction or exponent; `nil` for any other number.
    case number(Double, literal: String?)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// A value as a number: numbers, numeric strings (`"0.93"`, `"NaN"`), and booleans as 1 or 0.
    var number: Double? {
        switch self {
        case .number(let value, _): value
        case .bool(let value): value ? 1 : 0
        case .string(var text): text.withUTF8 { NumberText.double($0) }
        case .null, .array, .object: nil
        }
    }

    /// A value as text: strings as they are, integers as written (`17`), other numbers as Swift writes them
    /// (`0.5`), booleans as `true` or `false`.
    var text: String? {
        switch self {
        case .string(let text): text
        case .number(let value, let literal): literal ?? "\(value)"
        case .bool(let value): value ? "true" : "false"
        case .null, .array, .object: nil
        }
    }

    /// How a value is described in messages: `an object`, `a list`, `a string`, `a number`, `a boolean`, `null`.
    var kind: String {
        switch self {
        case .object: "an object"
        case .array: "a list"
        case .string: "a string"
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        }
    }
}
