/// What identifies one breaching series: the rule and the series' labels.
///
/// One open incident exists per fingerprint; repeats update it.
public struct Fingerprint: Sendable, Hashable, Codable, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// `payment-success-rate{region="east"}`.
    public init(rule: RuleID, labels: Labels) {
        rawValue = rule.rawValue + labels.description
    }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws { rawValue = try String(from: decoder) }
    public func encode(to encoder: any Encoder) throws { try rawValue.encode(to: encoder) }
}
