/// What a person can do to an incident's status.
public enum IncidentAction: String, CaseIterable, Sendable, Codable, Hashable {
    case acknowledge, mitigate, resolve, close

    /// The status the action leads to.
    public var result: IncidentStatus {
        switch self {
        case .acknowledge: .acknowledged
        case .mitigate: .mitigated
        case .resolve: .resolved
        case .close: .closed
        }
    }

    /// The statuses the action may start from.
    public var allowedFrom: [IncidentStatus] {
        switch self {
        case .acknowledge: [.open]
        case .mitigate: [.open, .acknowledged]
        case .resolve: [.open, .acknowledged, .mitigated]
        case .close: [.resolved]
        }
    }
}

/// An error raised while reading or changing an incident.
public struct IncidentError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: Hashable, Sendable { case notFound, invalidTransition, invalidInput, forbidden, conflict }
    public var code: Code
    /// A sentence safe to show a user.
    public var message: String
    public var description: String { message }

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public static func notFound(_ id: IncidentID) -> Self {
        Self(code: .notFound, message: "No incident \(id).")
    }

    public static func invalidTransition(
        _ id: IncidentID, _ action: IncidentAction, from status: IncidentStatus
    ) -> Self {
        let allowed = action.allowedFrom.map(\.rawValue).joined(separator: " or ")
        return Self(
            code: .invalidTransition,
            message: "Incident \(id) is \(status.rawValue); it can be \(action.result.rawValue) only when \(allowed).")
    }
}
