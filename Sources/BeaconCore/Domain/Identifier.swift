/// The id of a `Subject` — an approval, a playbook step, a rule — so that ids of different things never mix
/// where they cross modules: a step id cannot be passed where a rule id is expected, nor an approval's number
/// where an incident's is. Encoded as its raw value alone, so stored rows and JSON keep their plain form.
public struct Identifier<Subject, RawValue>: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible
where RawValue: Sendable & Hashable & Comparable & Codable & CustomStringConvertible {
    public var rawValue: RawValue

    public init(rawValue: RawValue) { self.rawValue = rawValue }
    public init(_ rawValue: RawValue) { self.rawValue = rawValue }

    public var description: String { rawValue.description }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Identifier: Codable {
    public init(from decoder: any Decoder) throws { rawValue = try RawValue(from: decoder) }
    public func encode(to encoder: any Encoder) throws { try rawValue.encode(to: encoder) }
}

extension Identifier: ExpressibleByUnicodeScalarLiteral where RawValue == String {
    public init(unicodeScalarLiteral value: String) { rawValue = value }
}

extension Identifier: ExpressibleByExtendedGraphemeClusterLiteral where RawValue == String {
    public init(extendedGraphemeClusterLiteral value: String) { rawValue = value }
}

extension Identifier: ExpressibleByStringLiteral where RawValue == String {
    public init(stringLiteral value: String) { rawValue = value }
}

extension Identifier: ExpressibleByIntegerLiteral where RawValue == Int64 {
    public init(integerLiteral value: Int64) { rawValue = value }
}

/// An approval's number.
public typealias ApprovalID = Identifier<Approval, Int64>
/// A playbook step's id, unique within its playbook (`notify-finance`).
public typealias StepID = Identifier<PlaybookStep, String>
/// A person of the command chain: their login, or their name when they have none (`chain.person(_:)` finds
/// them by either).
public typealias PersonID = Identifier<Person, String>
/// A rule's id, unique in `Alerts/` (`payment-success-rate`).
public typealias RuleID = Identifier<Rule, String>

extension Identifier: CodingKeyRepresentable where RawValue == String {
    /// Keyed by its raw value, so a dictionary keyed by ids encodes as a JSON object, as one keyed by strings.
    public var codingKey: any CodingKey { rawValue.codingKey }

    public init?<T: CodingKey>(codingKey: T) { rawValue = codingKey.stringValue }
}
