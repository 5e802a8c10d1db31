import BeaconCore
import BeaconDemo
import Foundation

/// The deliveries a sink reported, collected from its callback, with bounded waits for them to arrive.
final class DeliveryLog: Sendable {
    private let entries = Locked<[DemoDelivery]>([])

    /// The callback to give a sink.
    var record: @Sendable (DemoDelivery) -> Void {
        { [entries] delivery in entries.append(delivery) }
    }

    var all: [DemoDelivery] { entries.value }

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
