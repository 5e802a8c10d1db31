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
    /// A sentence safe to show a user.
    public var message: String
    public var description: String { message }

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }
}
