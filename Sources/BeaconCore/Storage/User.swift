public import Foundation

/// Who signs in to the console or calls the API: a person of the command chain (their layer, read from the
/// chain at every request, decides what they may do) or a service account for a tool, with a scope and no layer.
public struct User: Sendable, Hashable, Codable {
    public var id: Int64?
    public var login: String
    public var name: String
    /// As stored; a person's layer in force is the chain's (`inChain`).
    public var layer: Layer
    /// Set for a service account: what the tool may do.
    public var service: ServiceScope?
    public var admin: Bool
    public var passwordHash: String?
    public var disabled: Bool
    public var failedLogins: Int
    public var lockedUntil: Date?
    public var createdAt: Date

    public init(
        login: String, name: String, layer: Layer, admin: Bool, passwordHash: String?, createdAt: Date,
        service: ServiceScope? = nil
    ) {
        self.service = service
        self.login = login
        self.name = name
        self.layer = layer
        self.admin = admin
        self.passwordHash = passwordHash
        disabled = false
        failedLogins = 0
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id, login, name, layer, admin, disabled, service
        case passwordHash = "password_hash"
        case failedLogins = "failed_logins"
        case lockedUntil = "locked_until"
        case createdAt = "created_at"
    }
}

/// What a service account may do: `read` everything a person may read (dashboards, reports), or `intake`:
/// post alerts to `/api/alertmanager` besides. Neither acts on an incident as a person would.
public enum ServiceScope: String, Sendable, Hashable, Codable, CaseIterable {
    case read, intake
}

extension User {
    /// The user as the chain says now: a person with the layer and name `beacon.yaml` gives them, a service
    /// account as it is, or `nil` for a person whose login is no longer in the chain (who can no longer act).
    public func inChain(_ chain: CommandChain) -> User? {
        if service != nil { return self }
        guard let (person, layer) = chain.person(PersonID(login)), person.login == login else { return nil }
        var current = self
        current.layer = layer
        current.name = person.name
        return current
    }
}

/// An error about users, tokens and sessions, with a sentence a user can act on.
public struct UserError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: Sendable, Hashable { case exists, notFound, invalid }
    public var code: Code
    /// The catalog key of the sentence, and the values it names.
    public var key: String
    public var arguments: [String: String]

    public init(code: Code, key: String, _ arguments: [String: String] = [:]) {
        self.code = code
        self.key = key
        self.arguments = arguments
    }

    /// The sentence in English (the JSON API).
    public var message: String { message(in: .english) }
    public func message(in words: Localizer) -> String { words(key, arguments) }
    public var description: String { message }
}

extension User {
    /// Whether `login` is one a user may have: ASCII letters, digits, dots, dashes and underscores, 1 to 64.
    public static func isValidLogin(_ login: String) -> Bool {
        (1...64).contains(login.count)
            && login.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    }
}
