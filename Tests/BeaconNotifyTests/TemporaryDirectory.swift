import Foundation

/// A fresh folder under the system's temporary directory, removed when the value is dropped.
final class TemporaryDirectory: Sendable {
    let path: String

    init() {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("beacon-notify-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
