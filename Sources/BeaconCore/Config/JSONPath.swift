/// A path into a JSON document: `payments.success_rate`, `items[0].count`, `items[*].sku`, `["odd.key"]`.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    public enum Segment: Sendable, Hashable {
        case key(String)
        case index(Int)
        /// Every item of a list: one series per item.
        case wildcard
    }

    public var segments: [Segment]
    public var description: String

    /// Whether the path fans out over a list.
    public var hasWildcard: Bool { segments.contains(.wildcard) }

    public init(parsing text: String) throws(SyntaxError) {
        description = text
        segments = []
        var rest = Substring(text)
        guard !rest.isEmpty else { throw SyntaxError("check.syntax.empty_path") }
        var expectKey = true
        while !rest.isEmpty {
            if rest.first == "[" {
                let (segment, remainder) = try Self.bracket(rest)
                segments.append(segment)
                rest = remainder
                expectKey = false
            } else if rest.first == "." {
                guard !segments.isEmpty, !expectKey else { throw SyntaxError("check.syntax.name_before_dot") }
                rest = rest.dropFirst()
                expectKey = true
                guard !rest.isEmpty, rest.first != "." else { throw SyntaxError("check.syntax.name_after_dot") }
            } else {
                guard expectKey else { throw SyntaxError("check.syntax.after_bracket") }
                let key = rest.prefix { $0 != "." && $0 != "[" }
                segments.append(.key(String(key)))
                rest = rest.dropFirst(key.count)
                expectKey = false
            }
        }
    }

    private static func bracket(_ text: Substring) throws(SyntaxError) -> (Segment, Substring) {
        guard let close = text.firstIndex(of: "]") else { throw SyntaxError("check.syntax.unclosed_bracket") }
        let inside = text[text.index(after: text.startIndex)..<close]
        let rest = text[text.index(after: close)...]
        if inside == "*" { return (.wildcard, rest) }
        if let index = Int(inside), index >= 0 { return (.index(index), rest) }
        if inside.count >= 2, inside.first == "\"", inside.last == "\"" {
            return (.key(String(inside.dropFirst().dropLast())), rest)
        }
        throw SyntaxError("check.syntax.bracket", ["inside": "\(inside)"])
    }
}

/// Syntax checks for JSON paths in configuration.
enum JSONPathSyntax {
    static func problem(in text: String) -> ConfigProblem? {
        do {
            let path = try JSONPath(parsing: text)
            if path.segments.filter({ $0 == .wildcard }).count > 1 { return ConfigProblem("check.syntax.one_wildcard") }
            return nil
        } catch {
            return error.problem
        }
    }
}
