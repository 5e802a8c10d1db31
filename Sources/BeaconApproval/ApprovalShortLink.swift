import Crypto
import Foundation

/// The codes of short approval links: 14 characters of base62 (83 random bits), kept only as SHA-256.
public enum ApprovalShortLink {
    /// The path before the code: `/a/Xk3…`.
    public static let pathPrefix = "/a/"
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
    public static let codeLength = 14

    /// A new random code.
    public static func makeCode<G: RandomNumberGenerator>(using generator: inout G) -> String {
        String((0..<codeLength).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    /// Whether `text` could be a code: the right length and alphabet (checked before any lookup).
    public static func isWellFormed(_ text: String) -> Bool {
        text.count == codeLength && text.allSatisfy { alphabet.contains($0) }
    }

    /// What the store keeps: the lowercase hex SHA-256 of the code.
    public static func hash(_ code: String) -> String {
        SHA256.hash(data: Data(code.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
