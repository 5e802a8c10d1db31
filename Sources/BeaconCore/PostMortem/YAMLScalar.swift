/// Writes text as a YAML value that reads back as exactly the same text: plain when that is safe, a literal
/// block for several lines, double-quoted otherwise.
enum YAMLScalar {
    /// What follows `key:` for `text`: nothing for `nil`, ` value` for one line, `|-` and indented lines for several.
    /// - Parameter indent: the indentation of the key; a block's lines go two spaces deeper.
    static func value(_ text: String?, indent: Int) -> String {
        guard let text, !text.isEmpty else { return "" }
        if isPlainSafe(text) { return " " + text }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.count > 1, canBeBlock(text) {
            let padding = String(repeating: " ", count: indent + 2)
            return " |-\n" + lines.map { $0.isEmpty ? "" : padding + $0 }.joined(separator: "\n")
        }
        return " " + quoted(text)
    }

    /// `"text"` with YAML's double-quote escapes.
    static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            case "\r": output += "\\r"
            default:
                if !isPrintable(scalar) {
                    output +=
                        "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }

    /// Words YAML reads as null or as a yes/no, which plain text must not look like.
    static let specialWords: Set<String> = [
        "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n",
    ]

    /// Whether `text` can be written plain on one line and read back unchanged.
    static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        let indicators = Set("-?:,[]{}#&*!|>'\"%@`".unicodeScalars)
        guard !indicators.contains(first), !isBlank(first), !isBlank(last), last != ":" else { return false }
        guard !specialWords.contains(text.lowercased()), !text.contains(": "), !text.contains(" #") else {
            return false
        }
        return text.unicodeScalars.allSatisfy { isPrintable($0) && $0 != "\t" }
    }

    /// Whether a literal block keeps `text` as it is: printable lines, the first starting with no blank, none
    /// ending with one or starting with a tab.
    private static func canBeBlock(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !isBlank(first) else { return false }
        return text.split(separator: "\n", omittingEmptySubsequences: false).allSatisfy { line in
            guard let last = line.unicodeScalars.last else { return true }
            return !isBlank(last) && line.unicodeScalars.first != "\t" && line.unicodeScalars.allSatisfy(isPrintable)
        }
    }

    /// Whether YAML carries the character as it is, without an escape (tabs aside).
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value >= 0x20 || scalar == "\t") && scalar.value != 0x7F && !(0x80...0x9F).contains(scalar.value)
            && !["\u{FEFF}", "\u{2028}", "\u{2029}"].contains(scalar)
    }

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }
}
