import BeaconCore
import Foundation
import Testing

/// A timeline people can read: the attempts after a page are one line saying how they went.
struct TimelineFoldingTests {
    let id = IncidentID(1)
    var clock = 0.0

    mutating func event(_ fact: TimelineFact, actor: String = TimelineEvent.system) -> TimelineEvent {
        clock += 1
        return TimelineEvent(incidentID: id, at: Date(timeIntervalSince1970: clock), actor: actor, fact: fact)
    }

    func attempt(_ who: String, _ channel: String, _ number: Int = 1) -> NotificationAttempt {
        NotificationAttempt(kind: .page, recipient: who, layer: .operation, channel: channel, attempt: number)
    }

    @Test mutating func attemptsAfterAPageAreOneLine() {
        let events = [
            event(.declared(by: "zhangmin", severity: .sev2, category: .system), actor: "zhangmin"),
            event(.paged(layers: [.operation, .execution], severity: .sev2)),
            event(.delivered(attempt("Zhang Min", "hook"), detail: "HTTP 200")),
            event(.retrying(attempt("Wang Lei", "mail"), reason: "timeout", retryIn: 2)),
            event(.delivered(attempt("Wang Lei", "mail", 2), detail: "250 OK")),
            event(.gaveUp(attempt("Chen Xiao", "dingtalk", 3), reason: "HTTP 500", fallovers: ["sms"])),
            event(.delivered(attempt("Chen Xiao", "sms"), detail: "HTTP 200")),
            event(.statusChanged(to: .acknowledged, by: "zhangmin", note: nil), actor: "zhangmin"),
            event(.delivered(attempt("Li Na", "mail"), detail: "250 OK")),
        ]
        let lines = TimelineLine.fold(events)
        #expect(lines.count == 5)
        #expect(
            lines[2].text == "Notified 3 people on 4 channels: 3 delivered · 1 fell over to sms",
            "each person on each channel counted once, by how it ended")
        #expect(lines[4].text == "Notified 1 person on 1 channel: all delivered")
        if case .notifications(_, let attempts) = lines[2] { #expect(attempts.count == 5) } else { Issue.record() }
        #expect(lines[3].text == "Acknowledged by zhangmin")
    }

    @Test mutating func filtersPickPeopleEscalationsNotificationsOrTheSystem() {
        let declared = event(.declared(by: "zhangmin", severity: .sev2, category: .system), actor: "zhangmin")
        let paged = event(.paged(layers: [.operation], severity: .sev2))
        let escalated = event(.escalated(.notAcknowledged(within: 300), to: .execution))
        let delivered = event(.delivered(attempt("Zhang Min", "hook"), detail: "HTTP 200"))
        let all = [declared, paged, escalated, delivered]
        #expect(all.filter(TimelineFilter.people.admits) == [declared])
        #expect(all.filter(TimelineFilter.escalations.admits) == [escalated])
        #expect(all.filter(TimelineFilter.notifications.admits) == [delivered])
        #expect(all.filter(TimelineFilter.system.admits) == [paged])
    }
}
