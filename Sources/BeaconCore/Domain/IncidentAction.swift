import Foundation

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
    /// A sentence safe to show a user, in English (the API's and the logs').
    public var message: String
    /// The sentence's catalog key and its values, to say it in another language; nil for a sentence only in English.
    public var key: String?
    public var arguments: [String: String] = [:]
    public var description: String { message }

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// An error said by the catalog's `key`. The values named `status`, `result`, `layer`, `owner`, `state`,
    /// `allowed` (statuses joined by " or ") and `missing` (`CloseNeed`s joined by ",") are raw values,
    /// `time` seconds since 1970 and an empty `name` someone unknown: each told in the reader's words and zone.
    public init(code: Code, key: String, _ arguments: [String: String] = [:]) {
        self.code = code
        self.key = key
        self.arguments = arguments
        message = ""
        message = self.message(in: .english)
    }

    /// Two refusals are the same when they say the same (in English), however they were made.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code && lhs.message == rhs.message }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(message)
    }

    /// The sentence in `words`' language.
    public func message(in words: Localizer) -> String {
        guard let key else { return message }
        var told = arguments
        for (name, value) in arguments {
            switch name {
            case "status", "result": told[name] = IncidentStatus(rawValue: value).map(words.status) ?? value
            case "layer", "owner": told[name] = Layer(rawValue: value).map(words.layer) ?? value
            case "state": told[name] = words("approval.\(value)")
            case "name" where value.isEmpty: told[name] = words("holder.someone")
            case "time":
                told[name] =
                    Double(value).map { Date(timeIntervalSince1970: $0) }.map { words.time($0, now: $0) } ?? "—"
            case "missing":
                told[name] = CloseNeed.list(
                    value.split(separator: ",").compactMap { CloseNeed(rawValue: String($0)) }, in: words)
            case "allowed":
                told[name] = value.components(separatedBy: " or ")
                    .map { IncidentStatus(rawValue: $0).map(words.status) ?? $0 }.joined(separator: words("list.or"))
            default: break
            }
        }
        return words(key, told)
    }

    public static func notFound(_ id: IncidentID) -> Self {
        Self(code: .notFound, key: "error.no_incident", ["id": "\(id)"])
    }

    public static func invalidTransition(
        _ id: IncidentID, _ action: IncidentAction, from status: IncidentStatus
    ) -> Self {
        let allowed = action.allowedFrom.map(\.rawValue).joined(separator: " or ")
        return Self(
            code: .invalidTransition, key: "error.transition",
            ["id": "\(id)", "status": status.rawValue, "result": action.result.rawValue, "allowed": allowed])
    }
}
