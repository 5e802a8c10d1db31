import Foundation

/// Serialises the small JSON bodies chat robots take.
enum JSONBody {
    /// `object` as compact JSON with sorted keys, so the same message is always the same bytes.
    static func encode(_ object: [String: Any]) throws(UndeliverableError) -> [UInt8] {
        do {
            let data = try JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            return Array(data)
        } catch {
            throw UndeliverableError("The message could not be encoded as JSON: \(error).")
        }
    }
}
