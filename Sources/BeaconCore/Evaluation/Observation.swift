/// What one poll said about one series.
public enum Observation: Sendable, Hashable {
    /// A number (a rate, a count, a wait in seconds).
    case value(Double)
    /// A list of texts in order, for `contains` (trending topics).
    case items([String])
    /// The endpoint failed or the metric was missing; the reason says which.
    case missing(reason: String)
}

/// A series in breach: the severity it meets, and the reading that shows it.
public struct Breach: Sendable, Hashable {
    public var severity: Severity
    public var reading: Reading

    public init(severity: Severity, reading: Reading) {
        self.severity = severity
        self.reading = reading
    }
}

/// An observation compared with a rule's level, in numbers and in words.
public struct Reading: Sendable, Hashable, CustomStringConvertible {
    /// The number the incident records: the value, the ratio for `change`, the rank for `contains`.
    public var value: Double?
    /// The level it was compared with.
    public var level: Double?
    /// `0.85 < 0.9`, `40 → 480 (1h) = 12×, > 10x`, `#8 ≤ #10: “payment failure …” ∋ “payment failure”`: in symbols, read the
    /// same in every language.
    public var description: String

    public init(value: Double?, level: Double?, description: String) {
        self.value = value
        self.level = level
        self.description = description
    }
}
