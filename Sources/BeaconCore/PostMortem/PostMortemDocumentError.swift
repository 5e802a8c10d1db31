/// Why an edited post-mortem was refused: every problem found, each with its line and field path.
///
/// Renders one problem per line, `pm-12.yaml:14: follow_ups[1].kind: unknown follow-up kind "traning"; …`.
public struct PostMortemDocumentError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: Hashable, Sendable {
        /// The text is not YAML (or the body not JSON) at all.
        case malformed
        /// It parses, but some values are wrong.
        case invalid
    }

    public var code: Code
    /// The problems in line order; for JSON the line means nothing and only the field and reason count.
    public var issues: [ConfigIssue]

    public init(code: Code, issues: [ConfigIssue]) {
        self.code = code
        self.issues = issues
    }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
