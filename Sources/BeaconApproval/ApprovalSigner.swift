public import BeaconCore
import Crypto
public import Foundation

/// Makes and checks the links that answer an approval without signing in.
///
/// A token names the approval, the approver, the decision and an expiry, with a random nonce, signed with
/// HMAC-SHA256 under a key kept in the store. It cannot be guessed or altered; it is single-use because an
/// approval takes only its first answer.
public struct ApprovalSigner: Sendable {
    public struct Claim: Sendable, Hashable {
        public var approvalID: ApprovalID
        /// The approver's login or name.
        public var person: PersonID
        /// The answer the link gives; `nil` for a link whose page offers both (what an SMS carries).
        public var approve: Bool?
        public var expiresAt: Date

        public init(approvalID: ApprovalID, person: PersonID, approve: Bool?, expiresAt: Date) {
            self.approvalID = approvalID
            self.person = person
            self.approve = approve
            self.expiresAt = expiresAt
        }
    }

    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        case malformed, tampered, expired

        public var description: String {
            switch self {
            case .malformed: "This approval link is not valid."
            case .tampered: "This approval link has been altered and is not valid."
            case .expired: "This approval link has expired."
            }
        }
    }

    private let keyBytes: [UInt8]

    public init(key: [UInt8]) { keyBytes = key }

    private var key: SymmetricKey { SymmetricKey(data: keyBytes) }

    public func token(for claim: Claim, nonce: UInt64 = UInt64.random(in: .min ... .max)) -> String {
        let payload = [
            String(claim.approvalID.rawValue), claim.person.rawValue,
            claim.approve.map { $0 ? "approve" : "reject" } ?? "answer",
            String(Int64(claim.expiresAt.timeIntervalSince1970)), String(nonce, radix: 36),
        ].map { Self.encode(Data($0.utf8)) }.joined(separator: ".")
        return payload + "." + Self.encode(Data(HMAC<SHA256>.authenticationCode(for: Data(payload.utf8), using: key)))
    }

    /// Checks a token's signature and expiry.
    public func verify(_ token: String, at now: Date) throws(Failure) -> Claim {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, let signature = Self.decode(parts[5]) else { throw .malformed }
        let payload = parts[0..<5].joined(separator: ".")
        guard HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: Data(payload.utf8), using: key) else {
            throw .tampered
        }
        let fields = parts[0..<5].map { Self.decode($0).map { String(decoding: $0, as: UTF8.self) } }
        guard let idText = fields[0], let id = Int64(idText), let person = fields[1], let decision = fields[2],
            let expiryText = fields[3], let expiry = Int64(expiryText),
            ["approve", "reject", "answer"].contains(decision)
        else { throw .malformed }
        let claim = Claim(
            approvalID: ApprovalID(id), person: PersonID(person),
            approve: decision == "answer" ? nil : decision == "approve",
            expiresAt: Date(timeIntervalSince1970: TimeInterval(expiry)))
        guard now <= claim.expiresAt else { throw .expired }
        return claim
    }

    static func encode(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
