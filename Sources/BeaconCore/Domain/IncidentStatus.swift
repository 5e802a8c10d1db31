/// Where an incident is in its life: `open` → `acknowledged` → `mitigated` → `resolved` → `closed`.
public enum IncidentStatus: String, CaseIterable, Sendable, Codable, Hashable {
    case open, acknowledged, mitigated, resolved, closed

    /// Whether the incident still needs a response (not yet resolved).
    public var isActive: Bool {
        switch self {
        case .open, .acknowledged, .mitigated: true
        case .resolved, .closed: false
        }
    }

    /// The statuses that still need a response.
    public static let active: [IncidentStatus] = allCases.filter(\.isActive)
}
