import BeaconCore
import Testing

@Suite struct IdempotencyKeyTests {
    @Test func keysAreWrittenAsTheWebhookDocumentSays() {
        let lead = Recipient(name: "Zhang Min", login: "zhangmin", layer: .operation)
        #expect(
            PlannedNotification.key(incident: IncidentID(12), purpose: "confirm", recipient: lead)
                == "incident-12/confirm/zhangmin")
    }

    @Test func aPersonWithoutALoginIsNamedByAStableTokenNotTheirName() {
        let director = Recipient(name: "Wang Lei", layer: .execution)
        let key = PlannedNotification.key(incident: IncidentID(3), purpose: "page", recipient: director)
        #expect(!key.contains("Wang"))
        #expect(key.hasPrefix("incident-3/page/person-"))
        #expect(key == PlannedNotification.key(incident: IncidentID(3), purpose: "page", recipient: director))
        let other = Recipient(name: "Wang Li", layer: .execution)
        #expect(key != PlannedNotification.key(incident: IncidentID(3), purpose: "page", recipient: other))
    }
}
