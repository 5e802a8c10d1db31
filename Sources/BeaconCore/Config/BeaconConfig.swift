public import Foundation

/// Everything `beacon.yaml`, `Alerts/` and `Playbooks/` say, validated.
public struct BeaconConfig: Sendable, Hashable {
    /// The SQLite file, relative to the config file's folder unless absolute, or a `postgres://` URL.
    public var store: String
    /// This node's name and heartbeat, for several `beacon serve` on one PostgreSQL.
    public var cluster = ClusterSettings()
    public var listen: ListenAddress
    /// The base of links inside notifications.
    public var publicURL: String
    public var alertsDirectory: String
    public var playbooksDirectory: String
    /// In the order written.
    public var channels: [Channel]
    public var chain: CommandChain
    /// The layers paged at once, per severity.
    public var paging: [Severity: [Layer]]
    public var rules: [Rule] { didSet { ruleIndex = Self.index(rules) } }
    /// Where each rule is in `rules`: messages look their rule up by id, and a storm makes thousands of them.
    private var ruleIndex: [RuleID: Int]
    public var playbooks: [Playbook]
    /// Post-mortem ownership, due dates and reminders.
    public var postMortem: PostMortemPolicy
    /// Where working days and report weeks are counted; the machine's time zone when not set.
    public var timeZone: TimeZone?
    /// The language of the console, the CLI and every message, unless a person set their own.
    public var language: Language
    /// The official holidays and make-up working days rosters are read against.
    public var holidays: HolidayCalendar
    /// Who of a layer is on duty when, for layers that name one.
    public var rosters: [Roster]
    /// What an Alertmanager alert's `severity` label value (lowercased) means, over `Severity(label:)`.
    public var intakeSeverities: [String: Severity]
    /// What `beacon check` points out without refusing the files: a channel paging into this machine because
    /// a variable is unset, a decision-layer person no answerable request can reach.
    public var warnings: [ConfigIssue] = []

    public init(
        store: String = "beacon.sqlite", listen: ListenAddress = ListenAddress(host: "127.0.0.1", port: 8080),
        publicURL: String? = nil, alertsDirectory: String = "Alerts", playbooksDirectory: String = "Playbooks",
        channels: [Channel], chain: CommandChain, paging: [Severity: [Layer]] = BeaconConfig.defaultPaging,
        rules: [Rule] = [], playbooks: [Playbook] = [], postMortem: PostMortemPolicy = PostMortemPolicy(),
        timeZone: TimeZone? = nil, holidays: HolidayCalendar = HolidayCalendar(), rosters: [Roster] = [],
        intakeSeverities: [String: Severity] = [:], language: Language = .en
    ) {
        self.language = language
        self.intakeSeverities = intakeSeverities
        self.holidays = holidays
        self.rosters = rosters
        self.store = store
        self.listen = listen
        self.publicURL = publicURL ?? "http://\(listen)"
        self.alertsDirectory = alertsDirectory
        self.playbooksDirectory = playbooksDirectory
        self.channels = channels
        self.chain = chain
        self.paging = paging
        self.rules = rules
        ruleIndex = Self.index(rules)
        self.playbooks = playbooks
        self.postMortem = postMortem
        self.timeZone = timeZone
    }

    /// The severity an Alertmanager alert's `severity` label names: the configured reading, else the built-in.
    public func intakeSeverity(_ label: String?) -> Severity {
        label.flatMap { intakeSeverities[$0.lowercased()] } ?? Severity(label: label)
    }

    /// The plan's paging: operation for everything, execution from sev2, decision for sev1.
    public static let defaultPaging: [Severity: [Layer]] = [
        .sev4: [.operation], .sev3: [.operation], .sev2: [.operation, .execution],
        .sev1: [.operation, .execution, .decision],
    ]

    /// The rules' titles by id, for reports.
    public var ruleTitles: [RuleID: String] {
        Dictionary(rules.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
    }

    public func channel(_ id: String) -> Channel? { channels.first { $0.id == id } }
    public func rule(_ id: RuleID) -> Rule? { ruleIndex[id].map { rules[$0] } }

    private static func index(_ rules: [Rule]) -> [RuleID: Int] {
        Dictionary(rules.enumerated().map { ($0.element.id, $0.offset) }) { first, _ in first }
    }
    public func playbook(_ id: String) -> Playbook? { playbooks.first { $0.id == id } }

    /// The playbook for an incident of this rule and category: the one the rule names, else one whose
    /// scope lists the rule, else one whose scope lists the category.
    public func playbook(forRule ruleID: RuleID?, category: Category) -> Playbook? {
        if let ruleID, let named = rule(ruleID)?.playbook { return playbook(named) }
        if let ruleID, let byRule = playbooks.first(where: { $0.appliesTo.rules.contains(ruleID) }) { return byRule }
        return playbooks.first { $0.appliesTo.categories.contains(category) }
    }

    /// `14 rules, 6 playbooks, 7 people in 3 layers`.
    public var summary: String { summary(in: .english) }

    /// `14 rules, 6 playbooks, 8 people in 3 layers` in `words`' language.
    public func summary(in words: Localizer) -> String {
        let layers = Layer.allCases.filter { !chain[$0].people.isEmpty }.count
        return words(
            "setup.summary",
            [
                "rules": "\(rules.count)", "playbooks": "\(playbooks.count)", "people": "\(chain.people.count)",
                "layers": "\(layers)",
            ])
    }
}

/// A host and port to listen on (`127.0.0.1:8080`).
public struct ListenAddress: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

/// `cluster:`: how this node takes part when several `beacon serve` share one PostgreSQL store.
public struct ClusterSettings: Sendable, Hashable {
    /// This node's name in `beacon cluster status`; `host:pid` when not set.
    public var node: String?
    /// The heartbeat: a node says it is alive twice in each, and one silent for one and a half is taken for dead.
    public var heartbeat: Duration

    public init(node: String? = nil, heartbeat: Duration = .seconds(2)) {
        self.node = node
        self.heartbeat = heartbeat
    }
}

extension BeaconConfig {
    /// Whether `store:` names a PostgreSQL database rather than a SQLite file.
    public var storeIsPostgres: Bool { PostgresLocation.isPostgres(store) }
}
