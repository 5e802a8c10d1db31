import Foundation

extension Condition {
    /// The most severe level an observation meets, or `nil` when it is healthy (or cannot be judged).
    /// - Parameters:
    ///   - observation: what the poll said.
    ///   - baseline: for `change`, the series' value one window earlier, if history reaches that far.
    public func breach(_ observation: Observation, baseline: Double? = nil) -> Breach? {
        switch (self, observation) {
        case (.threshold(let op, let levels), .value(let value)):
            return Self.worst(levels) { op.holds(value, $0) }.map { severity, level in
                let text =
                    "\(value.formatted(maxFractionDigits: 4)) \(op.rawValue) \(level.formatted(maxFractionDigits: 4))"
                return Breach(severity: severity, reading: Reading(value: value, level: level, description: text))
            }
        case (.change(let window, let op, let levels), .value(let value)):
            guard let baseline, baseline != 0, value.isFinite else { return nil }
            let ratio = value / baseline
            return Self.worst(levels) { op.holds(ratio, $0.ratio) }.map { severity, amount in
                // In symbols, read the same in every language: `40 → 480 (1m) = 12×, > 10×`.
                let text =
                    "\(baseline.formatted(maxFractionDigits: 4)) → \(value.formatted(maxFractionDigits: 4)) "
                    + "(\(window.configText)) = \(Self.describe(ratio: ratio)), \(op.rawValue) \(amount)"
                return Breach(
                    severity: severity, reading: Reading(value: ratio, level: amount.ratio, description: text))
            }
        case (.contains(let keywords, let levels), .items(let items)):
            guard let (rank, keyword) = Self.firstMatch(keywords, in: items) else { return nil }
            return Self.worst(levels) { rank <= $0 }.map { severity, top in
                // `#2 ≤ #3: “Fresh milk recall” ∋ “recall”`: the rank within the top watched, the item, the keyword.
                let text = "#\(rank) ≤ #\(top): “\(items[rank - 1])” ∋ “\(keyword)”"
                return Breach(
                    severity: severity, reading: Reading(value: Double(rank), level: Double(top), description: text))
            }
        case (.absent(let severity), .missing(let reason)):
            return Breach(severity: severity, reading: Reading(value: nil, level: nil, description: reason))
        default:
            return nil
        }
    }

    /// Whether an observation shows the series healthy. A failed poll says nothing about a threshold,
    /// so it is neither a breach nor healthy, except for `absent`, whose subject it is.
    public func isHealthy(_ observation: Observation, baseline: Double? = nil) -> Bool {
        switch (self, observation) {
        case (.absent, .missing): false
        case (.absent, _): true
        case (_, .missing): false
        case (.change, .value): baseline != nil && baseline != 0 && breach(observation, baseline: baseline) == nil
        default: breach(observation, baseline: baseline) == nil
        }
    }

    private static func worst<T>(_ levels: [Severity: T], _ meets: (T) -> Bool) -> (Severity, T)? {
        for severity in Severity.worstFirst {
            if let level = levels[severity], meets(level) { return (severity, level) }
        }
        return nil
    }

    /// The 1-based rank of the first item containing a keyword, ignoring case.
    private static func firstMatch(_ keywords: [String], in items: [String]) -> (Int, String)? {
        for (index, item) in items.enumerated() {
            if let keyword = keywords.first(where: { item.range(of: $0, options: .caseInsensitive) != nil }) {
                return (index + 1, keyword)
            }
        }
        return nil
    }

    private static func describe(ratio: Double) -> String {
        ratio >= 2
            ? "\(ratio.formatted(maxFractionDigits: 1))×"
            : "\((ratio - 1) * 100 >= 0 ? "+" : "")\(((ratio - 1) * 100).formatted(maxFractionDigits: 1))%"
    }
}
