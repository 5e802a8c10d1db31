import Foundation

/// Every sentence and label of one language, by key: the one place a text a person reads is written.
///
/// A catalog is a text of `key = value` lines (`#` starts a comment, `\n` in a value is a line break) with
/// `{name}` placeholders (a value in double quotes keeps its surrounding spaces), so a translator reads and writes it without knowing Swift. A key missing from the
/// catalog renders as `⟦key⟧`, which the catalog tests look for in every page and message.
public struct Catalog: Sendable {
    public let language: Language
    /// Every key's text.
    public let entries: [String: String]

    init(_ language: Language, source: String) {
        self.language = language
        entries = Self.parse(source)
    }

    /// The text of `key`, with each `{name}` replaced by `arguments[name]`.
    public func callAsFunction(_ key: String, _ arguments: [String: String] = [:]) -> String {
        guard let text = entries[key] else { return Self.missing(key) }
        return arguments.isEmpty ? text : Self.fill(text, arguments)
    }

    /// The text of `key` for `count` things: `key.one` when there is one and the language has it (English
    /// "1 follow-up"), else `key`; `{count}` is the count.
    public func count(_ key: String, _ count: Int, _ arguments: [String: String] = [:]) -> String {
        var arguments = arguments
        arguments["count"] = String(count)
        return self(count == 1 && entries[key + ".one"] != nil ? key + ".one" : key, arguments)
    }

    /// What a missing key renders as: visible on a page, and easy for a test to find.
    public static func missing(_ key: String) -> String { "⟦\(key)⟧" }

    static func parse(_ source: String) -> [String: String] {
        var entries: [String: String] = [:]
        for line in source.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = line.drop { $0 == " " }
            guard !trimmed.hasPrefix("#"), let equals = trimmed.firstIndex(of: "=") else { continue }
            let key = trimmed[..<equals].trimmingSpaces
            var value = trimmed[trimmed.index(after: equals)...].trimmingSpaces
            // A value in quotes keeps its spaces at either end (a list separator `", "`).
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            entries[key] = value.replacingOccurrences(of: "\\n", with: "\n")
        }
        return entries
    }

    static func fill(_ text: String, _ arguments: [String: String]) -> String {
        var result = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            result += arguments[name] ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}

extension Substring {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
