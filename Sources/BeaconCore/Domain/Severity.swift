/// How bad an incident is, from `sev1` (critical) to `sev4` (minor).
///
/// Ordered by severity: `sev4 < sev3 < sev2 < sev1`, so `max()` picks the worst.
public enum Severity: String, CaseIterable, Sendable, Codable, Hashable, Comparable {
    case sev1, sev2, sev3, sev4

    /// 1 for `sev1` … 4 for `sev4`, as people say it ("a sev2").
    public var rank: Int {
        switch self {
        case .sev1: 1
        case .sev2: 2
        case .sev3: 3
        case .sev4: 4
        }
    }

    /// The plan's word for the level: critical (重大), major (较大), moderate (一般), minor (轻微).
    public var label: String {
        switch self {
        case .sev1: "critical"
        case .sev2: "major"
        case .sev3: "moderate"
        case .sev4: "minor"
        }
    }

    /// Every severity, worst first.
    public static let worstFirst: [Severity] = [.sev1, .sev2, .sev3, .sev4]

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank > rhs.rank }
}
