import ArgumentParser
import BeaconCore
import BeaconDemo
import BeaconMonitor
import BeaconStore
import Foundation
import Logging

extension Beacon {
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run Beacon against a simulated shop for about a minute and print what it does.",
            discussion: """
                Serves every metric the shipped rules poll on 127.0.0.1, plays a scripted minute (payments fail, \
                a product's complaints spike, negative mentions jump), and runs the monitor on a temporary store \
                with the configuration's timings compressed to fit.
                """)

        @OptionGroup var options: ConfigOptions
        @Option(help: "The port of the simulated shop's endpoints (0 picks a free one).") var port = 9100
        @Flag(help: "Keep the temporary store instead of deleting it.") var keep = false

        func run() async throws {
            let logger = Logging.bootstrap(level: .error)
            let shipped = try options.load()
            let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("beacon-demo-\(UUID())")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { if !keep { try? FileManager.default.removeItem(at: directory) } }
            let store = try BeaconStore.open(path: directory.appendingPathComponent("beacon.sqlite").path)
            let scenario = DemoScenario.standard
            let clock = ContinuousClock()
            let started = clock.now
            let printer = DemoPrinter(started: started)
            let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
            let server = DemoMetricsServer(
                scenario: scenario, address: ListenAddress(host: "127.0.0.1", port: port),
                elapsed: DemoMetricsServer.elapsedTime(on: clock),
                logger: Logger(label: "beacon.demo.shop") { _ in SwiftLogNoOpLogHandler() },
                onRunning: { portSink.yield($0) })
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await server.run() }
                guard let boundPort = await Self.firstPort(ports, within: .seconds(10)) else {
                    throw ValidationError("Cannot serve the simulated shop on 127.0.0.1:\(port); try --port 0.")
                }
                let config = DemoConfig.compressed(
                    shipped, metricsAddress: ListenAddress(host: "127.0.0.1", port: boundPort))
                printer.introduce(config: config, shopURL: "http://127.0.0.1:\(boundPort)", store: directory.path)
                let monitor = MonitorService(
                    config: config, store: store, logger: logger, plansCommand: false,
                    onChange: { printer.print($0) })
                group.addTask { try await monitor.run() }
                for phase in scenario.phases {
                    try await clock.sleep(until: started.advanced(by: phase.start))
                    printer.narrate(phase.narration)
                }
                try await clock.sleep(until: started.advanced(by: scenario.duration + .seconds(4)))
                group.cancelAll()
            }
            try printer.summarize(store)
            if keep { print("The store is kept at \(directory.path)/beacon.sqlite") }
        }

        private static func firstPort(_ ports: AsyncStream<Int>, within limit: Duration) async -> Int? {
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
