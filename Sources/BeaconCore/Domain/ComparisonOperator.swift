/// How a value is compared with a level: `<`, `<=`, `>`, `>=`.
public enum ComparisonOperator: String, CaseIterable, Sendable, Codable, Hashable {
    case below = "<"
    case atMost = "<="
    case above = ">"
    case atLeast = ">="

    /// Whether `value` meets `level` under this operator.
    public func holds(_ value: Double, _ level: Double) -> Bool {
        switch self {
        case .below: value < level
        case .atMost: value <= level
        case .above: value > level
        case .atLeast: value >= level
        }
    }

    /// Whether a worse value is a larger number (`>`/`>=`) or a smaller one (`<`/`<=`).
    public var worseIsLarger: Bool { self == .above || self == .atLeast }
}
