public import BeaconCore
public import Foundation
import GRDB

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

extension User: StoredValue {
    static let tableName = "user"

    mutating func didInsert(rowID: Int64) { id = rowID }
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

extension BeaconStore {
    @discardableResult
    public func addUser(
        login: String, name: String, layer: Layer, admin: Bool, passwordHash: String?, at now: Date
    )
        throws -> User
    {
        guard !login.isEmpty, login.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }) else {
            throw UserError(code: .invalid, message: "A login is letters, digits, dots, dashes and underscores.")
        }
        return try writer.write { db in
            if try User.filter(Column("login") == login).fetchCount(db) > 0 {
                throw UserError(code: .exists, message: "A user \"\(login)\" already exists.")
            }
            var user = User(
                login: login, name: name, layer: layer, admin: admin, passwordHash: passwordHash, createdAt: now)
            try user.insert(db)
            return user
        }
    }

    public func user(login: String) throws -> User? {
        try writer.read { db in try User.filter(Column("login") == login).fetchOne(db) }
    }

    public func users() throws -> [User] {
        try writer.read { db in try User.order(Column("login")).fetchAll(db) }
    }

    /// Changes a user, failing when there is no such user.
    @discardableResult
    public func updateUser(login: String, _ change: (inout User) -> Void) throws -> User {
        try writer.write { db in
            guard var user = try User.filter(Column("login") == login).fetchOne(db) else {
                throw UserError(code: .notFound, message: "No user \"\(login)\".")
            }
            change(&user)
            try user.update(db)
            if user.disabled {
                try db.execute(sql: "DELETE FROM session WHERE user_id = ?", arguments: [user.id])
            }
            return user
        }
    }

    /// Stores an API token's hash for a user.
    public func addToken(login: String, hash: String, prefix: String, at now: Date) throws {
        try writer.write { db in
            guard let user = try User.filter(Column("login") == login).fetchOne(db) else {
                throw UserError(code: .notFound, message: "No user \"\(login)\".")
            }
            try db.execute(
                sql: "INSERT INTO api_token (user_id, token_hash, prefix, created_at) VALUES (?, ?, ?, ?)",
                arguments: [user.id, hash, prefix, now.timeIntervalSince1970])
        }
    }

    /// The enabled user a token hash belongs to, noting the token's use.
    public func user(tokenHash: String, at now: Date) throws -> User? {
        try writer.write { db in
            guard
                let userID = try Int64.fetchOne(
                    db, sql: "SELECT user_id FROM api_token WHERE token_hash = ?", arguments: [tokenHash]),
                let user = try User.fetchOne(db, key: userID), !user.disabled
            else { return nil }
            try db.execute(
                sql: "UPDATE api_token SET last_used_at = ? WHERE token_hash = ?",
                arguments: [now.timeIntervalSince1970, tokenHash])
            return user
        }
    }

    public func createSession(idHash: String, userID: Int64, csrf: String, expiresAt: Date, at now: Date) throws {
        try writer.write { db in
            try db.execute(
                sql: "INSERT INTO session (id_hash, user_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [idHash, userID, csrf, now.timeIntervalSince1970, expiresAt.timeIntervalSince1970])
        }
    }

    /// The enabled user of a live session, and the session's CSRF token.
    public func session(idHash: String, at now: Date) throws -> (user: User, csrf: String)? {
        try writer.read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT user_id, csrf FROM session WHERE id_hash = ? AND expires_at > ?",
                    arguments: [idHash, now.timeIntervalSince1970]),
                let user = try User.fetchOne(db, key: row["user_id"] as Int64), !user.disabled
            else { return nil }
            return (user, row["csrf"])
        }
    }

    public func deleteSession(idHash: String) throws {
        try writer.write { db in try db.execute(sql: "DELETE FROM session WHERE id_hash = ?", arguments: [idHash]) }
    }
}
