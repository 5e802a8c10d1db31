import Crypto
import Foundation

/// The HMAC-SHA256 signatures channels ask for.
enum ChannelSignature {
    /// Beacon's webhook signature: `sha256=` and the hex HMAC of the body, keyed by the channel secret.
    static func webhook(body: [UInt8], secret: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Array(secret.utf8)))
        return "sha256=" + code.map { String(format: "%02x", $0) }.joined()
    }

    /// DingTalk's robot signature: base64 of the HMAC of `"<timestamp ms>\n<secret>"`, keyed by the secret
    /// (not yet URL-encoded).
    static func dingTalk(timestampMillis: Int64, secret: String) -> String {
        let message = Array("\(timestampMillis)\n\(secret)".utf8)
        let code = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Array(secret.utf8)))
        return Data(code).base64EncodedString()
    }

    /// Feishu's robot signature: base64 of the HMAC of nothing, keyed by `"<timestamp s>\n<secret>"`.
    static func feishu(timestampSeconds: Int64, secret: String) -> String {
        let key = SymmetricKey(data: Array("\(timestampSeconds)\n\(secret)".utf8))
        let code = HMAC<SHA256>.authenticationCode(for: [UInt8](), using: key)
        return Data(code).base64EncodedString()
    }
}
