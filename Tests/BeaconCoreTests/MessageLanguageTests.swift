import BeaconTestSupport
import Foundation
import Testing

@testable import BeaconCore

/// Every kind of message in both languages: a personal channel in its reader's `locale:` and `time_zone:`, a
/// group channel in the configuration's; no key missing, and no English in a Chinese message but the record's
/// own words.
struct MessageLanguageTests {
    static let shanghai = TimeZone(identifier: "Asia/Shanghai")!
    static let start = Date(timeIntervalSince1970: 1_796_000_000)

    /// Zhang Min reads Chinese in Beijing time on her own hook; Chen Xiao, English in UTC; the robot is a group.
    static func config(language: Language) -> BeaconConfig {
        var zhangMin = TestChain.zhangMin(["hook"])
        zhangMin.language = .zhCN
        zhangMin.timeZone = shanghai
        var chenXiao = TestChain.chenXiao(["mail"])
        chenXiao.language = .en
        chenXiao.email = "chen@example.com"
        return BeaconConfig(
            publicURL: "https://beacon.example.com",
            channels: [
                Channel(id: "hook", type: .webhook, url: "http://127.0.0.1:9/hook", audience: .personal),
                Channel(id: "mail", type: .webhook, url: "http://127.0.0.1:9/mail", audience: .personal),
                Channel(id: "robot", type: .dingtalk, url: "http://127.0.0.1:9/robot"),
            ],
            chain: TestChain.chain(
                operation: [zhangMin, chenXiao], execution: [TestChain.wangLei(["robot"])],
                decision: [TestChain.liNa(["hook"])]),
            playbooks: [
                Playbook(
                    id: "pay", title: "Payments", appliesTo: PlaybookScope(categories: [.system]),
                    steps: [
                        PlaybookStep(id: "confirm", title: "Confirm", owner: .operation, within: .seconds(300)),
                        PlaybookStep(
                            id: "refund", title: "Refund", owner: .decision, message: "Refund fees", approval: true),
                    ])
            ], timeZone: TimeZone(identifier: "UTC"), language: language)
    }

    static let incident = Incident(
        id: IncidentID(7), fingerprint: Fingerprint(rawValue: "f"), ruleID: nil, title: "Card payments failing",
        category: .system, severity: .sev1, origin: .declared, value: 0.82, threshold: 0.9, openedAt: start,
        declaredBy: "zhangmin")

    /// Every kind of notification the planner writes, for `config`.
    static func everyMessage(_ config: BeaconConfig) -> [PlannedNotification] {
        let planner = CommandPlanner(config: config)
        let now = start.addingTimeInterval(60)
        let opened = planner.opened(incident, at: start)
        var planned = opened.notifications
        planned += planner.raised(incident, from: .sev3, steps: opened.steps, at: now).notifications
        for kind in [DeadlineKind.acknowledge, .assess, .instruct, .step] {
            let deadline = Deadline(
                incidentID: IncidentID(7), kind: kind, layer: .operation, stepID: kind == .step ? "confirm" : nil,
                dueAt: now)
            planned +=
                planner.fire(deadline, incident: incident, steps: opened.steps, decisionActed: false, at: now)
                .notifications
        }
        planned +=
            planner.announce(
                approval: "Refund", step: "refund", approved: true, by: "lina", comment: "go", incident: incident,
                at: now
            ).notifications
        planned += planner.instruction(incident, text: "Switch gateways", by: "lina", at: now).notifications
        planned +=
            planner.resolved(
                incident, steps: opened.steps, paged: config.chain.people.map { Recipient($0, layer: .operation) },
                at: now
            ).notifications
        let person = config.chain.operation.people[0]
        planned += planner.invitation(
            person, layer: .operation, url: "https://beacon.example.com/invite/x", expiresAt: now, at: now)
        planned += planner.handoff(
            Handoff(
                roster: "duty", layer: .operation, at: now, incoming: [person],
                outgoing: [config.chain.operation.people[1]], until: nil), holding: [incident], at: now)
        return planned
    }

    /// English words a Chinese message may carry: the record's own (title, steps, names, logins, links).
    static let allowed: Set<String> = [
        "card", "payments", "failing", "confirm", "refund", "fees", "switch", "gateways", "go", "zhang", "min",
        "chen", "xiao", "wang", "lei", "li", "na", "zhangmin", "lina", "duty", "https", "beacon", "example", "com",
        "incidents", "oncall", "sev", "utc", "pay",
    ]

    @Test(arguments: Language.allCases) func everyKindIsWrittenInItsReadersLanguage(_ language: Language) {
        let config = Self.config(language: language)
        let planned = Self.everyMessage(config)
        let kinds = Set(planned.map(\.message.kind))
        #expect(kinds == Set(NotificationKind.allCases), "every kind planned")
        for notification in planned {
            let message = notification.message
            let own = config.chain.person(notification.recipient.id)?.person.language
            let reader = notification.audience == .group ? language : own ?? language
            let text = message.subject + "\n" + message.text
            #expect(message.language == reader, "\(message.kind) to \(notification.recipient.name)")
            #expect(!text.contains("⟦"), "\(text)")
            if reader == .zhCN {
                let english = text.split { !$0.isLetter || !$0.isASCII }.map { $0.lowercased() }
                    .filter { $0.count > 1 && !Self.allowed.contains($0) }
                #expect(Set(english).sorted() == [], "\(message.kind): \(text)")
            }
        }
    }

    @Test func aPersonalChannelReadsTheReadersClockAndAGroupTheConfigurations() throws {
        let planned = CommandPlanner(config: Self.config(language: .en)).opened(Self.incident, at: Self.start)
            .notifications
        let zhang = try #require(planned.first { $0.recipient.id == "zhangmin" }?.message.text)
        #expect(zhang.contains("呼叫：操作层。"))
        #expect(zhang.contains("开启于 08:53:20 UTC+8"), "Beijing time")
        let chen = try #require(planned.first { $0.recipient.id == "chenxiao" }?.message.text)
        #expect(chen.contains("Paged: operation layer."))
        #expect(chen.contains("opened 00:53:20 UTC"))
        let group = try #require(planned.first { $0.audience == .group }?.message)
        #expect(group.language == .en)
    }
}
