/// The loopback server could not start.
public struct LoopbackServerError: Error, Sendable, CustomStringConvertible {
    /// A sentence saying what failed.
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
