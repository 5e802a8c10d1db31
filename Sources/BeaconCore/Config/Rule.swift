/// One alert rule: a source, a condition, severity levels and a playbook.
public struct Rule: Sendable, Hashable {
    /// Unique, kebab-case (`payment-success-rate`).
    public var id: RuleID
    public var title: String
    public var category: Category
    public var source: Source
    public var condition: Condition
    /// How long a breach must hold before an incident opens.
    public var forDuration: Duration
    /// How long a series must stay healthy before its incident resolves by itself.
    public var resolveAfter: Duration
    /// The playbook to run, or `nil` to pick one by category.
    public var playbook: String?
    /// Extra labels carried onto every incident of this rule (`team: payments`).
    public var labels: [String: String]
    /// Where the rule was written, for messages (`Alerts/payments.yaml:3`).
    public var location: ConfigLocation
    /// What its values measure (`unit: percent`), for people to read them; plain numbers when `nil`.
    public var unit: ValueUnit?

    public init(
        id: RuleID, title: String, category: Category, source: Source, condition: Condition,
        forDuration: Duration = .zero, resolveAfter: Duration = .seconds(60), playbook: String? = nil,
        labels: [String: String] = [:], location: ConfigLocation = ConfigLocation(file: "", line: 0),
        unit: ValueUnit? = nil
    ) {
        self.unit = unit
        self.id = id
        self.title = title
        self.category = category
        self.source = source
        self.condition = condition
        self.forDuration = forDuration
        self.resolveAfter = resolveAfter
        self.playbook = playbook
        self.labels = labels
        self.location = location
    }
}

/// A file and line in the configuration.
public struct ConfigLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }
}
