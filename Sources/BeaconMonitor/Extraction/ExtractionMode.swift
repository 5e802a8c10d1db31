public import BeaconCore

/// What a rule reads from its source: numbers per series, or a list of texts.
public enum ExtractionMode: Sendable, Hashable {
    /// Numbers per series, for `threshold`, `change` and `absent` conditions.
    case values
    /// The texts of a list, for `contains` conditions.
    case items

    /// The mode a condition needs.
    public init(for condition: Condition) {
        self = condition.kind == .contains ? .items : .values
    }
}
