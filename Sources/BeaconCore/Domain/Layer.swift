/// A level of the three-level command chain (三级应急指挥体系).
public enum Layer: String, CaseIterable, Sendable, Codable, Hashable {
    /// Team leads and senior agents on call: the front line (操作层).
    case operation
    /// Directors of CS, tech, operations and legal: assessment and coordination (执行层).
    case execution
    /// Executives: final decisions and approvals (决策层).
    case decision

    /// What the plan has the layer's people do, as a director reads it in a post-mortem.
    public var duty: String {
        switch self {
        case .operation: "on-call leads"
        case .execution: "directors"
        case .decision: "executives"
        }
    }

    /// The layer a missed deadline escalates to, or `nil` at the top.
    public var above: Layer? {
        switch self {
        case .operation: .execution
        case .execution: .decision
        case .decision: nil
        }
    }
}
