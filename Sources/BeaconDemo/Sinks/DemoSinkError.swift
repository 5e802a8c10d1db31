/// Why a demo sink could not start.
public struct DemoSinkError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A sentence safe to show a user.
    public var message: String
    public var description: String { message }

    public init(_ message: String) {
        self.message = message
    }
}
