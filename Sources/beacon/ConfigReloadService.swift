import BeaconConfigFiles
import BeaconCore
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

/// Reloads the configuration on SIGHUP. An invalid configuration is rejected with every error logged, and
/// the one running keeps running.
struct ConfigReloadService: Service {
    /// SIGHUP, trapped by the caller before the services start.
    let signals: UnixSignalsSequence
    let loader: ConfigLoader
    let logger: Logger
    let apply: @Sendable (BeaconConfig) -> Void

    func run() async throws {
        for await _ in signals.cancelOnGracefulShutdown() {
            do {
                let config = try loader.load()
                apply(config)
                logger.info("configuration reloaded", metadata: ["config.summary": "\(config.summary)"])
                for warning in config.rosterWarnings(from: Date()) { logger.warning("\(warning)") }
            } catch {
                for issue in error.issues { logger.error("\(issue)") }
                logger.error(
                    "configuration rejected; the previous one keeps running",
                    metadata: ["config.errors": "\(error.issues.count)"])
            }
        }
    }
}
