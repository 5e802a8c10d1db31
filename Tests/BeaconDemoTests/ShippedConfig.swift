import BeaconConfigFiles
import BeaconCore
import Foundation

/// The configuration in the repository, as `beacon check` loads it.
enum ShippedConfig {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func load() throws -> BeaconConfig {
        try ConfigLoader(path: root.appendingPathComponent("beacon.yaml").path, environment: [:]).load()
    }
}
