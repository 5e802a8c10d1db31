public import Foundation

/// Who holds each layer at a moment, until when, and who is next: what `beacon oncall` prints and
/// `GET /api/oncall` returns.
public struct OnCallReport: Sendable, Hashable, Encodable {
    /// A person on duty for a while.
    public struct Shift: Sendable, Hashable, Encodable {
        public var login: String
        public var name: String
        public var from: Date?
        /// When someone else takes over; `nil` when the layer has no roster (everyone, always).
        public var until: Date?
    }

    public struct LayerDuty: Sendable, Hashable, Encodable {
        public var layer: Layer
        public var roster: String?
        /// Whoever a page reaches now: the person on duty, or everyone when the layer has no roster or a gap.
        public var onDuty: [Shift]
        /// Who takes over at `onDuty`'s end.
        public var next: [Shift]
        /// The roster has nobody on duty now, so the whole layer would be paged.
        public var gap: Bool
        /// An override, not the rotation, put the person on duty.
        public var overridden: Bool

        enum CodingKeys: String, CodingKey {
            case layer, roster, next, gap, overridden
            case onDuty = "on_duty"
        }
    }

    public var at: Date
    public var layers: [LayerDuty]

    /// The report at `at`, with `overrides` in force.
    public init(config: BeaconConfig, overrides: [RosterOverride], at: Date) {
        self.at = at
        layers = Layer.allCases.map { layer in
            let everyone = config.chain[layer].people
            func shifts(_ logins: [PersonID], from: Date?, until: Date?) -> [Shift] {
                logins.compactMap { login in
                    everyone.first { $0.id == login }.map {
                        Shift(login: $0.id.rawValue, name: $0.name, from: from, until: until)
                    }
                }
            }
            guard let id = config.chain[layer].roster, let roster = config.roster(id) else {
                return LayerDuty(
                    layer: layer, roster: nil, onDuty: shifts(everyone.map(\.id), from: nil, until: nil), next: [],
                    gap: false, overridden: false)
            }
            let schedule = config.schedule(roster, overrides: overrides)
            let now = schedule.span(at: at)
            let next = now.until.map { schedule.span(at: $0) }
            let gap = now.people.isEmpty
            return LayerDuty(
                layer: layer, roster: id,
                onDuty: shifts(gap ? everyone.map(\.id) : now.people, from: nil, until: now.until),
                next: next.map { shifts($0.people, from: $0.from, until: $0.until) } ?? [], gap: gap,
                overridden: now.overridden)
        }
    }
}
