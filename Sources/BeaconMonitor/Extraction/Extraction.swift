/// What a source's body holds for one rule.
public enum Extraction: Sendable, Hashable {
    /// One value per series; empty when the metric is missing from the body, which the caller may treat as absent.
    case values([SeriesValue])
    /// The texts of a list, in order, for a `contains` condition.
    case items([String])
}
