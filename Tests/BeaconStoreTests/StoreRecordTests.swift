import BeaconCore
import Foundation
import GRDB
import Testing

@testable import BeaconStore

@Suite struct StoreRecordTests {
    let store: BeaconStore

    init() throws { store = try BeaconStore.inMemory() }

    @Test func incidentRoundTrips() throws {
        var incident = StoreOpeningTests.incident()
        incident.acknowledgedAt = Date(timeIntervalSince1970: 1_790_000_123.25)
        incident.declaredBy = "zhangmin"
        let stored = try store.insert(incident) { StoreOpeningTests.opened($0) }
        let id = try #require(stored.id)
        var expected = incident
        expected.id = id
        #expect(try store.incident(id) == expected)
    }

    @Test func findsTheActiveIncidentByFingerprint() throws {
        let stored = try store.insert(StoreOpeningTests.incident()) { StoreOpeningTests.opened($0) }
        #expect(try store.activeIncident(fingerprint: stored.fingerprint)?.id == stored.id)
        var resolved = stored
        resolved.status = .resolved
        try store.update(resolved, events: [])
        #expect(try store.activeIncident(fingerprint: stored.fingerprint) == nil)
    }

    @Test func refusesASecondActiveIncidentForOneFingerprint() throws {
        _ = try store.insert(StoreOpeningTests.incident()) { StoreOpeningTests.opened($0) }
        #expect(throws: DatabaseError.self) {
            _ = try store.insert(StoreOpeningTests.incident()) { StoreOpeningTests.opened($0) }
        }
        #expect(try store.incidents().count == 1)
    }

    @Test func timelineIsOrderedAndCommittedWithTheChange() throws {
        var incident = try store.insert(StoreOpeningTests.incident()) { StoreOpeningTests.opened($0) }
        let id = try #require(incident.id)
        incident.severity = .sev1
        incident.peakSeverity = .sev1
        let raised = TimelineEvent(
            incidentID: id, at: incident.openedAt.addingTimeInterval(30), kind: .severityRaised,
            actor: TimelineEvent.system, message: "Raised from sev2 to sev1: 0.7 < 0.8")
        try store.update(incident, events: [raised])
        let timeline = try store.timeline(id)
        #expect(timeline.map(\.kind) == [.opened, .severityRaised])
        #expect(timeline.last?.message == "Raised from sev2 to sev1: 0.7 < 0.8")
        #expect(try store.incident(id)?.severity == .sev1)
    }

    @Test func samplesAreReadBackByWindow() throws {
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        let labels = Labels(["sku": "A17"])
        let samples = (0..<10).map { Sample(at: start.addingTimeInterval(Double($0) * 60), value: Double($0)) }
        try store.append(samples, rule: "product-complaints", labels: labels)
        try store.append([Sample(at: start, value: 99)], rule: "product-complaints", labels: Labels(["sku": "B2"]))
        let window = try store.samples(
            rule: "product-complaints", labels: labels, from: start.addingTimeInterval(120),
            to: start.addingTimeInterval(300))
        #expect(window.map(\.value) == [2, 3, 4, 5])
        #expect(window.first?.at == start.addingTimeInterval(120))
        #expect(try store.pruneSamples(before: start.addingTimeInterval(60)) == 2)
    }
}
