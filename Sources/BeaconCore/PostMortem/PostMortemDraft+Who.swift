import Foundation

extension PostMortemDraft {
    /// A person in a post-mortem's Who, with what Beacon knows of them.
    public struct Participant: Sendable, Hashable, Codable {
        /// How the timeline and the outbox name them: their login, or their name when they have none.
        public var handle: String
        public var name: String
        /// Their layer in the command chain; `nil` for someone the chain does not know.
        public var layer: Layer?
        /// Their role, as `role:` in the chain says (`CS director`).
        public var role: String?

        public init(handle: String, name: String, layer: Layer?, role: String?) {
            self.handle = handle
            self.name = name
            self.layer = layer
            self.role = role
        }

        /// `Wang Lei (wanglei; execution, CS director)`, or just the handle for someone Beacon does not know.
        public var text: String {
            var details = [layer?.rawValue, role].compactMap { $0 }.joined(separator: ", ")
            if name != handle { details = details.isEmpty ? handle : "\(handle); \(details)" }
            return details.isEmpty ? name : "\(name) (\(details))"
        }

        /// `Wang Lei, CS director`: the person within a layer already named.
        public var nameAndRole: String { role.map { "\(name), \($0)" } ?? name }
    }

    /// A layer asked to act, and the people of it who were asked.
    public struct PagedLayer: Sendable, Hashable, Codable {
        public var layer: Layer
        /// What the layer's people do (`directors`).
        public var duty: String
        public var people: [Participant]

        /// `execution (directors): Wang Lei, CS director; Sun Li`.
        public var text: String {
            "\(layer.rawValue) (\(duty)): " + people.map(\.nameAndRole).joined(separator: "; ")
        }
    }

    /// The people who acted until the incident resolved, and the layers asked to act while it was live.
    ///
    /// Only what people did to the incident counts: writing its post-mortem, after it resolved, is not acting on
    /// it, nor is anything Beacon did by itself.
    static func who(
        _ incident: Incident, _ timeline: [TimelineEvent], paged: [Recipient], chain: CommandChain?
    ) -> Who {
        let until = incident.resolvedAt ?? .distantFuture
        let events = timeline.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }
        var people: [String] = []
        for (_, event) in events
        where event.at <= until && event.kind != .postMortem && event.actor != TimelineEvent.system
            && !people.contains(event.actor)
        {
            people.append(event.actor)
        }
        let layers = Layer.allCases.filter { layer in paged.contains { $0.layer == layer } }
        let pagedLayers = layers.map { layer in
            var seen = Set<PersonID>()
            let members = paged.filter { $0.layer == layer && seen.insert($0.id).inserted }
            return PagedLayer(layer: layer, duty: layer.duty, people: members.map(participant))
        }
        return Who(
            people: people, layersPaged: layers,
            acted: people.map { participant($0, chain: chain, paged: paged) }, paged: pagedLayers)
    }

    /// Someone the timeline names, found in the chain (by login, then name), else among those paged.
    private static func participant(_ handle: String, chain: CommandChain?, paged: [Recipient]) -> Participant {
        if let (person, layer) = chain?.person(handle) {
            return Participant(handle: handle, name: person.name, layer: layer, role: person.role)
        }
        if let recipient = paged.first(where: { $0.login == handle }) ?? paged.first(where: { $0.name == handle }) {
            return Participant(handle: handle, name: recipient.name, layer: recipient.layer, role: recipient.role)
        }
        return Participant(handle: handle, name: handle, layer: nil, role: nil)
    }

    private static func participant(_ recipient: Recipient) -> Participant {
        Participant(
            handle: recipient.login ?? recipient.name, name: recipient.name, layer: recipient.layer,
            role: recipient.role)
    }
}
