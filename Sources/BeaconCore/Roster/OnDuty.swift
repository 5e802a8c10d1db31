public import Foundation

/// Who of a layer is paged at a moment: the person on duty in a rostered layer, everyone in a layer without a
/// roster, and everyone in a rostered layer that has a gap (said on the timeline).
public struct OnDuty: Sendable, Hashable {
    public var layer: Layer
    public var people: [Person]
    /// The roster read, if the layer has one.
    public var roster: String?
    /// Whether the roster had nobody on duty, so the whole layer is paged.
    public var gap: Bool
}

extension BeaconConfig {
    /// The zone roster hours are read in: the configured one (the machine's when the loader filled it), else UTC.
    public var rosterZone: TimeZone { timeZone ?? TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0)! }

    public func roster(_ id: String) -> Roster? { rosters.first { $0.id == id } }

    /// A roster read against the calendar, the zone and `overrides`.
    public func schedule(_ roster: Roster, overrides: [RosterOverride] = []) -> RosterSchedule {
        RosterSchedule(roster: roster, calendar: holidays, timeZone: rosterZone, overrides: overrides)
    }

    /// Who of `layer` is paged at `date`.
    public func onDuty(_ layer: Layer, at date: Date, overrides: [RosterOverride] = []) -> OnDuty {
        let everyone = chain[layer].people
        guard let id = chain[layer].roster, let roster = roster(id) else {
            return OnDuty(layer: layer, people: everyone, roster: nil, gap: false)
        }
        let logins = schedule(roster, overrides: overrides).onDuty(at: date).people
        let people = logins.compactMap { login in everyone.first { $0.id == login } }
        guard !people.isEmpty else { return OnDuty(layer: layer, people: everyone, roster: id, gap: true) }
        return OnDuty(layer: layer, people: people, roster: id, gap: false)
    }
}

extension BeaconConfig {
    /// What `beacon check` warns about in the `days` days from `now`: every time a rostered layer has nobody on
    /// duty (it would page the whole layer then), and a rotation layer that never has anyone on duty because a
    /// later layer always covers it.
    /// - Parameter words: the language they are written in (English for logs).
    public func rosterWarnings(from now: Date, days: Int = 14, in words: Localizer = .english) -> [String] {
        let end = now.addingTimeInterval(Double(days) * 86_400)
        var warnings: [String] = []
        let zone = rosterZone
        for layer in Layer.allCases {
            guard let id = chain[layer].roster, let roster = roster(id) else { continue }
            let schedule = schedule(roster)
            for gap in schedule.gaps(from: now, to: end) {
                warnings.append(
                    words(
                        "check.roster_gap",
                        [
                            "roster": id, "layer": words.layer(layer), "from": "\(LocalDateTime(gap.start, in: zone))",
                            "to": "\(LocalDateTime(gap.end, in: zone))", "zone": zone.identifier,
                        ]))
            }
            // Who wins at each moment who is on duty may change: the last layer with someone on duty.
            var winners = Set<Int>()
            var covering = Set<Int>()
            for point in [now] + schedule.changePoints(from: now, to: end) {
                let local = LocalDateTime(point, in: zone)
                let onDuty = roster.layers.indices.filter {
                    roster.layers[$0].onDuty(at: local, calendar: holidays) != nil
                }
                covering.formUnion(onDuty)
                if let last = onDuty.last { winners.insert(last) }
            }
            for index in covering.subtracting(winners).sorted() {
                warnings.append(
                    words(
                        "check.roster_shadowed", ["roster": id, "name": roster.layers[index].name, "days": "\(days)"]))
            }
        }
        return warnings
    }
}

extension BeaconConfig {
    /// Checks an override before it is stored: the roster serves a layer; the person put on duty is of that
    /// layer; whoever makes it is of that layer too, or an admin; it ends after it starts.
    /// - Returns: the layer the roster serves.
    public func check(_ override: RosterOverride, actorIsAdmin: Bool = false) throws(IncidentError) -> Layer {
        guard roster(override.roster) != nil else {
            let known = rosters.map(\.id).joined(separator: ", ")
            throw IncidentError(
                code: .notFound, key: known.isEmpty ? "error.no_roster" : "error.no_roster_known",
                ["roster": override.roster, "known": known])
        }
        guard let layer = Layer.allCases.first(where: { chain[$0].roster == override.roster }) else {
            throw IncidentError(code: .invalidInput, key: "error.roster_unused", ["roster": override.roster])
        }
        let members = chain[layer].people
        guard members.contains(where: { $0.id == override.person }) else {
            throw IncidentError(
                code: .invalidInput, key: "error.override_person",
                ["person": override.person.rawValue, "layer": layer.rawValue, "roster": override.roster])
        }
        guard actorIsAdmin || members.contains(where: { $0.id.rawValue == override.createdBy }) else {
            throw IncidentError(
                code: .forbidden, key: "error.override_layer", ["layer": layer.rawValue, "roster": override.roster])
        }
        guard override.to > override.from else {
            throw IncidentError(code: .invalidInput, key: "error.override_order")
        }
        return layer
    }
}

extension BeaconConfig {
    /// A time as people write it: `2026-12-08T20:00` in the rosters' zone, or an RFC 3339 time with its own offset
    /// (`2026-12-08T12:00:00Z`, fractions allowed); `nil` for anything else.
    public func time(_ text: String) -> Date? {
        if let local = LocalDateTime(parsing: text) { return local.date(in: rosterZone) }
        return RFC3339.date(text)
    }
}
