import ArgumentParser
import BeaconCore
import BeaconMonitor
import BeaconPostgres
import Foundation

extension Beacon {
    struct ClusterCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cluster", abstract: Localizer.terminal("help.cluster.abstract"), subcommands: [Status.self])
    }
}

extension Beacon.ClusterCommand {
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: Localizer.terminal("help.cluster_status.abstract"))

        @OptionGroup var options: ConfigOptions
        @Flag(help: .words("help.json")) var json = false

        /// One node as the command prints it.
        struct Node: Encodable {
            var name: String
            var alive: Bool
            var heartbeatAge: Double
            var startedAt: Date
            var sources: Int
            var claims: Int

            enum CodingKeys: String, CodingKey {
                case name, alive, sources, claims
                case heartbeatAge = "heartbeat_age"
                case startedAt = "started_at"
            }
        }

        func run() async throws {
            let config = try options.load()
            let words = config.words()
            let opened = try await options.openStore(config)
            guard case .postgres(let store) = opened.kind else {
                print(words("cli.cluster.sqlite"))
                return
            }
            let statuses = try await store.nodes()
            let beat = config.cluster.heartbeat * 3 / 2
            let deadAfter = Double(beat.components.seconds) + Double(beat.components.attoseconds) / 1e18
            let alive = statuses.filter { $0.heartbeatAge <= deadAfter }.map(\.name)
            let keys = Set(config.rules.map { SourcePlan.key(of: $0.source) })
            var owned: [String: Int] = [:]
            for key in keys {
                if let owner = RendezvousHash.owner(of: key, among: alive) { owned[owner, default: 0] += 1 }
            }
            let nodes = statuses.map { status in
                Node(
                    name: status.name, alive: alive.contains(status.name), heartbeatAge: status.heartbeatAge,
                    startedAt: status.startedAt, sources: owned[status.name] ?? 0, claims: status.claims)
            }
            if json { return try printJSON(nodes) }
            guard !nodes.isEmpty else { return print(words("cli.cluster.none")) }
            print(words("cli.cluster.summary", ["alive": "\(alive.count)", "sources": "\(keys.count)"]))
            for node in nodes {
                print(
                    words(
                        node.alive ? "cli.cluster.node" : "cli.cluster.node_dead",
                        [
                            "name": node.name, "age": words.duration(node.heartbeatAge), "sources": "\(node.sources)",
                            "claims": "\(node.claims)",
                        ]))
            }
        }
    }
}
