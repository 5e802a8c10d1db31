import Foundation

/// A message template with `{{name}}` placeholders, shared by every channel so they all say the same thing.
public struct Template: Sendable, Hashable {
    public var text: String

    public init(_ text: String) { self.text = text }

    /// The text with each `{{name}}` replaced by `values[name]`, escaped by `escape`.
    ///
    /// An unknown placeholder is left as written, so a typo shows in the message instead of vanishing.
    public func render(_ values: [String: String], escape: (String) -> String = { $0 }) -> String {
        var output = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            output += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                rest = rest[open.lowerBound...]
                break
            }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            output += values[name].map(escape) ?? String(rest[open.lowerBound..<close.upperBound])
            rest = rest[close.upperBound...]
        }
        return output + rest
    }

    /// Escapes text for a JSON string literal (without the quotes), for JSON body templates.
    public static func jsonEscape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case _ where scalar.value < 0x20: escaped += String(format: "\\u%04x", scalar.value)
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
