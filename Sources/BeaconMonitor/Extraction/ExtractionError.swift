/// Why values could not be read from a source's body.
///
/// A body that does not parse, or is not shaped as the source's path expects, is a failure of that source;
/// ``reason`` is what gets recorded and shown (`line 4: unterminated label value for "code"`,
/// `invalid JSON: unexpected character around byte 17`).
public struct ExtractionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, broadly.
    public enum Code: Hashable, Sendable {
        /// The body is malformed, or not shaped as the source's path expects.
        case malformedBody
        /// The source's settings cannot be applied (a path that does not parse, a `series_label` into another list);
        /// configuration checks should have caught it.
        case invalidSource
    }

    public var code: Code
    /// A sentence safe to show a user.
    public var reason: String
    public var description: String { reason }

    public init(code: Code, reason: String) {
        self.code = code
        self.reason = reason
    }

    /// A malformed body.
    static func body(_ reason: String) -> Self {
        Self(code: .malformedBody, reason: reason)
    }

    /// A malformed line of a Prometheus exposition, counted from 1.
    static func line(_ number: Int, _ problem: String) -> Self {
        Self(code: .malformedBody, reason: "line \(number): \(problem)")
    }

    /// Settings of the source that cannot be applied.
    static func source(_ reason: String) -> Self {
        Self(code: .invalidSource, reason: reason)
    }
}
