import Foundation

/// A fresh folder under the system's temporary directory, removed when the value is dropped.
public final class TemporaryDirectory: Sendable {
    public let path: String

    public init() {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("beacon-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// The path of `name` in the folder.
    public func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
