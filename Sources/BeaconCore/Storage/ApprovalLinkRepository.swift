public import Foundation

/// The short approval links sent to people and the store's own secrets (the key approval links are signed
/// with): what the approval pages check a request against.
public protocol ApprovalLinkRepository: Sendable {
    /// The link whose code hashes to `codeHash`, used or not.
    func shortLink(codeHash: String) async throws -> ShortLink?

    /// Marks the link used, once: `false` when it was used already (or does not exist), so two answers sent at
    /// the same moment cannot both pass.
    func useShortLink(codeHash: String, at now: Date) async throws -> Bool

    /// The secret named `name`, made of `bytes` random bytes the first time it is asked for and the same ever
    /// after, for every process sharing the store.
    func secret(_ name: String, bytes: Int) async throws -> [UInt8]
}

extension ApprovalLinkRepository {
    public func secret(_ name: String) async throws -> [UInt8] { try await secret(name, bytes: 32) }
}
