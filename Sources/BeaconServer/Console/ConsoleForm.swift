import Foundation
import Hummingbird

/// The fields of a posted console form (`application/x-www-form-urlencoded`).
struct ConsoleForm {
    /// The largest form accepted; notes and comments fit many times over.
    static let maxBytes = 32 * 1_024

    /// A body over ``maxBytes``.
    struct TooLarge: Error {
        var message: String { ConsoleFormat.t("error.form_larger", ["kib": "\(ConsoleForm.maxBytes / 1_024)"]) }
    }

    private var fields: [String: String]

    init(_ body: String) {
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(Self.decoded)
            guard let name = parts.first, fields[name] == nil else { continue }
            fields[name] = parts.count > 1 ? parts[1] : ""
        }
        self.fields = fields
    }

    static func read(_ request: Request) async throws -> ConsoleForm {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maxBytes)
        } catch {
            throw TooLarge()
        }
        return ConsoleForm(String(buffer: buffer))
    }

    subscript(_ name: String) -> String? { fields[name] }

    /// A field's text without surrounding white space, or nil when it is missing or blank.
    func text(_ name: String) -> String? {
        let text = fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return text.isEmpty ? nil : text
    }

    /// Whether the form carries the session's CSRF token. Callers with an API token have none to carry:
    /// a browser cannot be made to send their `Authorization` header.
    func carries(csrf expected: String?) -> Bool {
        guard let expected else { return true }
        guard let sent = fields["csrf"] else { return false }
        return Self.equalInConstantTime(Array(sent.utf8), Array(expected.utf8))
    }

    private static func decoded(_ part: Substring) -> String {
        let text = part.replacingOccurrences(of: "+", with: " ")
        return text.removingPercentEncoding ?? text
    }

    private static func equalInConstantTime(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count, !a.isEmpty else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
