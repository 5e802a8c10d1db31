public import Foundation

/// A shift change in a rostered layer: who handed over to whom, and when.
public struct Handoff: Sendable, Hashable {
    public var roster: String
    public var layer: Layer
    public var at: Date
    /// Who is on duty from `at`; empty when nobody is (a gap: the whole layer is paged).
    public var incoming: [Person]
    /// Who was on duty until `at`; empty after a gap.
    public var outgoing: [Person]
    /// When the incoming shift ends, if it does within the fortnight looked at.
    public var until: Date?
}

extension BeaconConfig {
    /// How far back handoffs are still announced: a handoff missed while no node ran (a restart, an outage) is
    /// told late, but one older than this is history, not news.
    public static let handoffLookback: TimeInterval = 3_600

    /// The latest handoff of each rostered layer in `(after, through]`: the change of who is on duty that the
    /// incoming and outgoing people are told about. Earlier changes in the window are superseded by it.
    public func handoffs(after from: Date, through to: Date, overrides: [RosterOverride] = []) -> [Handoff] {
        guard to > from else { return [] }
        var handoffs: [Handoff] = []
        for layer in Layer.allCases {
            guard let id = chain[layer].roster, let roster = roster(id) else { continue }
            let schedule = schedule(roster, overrides: overrides)
            var previous = schedule.onDuty(at: from).people
            var latest: (at: Date, before: [PersonID], after: [PersonID])?
            for point in schedule.changePoints(from: from, to: to) {
                let current = schedule.onDuty(at: point).people
                if current != previous { latest = (point, previous, current) }
                previous = current
            }
            guard let latest else { continue }
            let members = chain[layer].people
            func people(_ ids: [PersonID]) -> [Person] { ids.compactMap { id in members.first { $0.id == id } } }
            let incoming = people(latest.after)
            let outgoing = people(latest.before)
            // The same people before and after (a layer's window closed onto another's with the same person).
            guard Set(incoming.map(\.id)) != Set(outgoing.map(\.id)) else { continue }
            handoffs.append(
                Handoff(
                    roster: id, layer: layer, at: latest.at, incoming: incoming, outgoing: outgoing,
                    until: schedule.span(at: latest.at).until))
        }
        return handoffs
    }
}
