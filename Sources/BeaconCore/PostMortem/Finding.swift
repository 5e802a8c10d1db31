public import Foundation

/// One of the three questions every post-mortem answers, with its verdict and the evidence for it.
public struct Finding: Sendable, Hashable, Codable {
    public var kind: FindingKind
    /// `true` when the answer is yes (warned early, responded fast, fully solved).
    public var verdict: Bool
    /// Facts from the record that support the verdict.
    public var facts: [Evidence]

    /// The facts as English sentences, as the API and the raw JSON say them.
    public var evidence: [String] { facts.map(FindingText.english.sentence) }

    public init(kind: FindingKind, verdict: Bool, facts: [Evidence]) {
        self.kind = kind
        self.verdict = verdict
        self.facts = facts
    }

    enum CodingKeys: String, CodingKey { case kind, verdict, evidence }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(FindingKind.self, forKey: .kind)
        verdict = try container.decode(Bool.self, forKey: .verdict)
        facts = try container.decode([String].self, forKey: .evidence).map(Evidence.text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(evidence, forKey: .evidence)
    }
}

/// The questions a post-mortem answers.
public enum FindingKind: String, CaseIterable, Sendable, Codable, Hashable, CodingKeyRepresentable {
    case warnedEarly = "warned_early"
    case respondedFast = "responded_fast"
    case fullySolved = "fully_solved"

    /// The question as a director reads it.
    public var question: String {
        switch self {
        case .warnedEarly: "Were we warned early?"
        case .respondedFast: "Did we respond fast?"
        case .fullySolved: "Is it fully solved?"
        }
    }
}

/// Renders durations as people say them: `45s`, `12m`, `2h 5m`, `3d 4h`.
public enum DurationText {
    public static func render(_ seconds: TimeInterval) -> String {
        let total = Int(abs(seconds).rounded())
        let (days, hours, minutes, secs) = (total / 86_400, total % 86_400 / 3_600, total % 3_600 / 60, total % 60)
        if days > 0 { return hours > 0 ? "\(days)d \(hours)h" : "\(days)d" }
        if hours > 0 { return minutes > 0 ? "\(hours)h \(minutes)m" : "\(hours)h" }
        if minutes > 0 { return secs > 0 ? "\(minutes)m \(secs)s" : "\(minutes)m" }
        return "\(secs)s"
    }
}
