/// What the services report for `/metrics`; the server implements it, tests and tools ignore it.
public protocol Instrumentation: Sendable {
    /// A poll of a source finished; `failure` says why it failed, `nil` when it succeeded.
    func polled(source: String, failure: String?)
    /// One poll result was evaluated against its rules, in `seconds`.
    func evaluated(seconds: Double)
    /// A notification attempt on a channel finished.
    func notified(channel: String, delivered: Bool)
    /// Deadlines fired, escalating or reminding.
    func deadlinesFired(_ count: Int)
}

/// Reports nothing.
public struct NoInstrumentation: Instrumentation {
    public init() {}
    public func polled(source: String, failure: String?) {}
    public func evaluated(seconds: Double) {}
    public func notified(channel: String, delivered: Bool) {}
    public func deadlinesFired(_ count: Int) {}
}
