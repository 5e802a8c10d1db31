public import ArgumentParser
import BeaconCore
import BeaconMonitor
import BeaconPostgres
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

extension Beacon {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Localizer.terminal("help.serve.abstract"),
            discussion: Localizer.terminal("help.serve.discussion"))

        @OptionGroup var options: ConfigOptions

        @Option(help: .words("help.serve.log_level"))
        var logLevel: Logger.Level = .info

        func run() async throws {
            let logger = Logging.bootstrap(level: logLevel)
            FileLimit.raise(logger: logger)
            MallocArenas.limit(logger: logger)
            let config = try options.load()
            try ListenProbe.check(config.listen, words: config.words())
            let store = try await options.openStore(
                config, node: config.cluster.node ?? PostgresStore.defaultNode, logger: logger)
            let daemon = try await Daemon(config: config, store: store, logger: logger)
            // Trapped before any service starts: a SIGHUP that comes early reloads instead of ending the process.
            let hangups = await UnixSignalsSequence(trapping: .sighup)
            let reloader = ConfigReloadService(signals: hangups, loader: options.loader, logger: logger) {
                daemon.reload($0)
            }
            logger.info(
                "beacon serving",
                metadata: ["config.summary": "\(config.summary)", "listen": "\(config.listen)"])
            // A roster gap pages a whole layer: said at start (and at every reload), not only by `beacon check`.
            for warning in config.rosterWarnings(from: Date()) { logger.warning("\(warning)") }
            let group = ServiceGroup(
                configuration: ServiceGroupConfiguration(
                    services: (daemon.services + [reloader]).map { .init(service: $0) },
                    gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await group.run()
            await daemon.client.shutdown()
        }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

enum Logging {
    /// Sends logs to standard error, once per process.
    static func bootstrap(level: Logger.Level) -> Logger {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: "beacon")
    }
}
