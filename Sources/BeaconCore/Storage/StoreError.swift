/// An error raised while opening or using a store, with a message a user can act on. Every store backend throws
/// it, so callers catch one type whichever store they run on.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: Hashable, Sendable {
        case notADatabase
        case notBeacon
        case newerSchema
        case notFound
        case conflict
    }

    public var code: Code
    /// The catalog key of the sentence (`store.not_a_database`), and the values it names.
    public var key: String
    public var arguments: [String: String]

    public init(code: Code, key: String, _ arguments: [String: String] = [:]) {
        self.code = code
        self.key = key
        self.arguments = arguments
    }

    /// The sentence in English (logs, the JSON API).
    public var message: String { message(in: .english) }

    /// The sentence in `words`' language.
    public func message(in words: Localizer) -> String { words(key, arguments) }

    public var description: String { message }
}
