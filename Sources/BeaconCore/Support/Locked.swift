import Synchronization

/// A value shared between threads and tasks behind a lock: Beacon's one lock type, a `Mutex` in a class so that it
/// can be shared.
public final class Locked<Value: Sendable>: Sendable {
    private let storage: Mutex<Value>

    public init(_ value: Value) { storage = Mutex(value) }

    /// Runs `body` with exclusive access to the value; keep it short and never `await` inside.
    public func withLock<Result, Failure: Error>(
        _ body: (inout Value) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try storage.withLock { (value: inout Value) throws(Failure) -> Result in try body(&value) }
    }

    /// The value now.
    public var value: Value { withLock { $0 } }
}

extension Locked {
    public func append<Element>(_ element: Element) where Value == [Element] { withLock { $0.append(element) } }

    /// Returns the elements and leaves the array empty.
    public func take<Element>() -> [Element] where Value == [Element] {
        withLock { value in
            defer { value.removeAll() }
            return value
        }
    }
}
