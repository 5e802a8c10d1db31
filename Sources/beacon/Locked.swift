import Synchronization

/// A value shared between tasks behind a lock.
final class Locked<Value: Sendable>: Sendable {
    private let storage: Mutex<Value>

    init(_ value: Value) { storage = Mutex(value) }

    func withLock<T>(_ body: (inout Value) -> T) -> T { storage.withLock { body(&$0) } }
}

extension Locked {
    func append<Element>(_ element: Element) where Value == [Element] { withLock { $0.append(element) } }

    /// Returns the elements and leaves the array empty.
    func take<Element>() -> [Element] where Value == [Element] {
        withLock { value in
            defer { value.removeAll() }
            return value
        }
    }
}
