import Foundation
import Testing

@testable import BeaconCore

@Suite struct IdempotencyKeyTests {
    @Test func keysAreWrittenAsTheWebhookDocumentSays() {
        let lead = Recipient(name: "Zhang Min", login: "zhangmin", layer: .operation)
        #expect(
            PlannedNotification.key(incident: IncidentID(12), purpose: .approval(step: "confirm"), recipient: lead)
                == "incident-12/approval-confirm/zhangmin")
    }

    @Test func aPersonWithoutALoginIsNamedByAStableTokenNotTheirName() {
        let director = Recipient(name: "Wang Lei", layer: .execution)
        let key = PlannedNotification.key(incident: IncidentID(3), purpose: .page, recipient: director)
        #expect(!key.contains("Wang"))
        #expect(key.hasPrefix("incident-3/page/person-"))
        #expect(key == PlannedNotification.key(incident: IncidentID(3), purpose: .page, recipient: director))
        let other = Recipient(name: "Wang Li", layer: .execution)
        #expect(key != PlannedNotification.key(incident: IncidentID(3), purpose: .page, recipient: other))
    }
}

@Suite struct MessageTimeTests {
    let shanghai = MessageComposer(publicURL: "http://beacon", timeZone: TimeZone(identifier: "Asia/Shanghai")!)
    /// 2026-12-05 02:00:00 UTC, 10:00 in Beijing.
    let now = Date(timeIntervalSince1970: 1_796_436_000)

    @Test func timesAreLocalWithTheDayWhenItIsNotToday() {
        #expect(shanghai.time(now.addingTimeInterval(-600), now: now) == "09:50:00 UTC+8")
        #expect(shanghai.time(now.addingTimeInterval(-11 * 3_600), now: now) == "2026-12-04 23:00:00 UTC+8")
        let utc = MessageComposer(publicURL: "http://beacon")
        #expect(utc.time(now, now: now) == "02:00:00 UTC")
        #expect(MessageComposer.offsetName(19_800) == "UTC+5:30")
        #expect(MessageComposer.offsetName(-18_000) == "UTC-5")
    }

    @Test func aPageSaysWhenItOpenedInLocalTime() {
        let incident = Incident(
            id: IncidentID(7), fingerprint: Fingerprint(rawValue: "x"), ruleID: nil, title: "Card payments down",
            category: .system, severity: .sev1, origin: .declared, openedAt: now.addingTimeInterval(-60))
        let message = shanghai.message(.page, incident, headline: "Paged: operation", at: now)
        #expect(message.text.contains("Opened 09:59:00 UTC+8."), "\(message.text)")
    }
}

@Suite struct GroupMessageTests {
    func planned(
        _ login: String, _ layer: Layer, channel: String, audience: ChannelAudience, text: String
    )
        -> PlannedNotification
    {
        let recipient = Recipient(name: login.capitalized, login: login, layer: layer)
        let incident = IncidentSummary(
            id: 4, title: "Card payments down", severity: .sev2, status: .open, category: .system, rule: nil,
            labels: [:], value: nil, threshold: nil, openedAt: Date(timeIntervalSince1970: 0), url: "http://b/4")
        return PlannedNotification(
            idempotencyKey: PlannedNotification.key(incident: IncidentID(4), purpose: .page, recipient: recipient)
                + "/\(channel)",
            incidentID: IncidentID(4), recipient: recipient, channelID: channel, channelIndex: 0, stepID: nil,
            approvalStepID: nil,
            message: NotificationMessage(kind: .page, subject: "[sev2] #4", text: text, incident: incident),
            purpose: .page, audience: audience)
    }

    @Test func aGroupChannelGetsOneMessageNamingEveryoneItPages() {
        let grouped = PlannedNotification.grouped([
            planned("zhangmin", .operation, channel: "ops-dingtalk", audience: .group, text: "Paged: operation."),
            planned("chenxiao", .operation, channel: "ops-dingtalk", audience: .group, text: "Paged: operation."),
            planned("wanglei", .execution, channel: "ops-dingtalk", audience: .group, text: "Paged: execution."),
            planned("wanglei", .execution, channel: "exec-mail", audience: .personal, text: "Paged: execution."),
        ])
        #expect(grouped.count == 2)
        #expect(grouped[0].idempotencyKey == "incident-4/page/ops-dingtalk", "per (incident, purpose, channel)")
        #expect(grouped[0].message.mentions?.compactMap(\.login) == ["zhangmin", "chenxiao", "wanglei"])
        #expect(grouped[0].message.text == "Paged: operation.\n\nPaged: execution.")
        #expect(grouped[1].idempotencyKey == "incident-4/page/wanglei/exec-mail", "personal ones stay per person")
        #expect(grouped[1].message.mentions == nil)
    }
}
