import BeaconCore

/// Who a chat message is for: everyone a group message pages, or the one recipient.
struct Mentions {
    let people: [Recipient]
    let words: Localizer

    init(_ delivery: Delivery) {
        people = delivery.message.mentions ?? [delivery.recipient]
        words = Localizer(delivery.message.language ?? .en)
    }

    /// `For: Zhang Min (operation), Wang Lei (execution)`: the names, so the message says whom it pages.
    var line: String {
        words(
            "channel.for",
            [
                "people": words.list(
                    people.map { words("channel.person", ["name": $0.name, "layer": words.layer($0.layer)]) })
            ])
    }

    /// Mobile numbers of the people a platform mentions by number.
    func mobiles(unlessID id: (ChatIDs) -> String?) -> [String] {
        people.filter { $0.chatIDs.flatMap(id) == nil }.compactMap { $0.mobile.flatMap { $0.isEmpty ? nil : $0 } }
    }

    /// Ids of the people who have one on the platform.
    func ids(_ id: (ChatIDs) -> String?) -> [String] {
        people.compactMap { $0.chatIDs.flatMap(id).flatMap { $0.isEmpty ? nil : $0 } }
    }
}
