import Foundation

/// `beacon.yaml` without the rules and playbooks, which live in their own folders.
struct MainConfig {
    var store: String
    var listen: ListenAddress
    var publicURL: String?
    var alerts: String
    var playbooks: String
    var channels: [Channel]
    var chain: CommandChain
    var paging: [Severity: [Layer]]
    var postMortem: PostMortemPolicy
    var timeZone: TimeZone?
    var calendar: HolidayCalendar
    var rosters: [Roster]
    var intakeSeverities: [String: Severity]
    var language: Language
    var cluster: ClusterSettings
}

extension ConfigDecoder {
    static let mainKeys = [
        "store", "listen", "public_url", "alerts", "playbooks", "channels", "chain", "paging", "postmortem",
        "time_zone", "calendar", "rosters", "intake", "locale", "cluster",
    ]

    func mainFile(_ root: YAMLField) -> MainConfig? {
        guard let mapping = root.mapping(keys: Self.mainKeys) else { return nil }
        let store = value(mapping, "store", default: "beacon.sqlite", storeLocation)
        let listen = value(mapping, "listen", default: ListenAddress(host: "127.0.0.1", port: 8080), listenAddress)
        let publicURL = optionalValue(mapping, "public_url", httpURL)
        let alerts = value(mapping, "alerts", default: "Alerts") { $0.string() }
        let playbooks = value(mapping, "playbooks", default: "Playbooks") { $0.string() }
        let channels = mapping.required("channels").flatMap(channels)
        let chain = mapping.required("chain").flatMap(chain)
        let paging = value(mapping, "paging", default: BeaconConfig.defaultPaging, paging)
        let postMortem = value(mapping, "postmortem", default: PostMortemPolicy(), postMortemPolicy)
        let timeZone = optionalValue(mapping, "time_zone", timeZone)
        let calendar = value(mapping, "calendar", default: HolidayCalendar(), holidayCalendar)
        let zone: TimeZone = (timeZone ?? nil) ?? TimeZone(secondsFromGMT: 0) ?? .current
        let rosterList: [Roster]? = value(mapping, "rosters", default: []) { field in rosters(field, timeZone: zone) }
        let intake = value(mapping, "intake", default: [:], intakeSeverities)
        let language = value(mapping, "locale", default: Language.en, language)
        let cluster = value(mapping, "cluster", default: ClusterSettings(), clusterSettings)
        guard let store, let listen, let publicURL, let alerts, let playbooks, let channels, let chain, let paging,
            let postMortem, let timeZone, let calendar, let rosterList, let intake, let language, let cluster
        else { return nil }
        return MainConfig(
            store: store, listen: listen, publicURL: publicURL, alerts: alerts, playbooks: playbooks,
            channels: channels, chain: chain, paging: paging, postMortem: postMortem, timeZone: timeZone,
            calendar: calendar, rosters: rosterList, intakeSeverities: intake, language: language, cluster: cluster)
    }

    /// `intake: { severities: { critical: sev1, warning: sev3 } }`: what an Alertmanager alert's `severity` label
    /// means, over the built-in reading.
    private func intakeSeverities(_ field: YAMLField) -> [String: Severity]? {
        guard let mapping = field.mapping(keys: ["severities"]) else { return nil }
        return value(mapping, "severities", default: [:]) { field -> [String: Severity]? in
            guard let names = field.stringMap() else { return nil }
            var severities: [String: Severity] = [:]
            for (label, name) in names {
                guard let severity = Severity(rawValue: name) else {
                    field.fail("check.intake_severity", ["label": "\(label)", "found": "\(name)"])
                    return nil
                }
                severities[label.lowercased()] = severity
            }
            return severities
        }
    }

    private func postMortemPolicy(_ field: YAMLField) -> PostMortemPolicy? {
        let keys = ["owner", "due_working_days", "remind_before", "follow_up_remind_every"]
        guard let mapping = field.mapping(keys: keys) else { return nil }
        let fallback = PostMortemPolicy()
        let owner = value(mapping, "owner", default: fallback.owner) { $0.oneOf(Layer.self, "check.noun.layer") }
        let days = value(mapping, "due_working_days", default: fallback.dueWorkingDays) { field -> Int? in
            guard let days = field.int() else { return nil }
            guard (1...60).contains(days) else {
                field.fail("check.due_days", ["found": "\(days)"])
                return nil
            }
            return days
        }
        let remindBefore = value(mapping, "remind_before", default: fallback.remindBefore) { $0.positiveDuration() }
        let every = value(mapping, "follow_up_remind_every", default: fallback.followUpRemindEvery) {
            $0.positiveDuration()
        }
        guard let owner, let days, let remindBefore, let every else { return nil }
        return PostMortemPolicy(
            owner: owner, dueWorkingDays: days, remindBefore: remindBefore, followUpRemindEvery: every)
    }

    /// A SQLite file's path, or a PostgreSQL URL that must parse.
    private func storeLocation(_ field: YAMLField) -> String? {
        guard let text = field.nonEmptyString() else { return nil }
        guard PostgresLocation.isPostgres(text) else { return text }
        do {
            _ = try PostgresLocation(parsing: text)
            return text
        } catch {
            field.fail(error.problem)
            return nil
        }
    }

    /// `cluster: { node: "${HOSTNAME}", heartbeat: 2s }`.
    private func clusterSettings(_ field: YAMLField) -> ClusterSettings? {
        guard let mapping = field.mapping(keys: ["node", "heartbeat"]) else { return nil }
        let node = optionalValue(mapping, "node") { $0.nonEmptyString() }
        let heartbeat = value(mapping, "heartbeat", default: Duration.seconds(2)) { field -> Duration? in
            guard let beat = field.positiveDuration() else { return nil }
            guard beat >= .milliseconds(100), beat <= .seconds(60) else {
                field.fail("check.heartbeat_range")
                return nil
            }
            return beat
        }
        guard let node, let heartbeat else { return nil }
        return ClusterSettings(node: node, heartbeat: heartbeat)
    }

    /// `zh-CN` or `en` (also `zh`, `zh_CN`, `en-US`).
    func language(_ field: YAMLField) -> Language? {
        guard let tag = field.string() else { return nil }
        guard let language = Language(tag: tag) else {
            field.fail("check.unknown_locale", ["text": "\(tag)"])
            return nil
        }
        return language
    }

    func timeZone(_ field: YAMLField) -> TimeZone? {
        guard let name = field.string() else { return nil }
        guard let zone = TimeZone(identifier: name) else {
            field.fail("check.unknown_zone", ["text": "\(name)"])
            return nil
        }
        return zone
    }

    private func listenAddress(_ field: YAMLField) -> ListenAddress? {
        guard let text = field.string() else { return nil }
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
            (0...65535).contains(port), colon != text.startIndex
        else {
            field.fail("check.expected_listen", ["found": "\(text)"])
            return nil
        }
        let host = text[..<colon].trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return ListenAddress(host: host, port: port)
    }

    private func paging(_ field: YAMLField) -> [Severity: [Layer]]? {
        guard let mapping = field.freeMapping() else { return nil }
        var paging = BeaconConfig.defaultPaging
        var valid = true
        for entry in mapping.entries {
            guard let severity = Severity(rawValue: entry.key) else {
                field.child(entry.keyNode, entry.key).fail("check.unknown_level", ["text": "\(entry.key)"])
                valid = false
                continue
            }
            guard let items = entry.value.list() else {
                valid = false
                continue
            }
            let layers = items.compactMap { $0.oneOf(Layer.self, "check.noun.layer") }
            if items.isEmpty { entry.value.fail("check.pages_nobody") }
            guard layers.count == items.count, !layers.isEmpty else {
                valid = false
                continue
            }
            paging[severity] = layers
        }
        return valid ? paging : nil
    }
}
