public import BeaconCore
public import Foundation

/// Checks a login and password, throttling repeated failures.
public struct SignIn: Sendable {
    /// Failures in a row before the account is locked for `lockout`.
    public static let allowedFailures = 5
    public static let lockout: TimeInterval = 5 * 60

    let people: any PeopleRepository

    /// A hash no password matches, checked for unknown logins.
    static let decoy = Credentials.hashPassword(Credentials.randomText(bytes: 24))

    public init(people: any PeopleRepository) { self.people = people }

    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        case wrongCredentials
        case locked(until: Date)

        /// The same sentence for both, so an answer never tells whether a login exists: an unknown login can
        /// never be locked, and a locked account would otherwise give itself away.
        public var description: String {
            "Wrong login or password. After \(SignIn.allowedFailures) failed sign-ins an account waits "
                + "\(Int(SignIn.lockout / 60)) minutes."
        }
    }

    /// The user, if the password is right and the account neither disabled nor locked.
    public func check(login: String, password: String, at now: Date) async throws -> User {
        guard let user = try await people.user(login: login), !user.disabled, let hash = user.passwordHash else {
            // Spend what a real check spends, so the response time does not tell which logins exist.
            _ = Credentials.verify(password, hash: Self.decoy)
            throw Failure.wrongCredentials
        }
        if let until = user.lockedUntil, until > now {
            _ = Credentials.verify(password, hash: Self.decoy)
            throw Failure.locked(until: until)
        }
        guard Credentials.verify(password, hash: hash) else {
            try await people.updateUser(login: login) { user in
                user.failedLogins += 1
                if user.failedLogins >= Self.allowedFailures {
                    user.lockedUntil = now.addingTimeInterval(Self.lockout)
                    user.failedLogins = 0
                }
            }
            throw Failure.wrongCredentials
        }
        if user.failedLogins > 0 || user.lockedUntil != nil {
            return try await people.updateUser(login: login) { user in
                user.failedLogins = 0
                user.lockedUntil = nil
            }
        }
        return user
    }
}
