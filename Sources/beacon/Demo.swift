import ArgumentParser
import BeaconCore
import BeaconDemo
import BeaconMonitor
import BeaconNotify
import BeaconServer
import BeaconStore
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

#if canImport(Glibc)
    import Glibc
#endif

extension Beacon {
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Localizer.terminal("help.demo.abstract"),
            discussion: Localizer.terminal("help.demo.discussion"))

        @OptionGroup var options: ConfigOptions
        @Option(help: .words("help.demo.port")) var port = 9100
        @Option(help: .words("help.demo.console_port")) var consolePort = 8080
        @Option(
            help: .words("help.demo.linger"))
        var linger: Int?
        @Flag(help: .words("help.demo.keep")) var keep = false

        static let demoPassword = "beacon-demo"

        func run() async throws {
            let logger = Logging.bootstrap(level: .error)
            let quiet = Logger(label: "beacon.demo") { _ in SwiftLogNoOpLogHandler() }
            let shipped = try options.load()
            let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("beacon-demo-\(UUID())")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { if !keep { try? FileManager.default.removeItem(at: directory) } }
            let store = try BeaconStore.open(path: directory.appendingPathComponent("beacon.sqlite").path)
            let scenario = DemoScenario.standard
            let clock = ContinuousClock()
            let started = clock.now
            let printer = DemoPrinter(started: started, words: shipped.words())
            let sinks = try await DemoSinks.start(channels: shipped.channels, logger: quiet)
            let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
            let shop = DemoMetricsServer(
                scenario: scenario, address: ListenAddress(host: "127.0.0.1", port: port),
                elapsed: DemoMetricsServer.elapsedTime(on: clock), logger: quiet, onRunning: { portSink.yield($0) })
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await shop.run() }
                guard let shopPort = await Self.first(ports, within: .seconds(10)) else {
                    throw ValidationError(printer.words("cli.error.demo_shop", ["port": "\(port)"]))
                }
                // The console binds the port itself (0: the system's choice), and the links follow the port it
                // got: a port found free and bound later could be taken by someone else in between.
                let requested = consolePort != 0 && FreePort.isFree(consolePort) ? consolePort : 0
                var config = sinks.route(
                    DemoConfig.compressed(shipped, metricsAddress: ListenAddress(host: "127.0.0.1", port: shopPort)))
                config.listen = ListenAddress(host: "127.0.0.1", port: requested)
                config.publicURL = "http://127.0.0.1:\(requested)"
                let users = try await Self.addUsers(config, people: store.people)
                let publicURL = Locked(config.publicURL)
                let (consolePorts, consoleSink) = AsyncStream.makeStream(of: Int.self)
                let daemon = try await Daemon(
                    config: config, store: OpenedStore(store), logger: logger, escalationTick: .milliseconds(250),
                    onChange: { printer.print($0, publicURL: publicURL.withLock { $0 }) },
                    onHTTPRunning: { consoleSink.yield($0) })
                let services = ServiceGroup(
                    configuration: ServiceGroupConfiguration(
                        services: daemon.services.map { .init(service: $0) }, gracefulShutdownSignals: [.sigint],
                        logger: quiet))
                group.addTask {
                    do {
                        try await services.run()
                    } catch {
                        // Said at once: a demo whose daemon stopped would otherwise run its script to an empty end.
                        printer.narrate(printer.words("cli.error.daemon_stopped", ["error": "\(error)"]))
                        throw error
                    }
                }
                guard let console = await Self.first(consolePorts, within: .seconds(10)) else {
                    throw ValidationError(printer.words("cli.error.demo_console", ["port": "\(requested)"]))
                }
                config.listen = ListenAddress(host: "127.0.0.1", port: console)
                config.publicURL = "http://127.0.0.1:\(console)"
                publicURL.withLock { $0 = config.publicURL }
                daemon.reload(config)
                let live = config
                printer.introduce(config: live, shopURL: "http://127.0.0.1:\(shopPort)", users: users)
                printer.narrate(Self.onDuty(live, at: Date()))
                group.addTask { await printer.follow(sinks.deliveries, config: live, answeringWith: daemon.client) }
                for phase in scenario.phases {
                    try await clock.sleep(until: started.advanced(by: phase.start))
                    printer.narrate(printer.narration(phase.name))
                    if phase.name == .settled, let line = try await Self.handOver(daemon.repositories, config: live) {
                        printer.narrate(line)
                    }
                }
                try await clock.sleep(until: started.advanced(by: scenario.duration))
                let finished = Date()
                let repositories = daemon.repositories
                for line in try await DemoPostMortem.complete(repositories: repositories, config: live, at: finished)
                    + DemoPostMortem.weekly(repositories: repositories, config: live, at: finished)
                {
                    printer.narrate(line)
                }
                if let linger {
                    try await clock.sleep(for: .seconds(linger))
                } else if isatty(STDOUT_FILENO) != 0 {
                    printer.narrate(printer.words("demo.over_linger", ["url": live.publicURL]))
                    for await _ in await UnixSignalsSequence(trapping: .sigint) { break }
                } else {
                    try await clock.sleep(for: .seconds(4))
                }
                await services.triggerGracefulShutdown()
                await sinks.stop()
                group.cancelAll()
                await daemon.client.shutdown()
            }
            try await printer.summarize(store.repositories(configuration: { shipped }))
            if keep { print(printer.words("demo.kept", ["path": "\(directory.path)/beacon.sqlite"])) }
        }

        /// Who the rosters put on duty now: only they are paged in a rostered layer.
        static func onDuty(_ config: BeaconConfig, at now: Date) -> String {
            let words = config.words()
            let layers = OnCallReport(config: config, overrides: [], at: now).layers.filter { $0.roster != nil }
            guard !layers.isEmpty else { return words("demo.no_roster") }
            let who = layers.map { duty in "\(words.layer(duty.layer)) — \(words.list(duty.onDuty.map(\.name)))" }
            return words("demo.on_duty", ["who": who.joined(separator: words("edit.separator"))])
        }

        /// The next operation lead takes the shift early, as on the console's on-call page: an override from now
        /// for eight hours. The handoff it makes is told to both leads like any other (the incoming one with the
        /// open incidents the layer holds).
        /// - Returns: what to narrate; `nil` when the operation layer has no roster or nobody else to take over.
        static func handOver(_ repositories: Repositories, config: BeaconConfig) async throws -> String? {
            let now = Date()
            let duty = config.onDuty(.operation, at: now)
            guard let roster = duty.roster, let current = duty.people.first,
                let next = config.chain.operation.people.first(where: { $0.id != current.id && $0.login != nil })
            else { return nil }
            let from = now.addingTimeInterval(1)
            _ = try await repositories.addOverride(
                RosterOverride(
                    roster: roster, person: next.id, from: from, to: from.addingTimeInterval(8 * 3_600),
                    createdBy: next.id.rawValue, reason: "takes the shift early (demo)", createdAt: now),
                config: config)
            return config.words()("demo.hand_over", ["next": next.name, "current": current.name])
        }

        /// One console user per person of the chain who has a login, all with the demo password.
        private static func addUsers(
            _ config: BeaconConfig, people: any PeopleRepository
        ) async throws -> [(String, Layer)] {
            let hash = Credentials.hashPassword(demoPassword, cost: 8)
            var users: [(String, Layer)] = []
            for layer in Layer.allCases {
                for person in config.chain[layer].people {
                    guard let login = person.login else { continue }
                    try await people.addUser(
                        login: login, name: person.name, layer: layer, admin: layer == .decision, passwordHash: hash,
                        at: Date())
                    users.append((login, layer))
                }
            }
            return users
        }

        private static func first(_ ports: AsyncStream<Int>, within limit: Duration) async -> Int? {
            await withTaskGroup(of: Int?.self) { group in
                group.addTask { await ports.first { _ in true } }
                group.addTask {
                    try? await Task.sleep(for: limit)
                    return nil
                }
                let first = await group.next() ?? nil
                group.cancelAll()
                return first
            }
        }
    }
}
