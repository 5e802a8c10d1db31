import BeaconDemo
import Foundation

/// The deliveries a sink reported, collected from its callback, with bounded waits for them to arrive.
final class DeliveryLog: @unchecked Sendable {
    // `@unchecked`: `entries` is only touched under `lock`.
    private let lock = NSLock()
    private var entries: [DemoDelivery] = []

    /// The callback to give a sink.
    var record: @Sendable (DemoDelivery) -> Void {
        { [self] delivery in
            lock.lock()
            entries.append(delivery)
            lock.unlock()
        }
    }

    var all: [DemoDelivery] {
        lock.lock()
        defer { lock.unlock() }
        return entries
    }

    /// Waits until at least `count` deliveries arrived, checking every 10 ms for at most `timeout`.
    /// - Returns: the deliveries so far.
    @discardableResult
    func wait(for count: Int, timeout: Duration = .seconds(10)) async -> [DemoDelivery] {
        let step = Duration.milliseconds(10)
        for _ in 0..<Int(timeout / step) {
            if all.count >= count { break }
            try? await Task.sleep(for: step)
        }
        return all
    }
}
