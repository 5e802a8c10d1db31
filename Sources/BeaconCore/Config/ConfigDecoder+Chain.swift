extension ConfigDecoder {
    func chain(_ field: YAMLField) -> CommandChain? {
        guard let mapping = field.mapping(keys: Layer.allCases.map(\.rawValue)) else { return nil }
        let operation = mapping.required("operation").flatMap { layer($0, .operation) }
        let execution = mapping.required("execution").flatMap { layer($0, .execution) }
        let decision = mapping.required("decision").flatMap { layer($0, .decision) }
        guard let operation, let execution, let decision else { return nil }
        return CommandChain(operation: operation, execution: execution, decision: decision)
    }

    /// `ack_within`, `assess_within`, `instruct_within` and their defaults from the plan (5, 15, 30 minutes).
    static func deadlineKey(_ layer: Layer) -> (key: String, fallback: Duration) {
        switch layer {
        case .operation: ("ack_within", .seconds(5 * 60))
        case .execution: ("assess_within", .seconds(15 * 60))
        case .decision: ("instruct_within", .seconds(30 * 60))
        }
    }

    private func layer(_ field: YAMLField, _ layer: Layer) -> ChainLayer? {
        let (deadlineKey, fallback) = Self.deadlineKey(layer)
        guard let mapping = field.mapping(keys: [deadlineKey, "roster", "people"]) else { return nil }
        let deadline = value(mapping, deadlineKey, default: fallback) { $0.positiveDuration() }
        let roster = optionalValue(mapping, "roster") { field -> String? in
            guard let id = field.string() else { return nil }
            diagnostics.refer(to: "roster", id, at: field)
            return id
        }
        guard let peopleField = mapping.optional("people") else {
            field.fail("check.empty_layer", ["layer": .layer(layer)])
            return nil
        }
        guard let items = peopleField.list() else { return nil }
        if items.isEmpty {
            peopleField.fail("check.empty_layer", ["layer": .layer(layer)])
        }
        let people = items.compactMap(person)
        guard let deadline, let roster, !items.isEmpty, people.count == items.count else { return nil }
        return ChainLayer(deadline: deadline, people: people, roster: roster)
    }

    private func person(_ field: YAMLField) -> Person? {
        let keys = [
            "name", "login", "role", "email", "mobile", "dingtalk_id", "wecom_id", "feishu_id", "channels", "locale",
            "time_zone",
        ]
        guard let mapping = field.mapping(keys: keys) else { return nil }
        let name = mapping.required("name")?.string()
        let login = optionalValue(mapping, "login") { field -> String? in
            guard let login = field.string() else { return nil }
            diagnostics.define("login", login, at: field)
            return login
        }
        let role = optionalValue(mapping, "role") { $0.string() }
        let email = optionalValue(mapping, "email") { $0.string() }
        let mobile = optionalValue(mapping, "mobile") { $0.string() }
        let dingtalk = optionalValue(mapping, "dingtalk_id") { $0.string() }
        let wecom = optionalValue(mapping, "wecom_id") { $0.string() }
        let feishu = optionalValue(mapping, "feishu_id") { $0.string() }
        let language = optionalValue(mapping, "locale", language)
        let timeZone = optionalValue(mapping, "time_zone", timeZone)
        let channelsField = mapping.required("channels")
        let channels = channelsField?.list()?.compactMap { item -> String? in
            guard let id = item.string() else { return nil }
            diagnostics.refer(to: "channel", id, at: item)
            return id
        }
        if let channels, channels.isEmpty { channelsField?.fail("check.no_channels") }
        guard let name, let login, let role, let email, let mobile, let dingtalk, let wecom, let feishu, let channels,
            let language, let timeZone, !channels.isEmpty
        else { return nil }
        return Person(
            name: name, login: login, role: role, email: email, mobile: mobile,
            chatIDs: ChatIDs(dingtalk: dingtalk, wecom: wecom, feishu: feishu), channels: channels,
            language: language, timeZone: timeZone)
    }
}
