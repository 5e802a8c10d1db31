import ArgumentParser
import BeaconCore
import Foundation

extension Beacon {
    struct OnCall: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "oncall", abstract: Localizer.terminal("help.on_call.abstract"),
            subcommands: [Show.self, Override.self, Remove.self, Overrides.self], defaultSubcommand: Show.self)
    }
}

extension Beacon.OnCall {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Localizer.terminal("help.oncall_show.abstract"))

        @OptionGroup var options: ConfigOptions
        @Option(help: .words("help.show.at")) var at: String?
        @Flag(help: .words("help.json")) var json = false

        func run() async throws {
            let config = try options.loadMain()
            let moment = try at.map { try instant($0, in: config) } ?? Date()
            let overrides = try await options.openRepositories(config).rosters.overrides(
                roster: nil, from: moment, to: moment.addingTimeInterval(15 * 86_400))
            let report = OnCallReport(config: config, overrides: overrides, at: moment)
            if json { return try printJSON(report) }
            print(Self.render(report, zone: config.rosterZone, words: config.words()))
        }

        static func render(_ report: OnCallReport, zone: TimeZone, words: Localizer = .english) -> String {
            func time(_ date: Date) -> String {
                LocalDateTime(date, in: zone).readable
            }
            func people(_ shifts: [OnCallReport.Shift]) -> String {
                words.list(shifts.map { words("channel.person", ["name": $0.name, "layer": $0.login]) })
            }
            var lines = [words("cli.oncall.at", ["time": time(report.at), "zone": zone.identifier])]
            for duty in report.layers {
                let layer = words.layer(duty.layer)
                guard let roster = duty.roster else {
                    lines.append("  " + words("cli.oncall.everyone", ["layer": layer, "people": people(duty.onDuty)]))
                    continue
                }
                var line = "  " + words("cli.oncall.layer", ["layer": layer, "roster": roster])
                line += duty.gap ? words("cli.oncall.nobody") : people(duty.onDuty)
                if duty.overridden { line += words("cli.oncall.override") }
                if let until = duty.onDuty.first?.until { line += words("cli.oncall.until", ["time": time(until)]) }
                if !duty.next.isEmpty { line += words("cli.oncall.next", ["people": people(duty.next)]) }
                lines.append(line)
            }
            return lines.joined(separator: "\n")
        }
    }

    struct Override: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Localizer.terminal("help.override.abstract"))

        @OptionGroup var options: ConfigOptions
        @Argument(help: .words("help.override.roster")) var roster: String
        @Option(help: .words("help.override.person")) var person: String
        @Option(help: .words("help.override.from")) var from: String
        @Option(help: .words("help.override.to")) var to: String
        @Option(name: .customLong("as"), help: .words("help.override.actor"))
        var actor: String
        @Option(help: .words("help.override.reason")) var reason: String?

        func run() async throws {
            let config = try options.loadMain()
            let (actorName, _) = try options.actor(actor, in: config)
            let now = Date()
            let override = RosterOverride(
                roster: roster, person: PersonID(config.chain.person(person)?.person.id.rawValue ?? person),
                from: try instant(from, in: config), to: try instant(to, in: config), createdBy: actorName,
                reason: reason, createdAt: now)
            let repositories = try await options.openRepositories(config)
            let stored = try await perform(config.words()) {
                try await repositories.addOverride(override, config: config)
            }
            print(
                config.words()(
                    "cli.override.added",
                    [
                        "id": "\(stored.id ?? 0)", "person": stored.person.rawValue, "roster": roster, "from": from,
                        "to": to,
                    ]))
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove", abstract: Localizer.terminal("help.remove.abstract"))

        @OptionGroup var options: ConfigOptions
        @Argument(help: .words("help.remove.id")) var id: Int64
        @Option(name: .customLong("as"), help: .words("help.remove.actor")) var actor: String

        func run() async throws {
            let config = try options.loadMain()
            let (actorName, _) = try options.actor(actor, in: config)
            let repositories = try await options.openRepositories(config)
            let removed = try await perform(config.words()) {
                try await repositories.removeOverride(id, by: actorName, config: config, at: Date())
            }
            guard removed != nil else {
                printErrors([config.words()("flash.no_override_id", ["id": "\(id)"])])
                throw ExitCode.failure
            }
            print(config.words()("flash.override_removed", ["id": "\(id)"]))
        }
    }

    struct Overrides: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: Localizer.terminal("help.overrides.abstract"))

        @OptionGroup var options: ConfigOptions
        @Argument(help: .words("help.overrides.roster")) var roster: String?
        @Option(help: .words("help.overrides.at")) var at: String?

        func run() async throws {
            let config = try options.loadMain()
            let now = try at.map { try instant($0, in: config) } ?? Date()
            let overrides = try await options.openRepositories(config).rosters.overrides(
                roster: roster, from: now, to: .distantFuture)
            let zone = config.rosterZone
            for item in overrides {
                let span = [item.from, item.to].map {
                    LocalDateTime($0, in: zone).readable
                }
                print(
                    "\(item.id ?? 0)  \(item.roster)  \(item.person)  \(span[0]) → \(span[1])  "
                        + config.words()("cli.override.by", ["name": item.createdBy])
                        + (item.reason.map { "  (\($0))" } ?? ""))
            }
            if overrides.isEmpty { print(config.words()("cli.override.none")) }
        }
    }
}

/// `2026-12-08T20:00` in the configuration's zone, or an RFC 3339 time with its own offset.
func instant(_ text: String, in config: BeaconConfig) throws -> Date {
    guard let date = config.time(text) else {
        throw ValidationError(config.words()("cli.error.time", ["text": text]))
    }
    return date
}
