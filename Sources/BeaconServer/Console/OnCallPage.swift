import BeaconCore
import Foundation

/// `GET /oncall`: per rostered layer, who is on duty now and over the next 14 days, gaps flagged; the layer's
/// people take or give a shift and remove overrides here.
struct OnCallPage {
    struct Span {
        var when: String
        var who: String
        var gap: Bool
        var overridden: Bool
    }

    struct Override {
        var id: Int64
        var who: String
        var when: String
        var by: String
        var reason: String?
        var removable: Bool
    }

    struct Option {
        var value: String
        var label: String
        var selected: Bool
    }

    struct LayerRoster {
        var layer: String
        var layerName: String
        var roster: String
        var now: String
        var gapNow: Bool
        var spans: [Span]
        var gaps: Int
        var overrides: [Override]
        var hasOverrides: Bool
        /// The form to take or give a shift, for the layer's own people.
        var canChange: Bool
        var people: [Option]
    }

    struct Unrostered {
        var layer: String
        var people: String
    }

    var chrome: PageChrome
    var zone: String
    var rosters: [LayerRoster]
    var unrostered: [Unrostered]
    var hasRosters: Bool

    static let days = 14

    init(chrome: PageChrome, config: BeaconConfig, overrides: [RosterOverride], user: User, now: Date) {
        self.chrome = chrome
        let zone = config.rosterZone
        self.zone = zone.identifier
        func time(_ date: Date) -> String {
            LocalDateTime(date, in: zone).readable
        }
        func names(_ logins: [PersonID], _ layer: Layer) -> String {
            logins.map { login in config.chain[layer].people.first { $0.id == login }?.name ?? login.rawValue }
                .joined(separator: ", ")
        }
        var rostered: [LayerRoster] = []
        var unrostered: [Unrostered] = []
        for layer in Layer.allCases {
            let people = config.chain[layer].people
            guard let id = config.chain[layer].roster, let roster = config.roster(id) else {
                unrostered.append(
                    Unrostered(
                        layer: ConsoleFormat.words.layer(layer), people: ConsoleFormat.words.list(people.map(\.name))))
                continue
            }
            let schedule = config.schedule(roster, overrides: overrides)
            let spans = schedule.spans(from: now, to: now.addingTimeInterval(Double(Self.days) * 86_400))
            let current = schedule.onDuty(at: now)
            let member = people.contains { $0.id.rawValue == user.login }
            let canChange = member || user.admin
            rostered.append(
                LayerRoster(
                    layer: layer.rawValue, layerName: ConsoleFormat.words.layer(layer), roster: id,
                    now: current.people.isEmpty
                        ? ConsoleFormat.t("oncall.nobody") : names(current.people, layer),
                    gapNow: current.people.isEmpty,
                    spans: spans.map { span in
                        Span(
                            when: "\(time(span.from)) → \(span.until.map(time) ?? "…")",
                            who: span.people.isEmpty ? ConsoleFormat.t("oncall.gap") : names(span.people, layer),
                            gap: span.people.isEmpty, overridden: span.overridden)
                    },
                    gaps: spans.filter(\.people.isEmpty).count,
                    overrides: overrides.filter { $0.roster == id && $0.to > now }.map { item in
                        Override(
                            id: item.id ?? 0, who: names([item.person], layer),
                            when: "\(time(item.from)) → \(time(item.to))", by: item.createdBy, reason: item.reason,
                            removable: canChange)
                    },
                    hasOverrides: overrides.contains { $0.roster == id && $0.to > now }, canChange: canChange,
                    people: people.map {
                        Option(value: $0.id.rawValue, label: $0.name, selected: $0.id.rawValue == user.login)
                    }))
        }
        rosters = rostered
        self.unrostered = unrostered
        hasRosters = !rostered.isEmpty
    }
}
