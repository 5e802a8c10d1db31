import Foundation

/// A reason a piece of text could not be parsed.
public struct SyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public var problem: ConfigProblem
    public init(_ key: String, _ values: [String: ConfigProblem.Value] = [:]) {
        problem = ConfigProblem(key, values)
    }
    /// The reason in English (logs, the monitor's readings).
    public var reason: String { problem.description }
    public var description: String { reason }
}

/// Parses `name` or `name{label="value",other!="x"}`.
public enum MetricSelectorParser {
    public static func parse(_ text: String) throws(SyntaxError) -> MetricSelector {
        var scanner = Substring(text.trimmingCharacters(in: .whitespaces))
        let name = scanner.prefix { isNameCharacter($0) }
        guard let first = name.first, !first.isNumber else { throw SyntaxError("check.syntax.metric_name") }
        scanner = scanner.dropFirst(name.count)
        guard !scanner.isEmpty else { return MetricSelector(name: String(name)) }
        guard scanner.first == "{", scanner.last == "}" else {
            throw SyntaxError("check.syntax.matchers")
        }
        var body = scanner.dropFirst().dropLast()
        var matchers: [LabelMatcher] = []
        while !body.isEmpty {
            body = body.drop { $0 == " " }
            let label = body.prefix { isNameCharacter($0) && $0 != ":" }
            guard !label.isEmpty else { throw SyntaxError("check.syntax.label_name") }
            body = body.dropFirst(label.count)
            let negated = body.hasPrefix("!=")
            guard negated || body.hasPrefix("=") else {
                throw SyntaxError("check.syntax.equals", ["label": "\(label)"])
            }
            body = body.dropFirst(negated ? 2 : 1)
            let (value, rest) = try quoted(body)
            matchers.append(LabelMatcher(name: String(label), value: value, negated: negated))
            body = rest.drop { $0 == " " }
            if body.first == "," {
                body = body.dropFirst()
            } else if !body.isEmpty {
                throw SyntaxError("check.syntax.comma")
            }
        }
        return MetricSelector(name: String(name), matchers: matchers)
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == ":")
    }

    /// Reads a double-quoted value with `\"`, `\\` and `\n` escapes.
    private static func quoted(_ text: Substring) throws(SyntaxError) -> (String, Substring) {
        guard text.first == "\"" else { throw SyntaxError("check.syntax.quoted_value") }
        var value = ""
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            let character = text[index]
            if character == "\"" { return (value, text[text.index(after: index)...]) }
            if character == "\\" {
                index = text.index(after: index)
                guard index < text.endIndex else { break }
                value.append(text[index] == "n" ? "\n" : text[index])
            } else {
                value.append(character)
            }
            index = text.index(after: index)
        }
        throw SyntaxError("check.syntax.unterminated")
    }
}
