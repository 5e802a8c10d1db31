public import Foundation

/// A person who signs in to the console or calls the API, with the layer that decides what they may do.
public struct User: Sendable, Hashable, Codable {
    public var id: Int64?
    public var login: String
    public var name: String
    public var layer: Layer
    public var admin: Bool
    public var passwordHash: String?
    public var disabled: Bool
    public var failedLogins: Int
    public var lockedUntil: Date?
    public var createdAt: Date

    public init(login: String, name: String, layer: Layer, admin: Bool, passwordHash: String?, createdAt: Date) {
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
        case id, login, name, layer, admin, disabled
        case passwordHash = "password_hash"
        case failedLogins = "failed_logins"
        case lockedUntil = "locked_until"
        case createdAt = "created_at"
    }
}

/// An error about users, tokens and sessions, with a sentence a user can act on.
public struct UserError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: Sendable, Hashable { case exists, notFound, invalid }
    public var code: Code
    public var message: String
    public var description: String { message }

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }
}
