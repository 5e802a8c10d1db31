public import BeaconCore
import Crypto
import Foundation
import HummingbirdBcrypt

/// Passwords, API tokens and session ids: how they are made and how they are kept.
public enum Credentials {
    /// A bcrypt hash of a password. Cost 12 in production; tests may lower it.
    public static func hashPassword(_ password: String, cost: UInt8 = 12) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    public static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// A new API token (`bcn_` and 43 random characters) and the hash to store; the token itself is shown once.
    public static func newToken() -> (token: String, hash: String, prefix: String) {
        let token = "bcn_" + randomText(bytes: 32)
        return (token, sha256(token), String(token.prefix(8)))
    }

    /// A random, URL-safe text of `bytes` random bytes.
    public static func randomText(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let data = Data((0..<bytes).map { _ in UInt8.random(in: 0...255, using: &generator) })
        return data.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Lowercase hex SHA-256: how tokens and session ids are stored.
    public static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// A password a person can actually use: at least 10 characters.
    /// The fewest characters a password may have.
    public static let minimumPasswordLength = 10

    public static func validate(password: String) throws(PasswordError) {
        guard password.count >= minimumPasswordLength else { throw PasswordError() }
    }
}

/// A password too weak to accept.
public struct PasswordError: Error, Sendable, CustomStringConvertible {
    /// The sentence in `words`' language.
    public func message(in words: Localizer) -> String {
        words("invite.weak", ["minimum": "\(Credentials.minimumPasswordLength)"])
    }

    public var description: String { message(in: .english) }
}
