public import BeaconCore
public import Foundation
import PostgresNIO

extension PostgresStore {
    /// The console's and the API's users, tokens, sessions and invitations in this store.
    public var people: PostgresPeople { PostgresPeople(store: self) }
}

/// Users, API tokens, console sessions and invitations in PostgreSQL: the same answers as the SQLite store's, and
/// whichever node a request reaches sees the same sessions (a session is a row, not a node's memory).
public struct PostgresPeople: PeopleRepository {
    let store: PostgresStore

    private var logger: Logger { store.logger }

    @discardableResult
    public func addUser(
        login: String, name: String, layer: Layer, admin: Bool, passwordHash: String?, at now: Date
    ) async throws -> User {
        try await insert(
            User(login: login, name: name, layer: layer, admin: admin, passwordHash: passwordHash, createdAt: now))
    }

    @discardableResult
    public func addServiceAccount(login: String, scope: ServiceScope, at now: Date) async throws -> User {
        try await insert(
            User(
                login: login, name: login, layer: .operation, admin: false, passwordHash: nil, createdAt: now,
                service: scope))
    }

    private func insert(_ new: User) async throws -> User {
        guard User.isValidLogin(new.login) else { throw UserError(code: .invalid, key: "user.invalid_login") }
        let rows = try await store.client.query(
            try PostgresRecord.insert(
                new, into: "\"user\"", omitting: ["id"], returning: "id", onConflict: "(login) DO NOTHING"),
            logger: logger)
        for try await id in rows.decode(Int64.self) {
            var user = new
            user.id = id
            return user
        }
        throw UserError(code: .exists, key: "user.exists", ["login": new.login])
    }

    public func user(login: String) async throws -> User? {
        try await users(try await store.client.query("SELECT * FROM \"user\" WHERE login = \(login)", logger: logger))
            .first
    }

    public func users() async throws -> [User] {
        try await users(try await store.client.query("SELECT * FROM \"user\" ORDER BY login", logger: logger))
    }

    @discardableResult
    public func updateUser(login: String, _ change: @escaping @Sendable (inout User) -> Void) async throws -> User {
        try await store.transaction { connection in
            let rows = try await connection.query(
                "SELECT * FROM \"user\" WHERE login = \(login) FOR UPDATE", logger: logger)
            guard var user = try await users(rows).first else {
                throw UserError(code: .notFound, key: "user.not_found", ["login": login])
            }
            change(&user)
            try await connection.query(try PostgresRecord.update(user, in: "\"user\"", key: ["id"]), logger: logger)
            if user.disabled, let id = user.id {
                try await connection.query("DELETE FROM session WHERE user_id = \(id)", logger: logger)
            }
            return user
        }
    }

    public func addToken(login: String, hash: String, prefix: String, at now: Date) async throws {
        let rows = try await store.client.query(
            """
            INSERT INTO api_token (user_id, token_hash, prefix, created_at)
            SELECT id, \(hash), \(prefix), \(now) FROM "user" WHERE login = \(login)
            RETURNING id
            """, logger: logger)
        for try await _ in rows.decode(Int64.self) { return }
        throw UserError(code: .notFound, key: "user.not_found", ["login": login])
    }

    public func user(tokenHash: String, at now: Date) async throws -> User? {
        let rows = try await store.client.query(
            """
            WITH used AS (
                UPDATE api_token SET last_used_at = \(now) WHERE token_hash = \(tokenHash) RETURNING user_id)
            SELECT u.* FROM "user" u JOIN used ON used.user_id = u.id WHERE NOT u.disabled
            """, logger: logger)
        return try await users(rows).first
    }

    public func createSession(idHash: String, userID: Int64, csrf: String, expiresAt: Date, at now: Date) async throws {
        try await store.client.query(
            """
            INSERT INTO session (id_hash, user_id, csrf, created_at, expires_at)
            VALUES (\(idHash), \(userID), \(csrf), \(now), \(expiresAt))
            """, logger: logger)
    }

    public func session(idHash: String, at now: Date) async throws -> (user: User, csrf: String)? {
        let rows = try await store.client.query(
            """
            SELECT u.*, s.csrf AS session_csrf FROM session s JOIN "user" u ON u.id = s.user_id
            WHERE s.id_hash = \(idHash) AND s.expires_at > \(now) AND NOT u.disabled
            """, logger: logger)
        for try await row in rows {
            let user = try PostgresRecord.decode(User.self, from: row)
            return (user, try row.makeRandomAccess()["session_csrf"].decode(String.self))
        }
        return nil
    }

    public func deleteSession(idHash: String) async throws {
        try await store.client.query("DELETE FROM session WHERE id_hash = \(idHash)", logger: logger)
    }

    public func createInvitation(
        login: String, codeHash: String, expiresAt: Date, notifications: [PlannedNotification], at now: Date
    ) async throws {
        try await store.transaction { connection in
            try await connection.query(
                """
                INSERT INTO invitation (code_hash, login, expires_at, created_at)
                VALUES (\(codeHash), \(login), \(expiresAt), \(now))
                """, logger: logger)
            for planned in notifications {
                try await PostgresOutbox.queue(
                    OutboxEntry(planned, approvalID: nil, at: now), on: connection, logger: logger)
            }
        }
    }

    public func invitation(codeHash: String, at now: Date) async throws -> String? {
        let rows = try await store.client.query(
            "SELECT login FROM invitation WHERE code_hash = \(codeHash) AND used_at IS NULL AND expires_at > \(now)",
            logger: logger)
        for try await login in rows.decode(String.self) { return login }
        return nil
    }

    public func acceptInvitation(codeHash: String, passwordHash: String, at now: Date) async throws -> User? {
        do {
            return try await accept(codeHash: codeHash, passwordHash: passwordHash, at: now)
        } catch is Rollback {
            return nil
        }
    }

    private func accept(codeHash: String, passwordHash: String, at now: Date) async throws -> User? {
        try await store.transaction { connection in
            // Using the invitation up first, under its row's lock: of two requests with one code, one gets the row.
            let used = try await connection.query(
                """
                UPDATE invitation SET used_at = \(now)
                WHERE code_hash = \(codeHash) AND used_at IS NULL AND expires_at > \(now)
                RETURNING login
                """, logger: logger)
            var invited: String?
            for try await login in used.decode(String.self) { invited = login }
            guard let invited else { return nil }
            let rows = try await connection.query(
                """
                UPDATE "user" SET password_hash = \(passwordHash), failed_logins = 0, locked_until = NULL
                WHERE login = \(invited) AND NOT disabled
                RETURNING *
                """, logger: logger)
            guard let user = try await users(rows).first else {
                throw Rollback()
            }
            return user
        }
    }

    /// Undoes a transaction whose work turned out not to apply.
    struct Rollback: Error {}

    private func users(_ rows: PostgresRowSequence) async throws -> [User] {
        var users: [User] = []
        for try await row in rows { users.append(try PostgresRecord.decode(User.self, from: row)) }
        return users
    }
}
