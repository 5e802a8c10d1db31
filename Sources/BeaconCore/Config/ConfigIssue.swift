/// What is wrong with a field, as a catalog key (`check.expected_number`) and the values its sentence names, so
/// `beacon check` and `beacon postmortem edit` say it in the reader's language.
public struct ConfigProblem: Sendable, Hashable, CustomStringConvertible {
    /// A value the sentence names: the user's own text, or a phrase of its own to say in the same language
    /// (`expected a list, found a mapping`).
    public indirect enum Value: Sendable, Hashable, ExpressibleByStringInterpolation {
        case text(String)
        case phrase(ConfigProblem)

        public init(stringLiteral value: String) { self = .text(value) }

        /// The name of a kind of thing (`rule`, `playbook`, `channel`) as the catalog says it.
        public static func noun(_ kind: String) -> Self { .phrase(ConfigProblem("check.noun.\(kind)")) }

        /// A layer's name as the catalog says it (`operation`, `操作层`).
        public static func layer(_ layer: Layer) -> Self { .phrase(ConfigProblem("layer.\(layer.rawValue)")) }
        public init(stringInterpolation: DefaultStringInterpolation) {
            self = .text(String(stringInterpolation: stringInterpolation))
        }
    }

    public var key: String
    public var values: [String: Value]

    public init(_ key: String, _ values: [String: Value] = [:]) {
        self.key = key
        self.values = values
    }

    /// The sentence in `words`' language.
    public func text(in words: Localizer) -> String {
        words(
            key,
            values.mapValues {
                switch $0 {
                case .text(let text): text
                case .phrase(let phrase): phrase.text(in: words)
                }
            })
    }

    /// The sentence in English, for logs and the JSON API.
    public var description: String { text(in: .english) }
}

/// One problem in the configuration: where it is and what is wrong, in words a user can act on.
///
/// Renders as `Alerts/payments.yaml:14: rules[0].condition.levels: for op "<" sev1 (0.95) must be below sev2 (0.90)`.
public struct ConfigIssue: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    /// The field path (`rules[0].source.interval`), or empty for a whole file.
    public var field: String
    public var problem: ConfigProblem

    public init(file: String, line: Int, field: String, problem: ConfigProblem) {
        self.file = file
        self.line = line
        self.field = field
        self.problem = problem
    }

    /// What is wrong, in English (the JSON API and logs).
    public var reason: String { problem.description }

    public var description: String { description(in: .english) }

    /// `file:line: field: reason` in `words`' language.
    public func description(in words: Localizer) -> String {
        let reason = problem.text(in: words)
        return field.isEmpty ? "\(file):\(line): \(reason)" : "\(file):\(line): \(field): \(reason)"
    }
}

/// Every problem found while loading a configuration, in file and line order.
public struct ConfigErrors: Error, Sendable, CustomStringConvertible {
    public var issues: [ConfigIssue]
    /// The language the configuration asks for (its `locale:`), when the main file got as far as saying it.
    public var language: Language?

    public init(_ issues: [ConfigIssue], language: Language? = nil) {
        self.issues = issues
        self.language = language
    }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
