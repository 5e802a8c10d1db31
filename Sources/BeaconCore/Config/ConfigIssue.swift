/// One problem in the configuration: where it is and what is wrong, in words a user can act on.
///
/// Renders as `Alerts/payments.yaml:14: rules[0].condition.levels: for op "<" sev1 (0.95) must be below sev2 (0.90)`.
public struct ConfigIssue: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    /// The field path (`rules[0].source.interval`), or empty for a whole file.
    public var field: String
    public var reason: String

    public init(file: String, line: Int, field: String, reason: String) {
        self.file = file
        self.line = line
        self.field = field
        self.reason = reason
    }

    public var description: String {
        field.isEmpty ? "\(file):\(line): \(reason)" : "\(file):\(line): \(field): \(reason)"
    }
}

/// Every problem found while loading a configuration, in file and line order.
public struct ConfigErrors: Error, Sendable, CustomStringConvertible {
    public var issues: [ConfigIssue]

    public init(_ issues: [ConfigIssue]) { self.issues = issues }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
