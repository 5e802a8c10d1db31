import Foundation

/// What a rule's values measure, for people to read them: `84.8%`, `1,240`, `12m 30s`, `¥186,000`, `340 orders`.
public enum ValueUnit: Sendable, Hashable, CustomStringConvertible {
    /// A fraction from 0 to 1, written as a percentage.
    case percent
    case count
    case seconds
    case yuan
    /// Any other unit, written after the number.
    case other(String)

    public init(name: String) {
        switch name.lowercased() {
        case "percent", "%": self = .percent
        case "count": self = .count
        case "seconds", "s": self = .seconds
        case "yuan", "cny", "¥", "rmb": self = .yuan
        default: self = .other(name)
        }
    }

    public var description: String {
        switch self {
        case .percent: "percent"
        case .count: "count"
        case .seconds: "seconds"
        case .yuan: "yuan"
        case .other(let name): name
        }
    }

    /// `value` as people read it in this unit.
    public func format(_ value: Double) -> String {
        guard value.isFinite else { return value > 0 ? "∞" : value < 0 ? "-∞" : "—" }
        switch self {
        case .percent: return Self.number(value * 100, fraction: 1) + "%"
        case .count: return Self.number(value, fraction: 0)
        case .seconds: return Self.span(value)
        case .yuan: return "¥" + Self.number(value, fraction: 2)
        case .other(let name): return Self.number(value, fraction: 4) + " " + name
        }
    }

    /// `1,234.5`: grouped in thousands, at most `fraction` decimals, the same in every language Beacon speaks.
    static func number(_ value: Double, fraction: Int) -> String {
        value.formatted(
            .number.grouping(.automatic).precision(.fractionLength(0...fraction)).locale(Locale(identifier: "en_US")))
    }

    /// `45s`, `12m 30s`, `2h 05m`, `3d 4h`.
    static func span(_ seconds: Double) -> String {
        let total = Int(abs(seconds).rounded())
        let sign = seconds < 0 ? "-" : ""
        let (days, hours, minutes, rest) = (total / 86_400, total % 86_400 / 3_600, total % 3_600 / 60, total % 60)
        if days > 0 { return "\(sign)\(days)d \(hours)h" }
        if hours > 0 { return "\(sign)\(hours)h \(String(format: "%02d", minutes))m" }
        if minutes > 0 { return "\(sign)\(minutes)m \(String(format: "%02d", rest))s" }
        return "\(sign)\(rest)s"
    }
}

extension Rule {
    /// One of this rule's values (an incident's value or threshold) as people read it: a change rule's are
    /// ratios (`12.4×`), a threshold rule's are in its `unit:` (plain numbers without one).
    public func format(_ value: Double) -> String {
        if case .change = condition {
            guard value.isFinite else { return "∞" }
            return ValueUnit.number(value, fraction: 1) + "×"
        }
        return unit?.format(value) ?? value.formatted(maxFractionDigits: 4)
    }
}

extension BeaconConfig {
    /// An incident's value or threshold as people read it: by its rule when it has one, else as a number.
    public func format(_ value: Double, rule: RuleID?) -> String {
        guard let rule = rule.flatMap(self.rule) else {
            return value.formatted(maxFractionDigits: 4)
        }
        return rule.format(value)
    }
}
