public import Foundation

/// The console's and the API's users, their API tokens and their console sessions.
public protocol PeopleRepository: Sendable {
    /// Adds a user.
    /// - Throws: `UserError` when the login is malformed or taken.
    @discardableResult
    func addUser(
        login: String, name: String, layer: Layer, admin: Bool, passwordHash: String?, at now: Date
    )
        async throws -> User

    /// Adds a service account: a tool's login with a scope, no layer and no password (it signs in with tokens).
    /// - Throws: `UserError` when the login is malformed or taken.
    @discardableResult
    func addServiceAccount(login: String, scope: ServiceScope, at now: Date) async throws -> User

    func user(login: String) async throws -> User?
    func users() async throws -> [User]

    /// Changes a user; disabling one ends their sessions.
    /// - Throws: `UserError` when there is no such user.
    @discardableResult
    func updateUser(login: String, _ change: @escaping @Sendable (inout User) -> Void) async throws -> User

    /// Stores an API token's hash for a user.
    func addToken(login: String, hash: String, prefix: String, at now: Date) async throws

    /// The enabled user a token hash belongs to, noting the token's use.
    func user(tokenHash: String, at now: Date) async throws -> User?

    func createSession(idHash: String, userID: Int64, csrf: String, expiresAt: Date, at now: Date) async throws

    /// The enabled user of a live session, and the session's CSRF token.
    func session(idHash: String, at now: Date) async throws -> (user: User, csrf: String)?

    func deleteSession(idHash: String) async throws

    /// Keeps a one-time invitation for `login` under the hash of its code, and queues `notifications` (the link,
    /// on the person's personal channels) with it.
    func createInvitation(
        login: String, codeHash: String, expiresAt: Date, notifications: [PlannedNotification], at now: Date)
        async throws

    /// The login an unused, unexpired invitation is for, or `nil`.
    func invitation(codeHash: String, at now: Date) async throws -> String?

    /// Sets the invited person's password and uses the invitation up, once: `nil` when it was used, expired or
    /// never existed (two requests with the same code cannot both pass).
    func acceptInvitation(codeHash: String, passwordHash: String, at now: Date) async throws -> User?
}
