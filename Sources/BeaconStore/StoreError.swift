/// An error raised while opening or using the store, with a message a user can act on.
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

    static func notADatabase(_ path: String) -> Self {
        Self(code: .notADatabase, message: "\(path) is not an SQLite database; Beacon left it untouched.")
    }

    static func notBeacon(_ path: String) -> Self {
        Self(
            code: .notBeacon,
            message: "\(path) is an SQLite database of another application; Beacon left it untouched.")
    }

    static func newerSchema(_ path: String, unknown: [String]) -> Self {
        Self(
            code: .newerSchema,
            message: "\(path) was written by a newer Beacon (schema \(unknown.joined(separator: ", ")) is unknown "
                + "to this version); upgrade Beacon. The file was left untouched.")
    }
}
