public import BeaconCore
public import Foundation
import GRDB

extension User: StoredValue {
    static let tableName = "user"

    mutating func didInsert(rowID: Int64) { id = rowID }
}

extension BeaconStore {
    /// The console's and the API's users, their tokens and sessions, in this store.
    public var people: SQLitePeople { SQLitePeople(store: self) }
}

/// Users, API tokens and console sessions in SQLite.
public struct SQLitePeople: PeopleRepository {
    let store: BeaconStore

    @discardableResult
    public func addUser(
        login: String, name: String, layer: Layer, admin: Bool, passwordHash: String?, at now: Date
    )
        async throws -> User
    {
        try await insert(
            User(login: login, name: name, layer: layer, admin: admin, passwordHash: passwordHash, createdAt: now))
    }

    public func addServiceAccount(login: String, scope: ServiceScope, at now: Date) async throws -> User {
        try await insert(
            User(
                login: login, name: login, layer: .operation, admin: false, passwordHash: nil, createdAt: now,
                service: scope))
    }

    private func insert(_ new: User) async throws -> User {
        let login = new.login
        guard User.isValidLogin(login) else {
            throw UserError(code: .invalid, key: "user.invalid_login")
        }
        return try await store.writer.write { db in
            if try User.filter(Column("login") == login).fetchCount(db) > 0 {
                throw UserError(code: .exists, key: "user.exists", ["login": login])
            }
            var user = new
            try user.insert(db)
            return user
        }
    }

    public func user(login: String) async throws -> User? {
        try await store.writer.read { db in try User.filter(Column("login") == login).fetchOne(db) }
    }

    public func users() async throws -> [User] {
        try await store.writer.read { db in try User.order(Column("login")).fetchAll(db) }
    }

    /// Changes a user, failing when there is no such user.
    @discardableResult
    public func updateUser(login: String, _ change: @escaping @Sendable (inout User) -> Void) async throws -> User {
        try await store.writer.write { db in
            guard var user = try User.filter(Column("login") == login).fetchOne(db) else {
                throw UserError(code: .notFound, key: "user.not_found", ["login": login])
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
    public func addToken(login: String, hash: String, prefix: String, at now: Date) async throws {
        try await store.writer.write { db in
            guard let user = try User.filter(Column("login") == login).fetchOne(db) else {
                throw UserError(code: .notFound, key: "user.not_found", ["login": login])
            }
            try db.execute(
                sql: "INSERT INTO api_token (user_id, token_hash, prefix, created_at) VALUES (?, ?, ?, ?)",
                arguments: [user.id, hash, prefix, now.timeIntervalSince1970])
        }
    }

    public func createInvitation(
        login: String, codeHash: String, expiresAt: Date, notifications: [PlannedNotification], at now: Date
    ) async throws {
        try await store.writer.write { db in
            try db.execute(
                sql: "INSERT INTO invitation (code_hash, login, expires_at, created_at) VALUES (?, ?, ?, ?)",
                arguments: [codeHash, login, expiresAt.timeIntervalSince1970, now.timeIntervalSince1970])
            for planned in notifications {
                var entry = OutboxEntry(planned, approvalID: nil, at: now)
                try entry.insert(db, onConflict: .ignore)
            }
        }
    }

    public func invitation(codeHash: String, at now: Date) async throws -> String? {
        try await store.writer.read { db in
            try String.fetchOne(
                db, sql: "SELECT login FROM invitation WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?",
                arguments: [codeHash, now.timeIntervalSince1970])
        }
    }

    public func acceptInvitation(codeHash: String, passwordHash: String, at now: Date) async throws -> User? {
        try await store.writer.write { db in
            guard
                let login = try String.fetchOne(
                    db,
                    sql: "SELECT login FROM invitation WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?",
                    arguments: [codeHash, now.timeIntervalSince1970]),
                var user = try User.filter(Column("login") == login).fetchOne(db), !user.disabled
            else { return nil }
            try db.execute(
                sql: "UPDATE invitation SET used_at = ? WHERE code_hash = ?",
                arguments: [now.timeIntervalSince1970, codeHash])
            user.passwordHash = passwordHash
            user.failedLogins = 0
            user.lockedUntil = nil
            try user.update(db)
            return user
        }
    }

    /// The enabled user a token hash belongs to, noting the token's use.
    public func user(tokenHash: String, at now: Date) async throws -> User? {
        try await store.writer.write { db in
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

    public func createSession(idHash: String, userID: Int64, csrf: String, expiresAt: Date, at now: Date) async throws {
        try await store.writer.write { db in
            try db.execute(
                sql: "INSERT INTO session (id_hash, user_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [idHash, userID, csrf, now.timeIntervalSince1970, expiresAt.timeIntervalSince1970])
        }
    }

    /// The enabled user of a live session, and the session's CSRF token.
    public func session(idHash: String, at now: Date) async throws -> (user: User, csrf: String)? {
        try await store.writer.read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT user_id, csrf FROM session WHERE id_hash = ? AND expires_at > ?",
                    arguments: [idHash, now.timeIntervalSince1970]),
                let user = try User.fetchOne(db, key: row["user_id"] as Int64), !user.disabled
            else { return nil }
            return (user, row["csrf"])
        }
    }

    public func deleteSession(idHash: String) async throws {
        try await store.writer.write { db in
            try db.execute(sql: "DELETE FROM session WHERE id_hash = ?", arguments: [idHash])
        }
    }
}
