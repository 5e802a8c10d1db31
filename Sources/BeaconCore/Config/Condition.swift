/// When a series is in breach, and at which severity.
public enum Condition: Sendable, Hashable {
    /// The value compared with a level per severity: `payment success < 0.90`.
    case threshold(op: ComparisonOperator, levels: [Severity: Double])
    /// The value compared with the series' value one `window` earlier (环比).
    case change(window: Duration, op: ComparisonOperator, levels: [Severity: ChangeAmount])
    /// A keyword among the first N items of a list; each level is that N (top 50 → sev3, top 10 → sev2).
    case contains(keywords: [String], levels: [Severity: Int])
    /// The endpoint fails or the metric is missing.
    case absent(severity: Severity)

    public var kind: ConditionKind {
        switch self {
        case .threshold: .threshold
        case .change: .change
        case .contains: .contains
        case .absent: .absent
        }
    }
}

/// The four kinds of condition, as written in rule files.
public enum ConditionKind: String, CaseIterable, Sendable, Hashable {
    case threshold, change, contains, absent
}

/// A change level: a percentage (`50%`, `-30%`) or a ratio (`10x`).
public enum ChangeAmount: Sendable, Hashable, CustomStringConvertible {
    case percent(Double)
    case ratio(Double)

    /// The level as a ratio of the current value to the earlier one: `50%` is 1.5, `10x` is 10.
    public var ratio: Double {
        switch self {
        case .percent(let value): 1 + value / 100
        case .ratio(let value): value
        }
    }

    public var description: String {
        switch self {
        case .percent(let value): "\(value.formatted(maxFractionDigits: 2))%"
        case .ratio(let value): "\(value.formatted(maxFractionDigits: 2))x"
        }
    }
}
