import BeaconCore
import BeaconServer
import Foundation
import Testing

@Suite struct IncidentResourceTests {
    @Test func encodesSnakeCaseWithISODates() throws {
        var incident = Incident(
            id: IncidentID(7),
            fingerprint: Fingerprint(rule: "payment-success-rate", labels: Labels(["region": "east"])),
            ruleID: "payment-success-rate", title: "Payment success rate", category: .system, severity: .sev2,
            origin: .rule, labels: Labels(["region": "east"]), value: 0.85, threshold: 0.9,
            openedAt: Date(timeIntervalSince1970: 1_790_000_000))
        incident.peakSeverity = .sev1
        let data = try JSONEncoder.beacon.encode(IncidentResource(incident))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["id"] as? Int == 7)
        #expect(object["peak_severity"] as? String == "sev1")
        #expect(object["fingerprint"] as? String == #"payment-success-rate{region="east"}"#)
        #expect(object["opened_at"] as? String == "2026-09-21T14:13:20Z")
        #expect((object["labels"] as? [String: String]) == ["region": "east"])
        #expect(object["timeline"] == nil)
    }
}
