import BeaconCore
import Foundation
import Testing

@testable import BeaconStore

@Suite struct IncidentLedgerTests {
    let store: BeaconStore
    let ledger: IncidentLedger
    let start = Date(timeIntervalSince1970: 1_790_000_000)
    let rule = Rule(
        id: "product-complaints", title: "Product complaints per day", category: .complaint,
        source: Source(url: "http://127.0.0.1:9100/complaints.json", format: .json, path: "items[*].count"),
        condition: .threshold(op: .above, levels: [.sev3: 100, .sev2: 300]), resolveAfter: .seconds(60),
        labels: ["team": "quality"])
    let labels = Labels(["sku": "A17"])

    init() throws {
        store = try BeaconStore.inMemory()
        ledger = IncidentLedger.recordingOnly(store)
    }

    func breach(_ severity: Severity, _ value: Double, _ level: Double) -> Breach {
        Breach(
            severity: severity,
            reading: Reading(value: value, level: level, description: "\(Int(value)) > \(Int(level))"))
    }

    @Test func openingRecordsTheBreachAndItsStart() async throws {
        let change = try #require(
            try await ledger.commit(
                .open(breach(.sev3, 130, 100), since: start), rule: rule, labels: labels, at: start + 60))
        #expect(change.incident.title == "Product complaints per day (sku=A17)")
        #expect(change.incident.fingerprint.rawValue == #"product-complaints{sku="A17"}"#)
        #expect(change.incident.firstBreachAt == start)
        #expect(change.incident.labels == Labels(["sku": "A17", "team": "quality"]))
        #expect(change.incident.threshold == 100)
        #expect(change.event.message == "Opened at sev3 (moderate): 130 > 100, breaching for 1m")
    }

    @Test func oneActiveIncidentPerFingerprint() async throws {
        try await ledger.commit(.open(breach(.sev3, 130, 100), since: start), rule: rule, labels: labels, at: start)
        let again = try await ledger.commit(
            .open(breach(.sev3, 140, 100), since: start), rule: rule, labels: labels, at: start)
        #expect(again == nil)
        try await ledger.commit(
            .open(breach(.sev3, 120, 100), since: start), rule: rule, labels: Labels(["sku": "B2"]), at: start)
        #expect(try store.incidents().count == 2)
    }

    @Test func raiseSaysFromWhatToWhatAndWhy() async throws {
        try await ledger.commit(.open(breach(.sev3, 130, 100), since: start), rule: rule, labels: labels, at: start)
        let change = try #require(
            try await ledger.commit(
                .raise(from: .sev3, to: breach(.sev2, 350, 300)), rule: rule, labels: labels, at: start + 30))
        #expect(change.event.kind == .severityRaised)
        #expect(change.event.message == "Severity raised from sev3 to sev2: 350 > 300")
        #expect(change.incident.severity == .sev2 && change.incident.peakSeverity == .sev2)
        #expect(change.incident.peakValue == 350)
        #expect(change.incident.threshold == 300)
    }

    @Test func easingIsNotedAndKeepsTheSeverity() async throws {
        try await ledger.commit(.open(breach(.sev2, 350, 300), since: start), rule: rule, labels: labels, at: start)
        let change = try #require(
            try await ledger.commit(
                .ease(severity: .sev2, observed: breach(.sev3, 150, 100)), rule: rule, labels: labels, at: start + 10))
        #expect(change.event.kind == .severityEased)
        #expect(change.event.message == "Value improved to 150 > 100 (sev3 level); severity stays sev2 until resolved")
        #expect(change.incident.severity == .sev2)
        #expect(change.incident.value == 150 && change.incident.peakValue == 350)
    }

    @Test func autoResolveClosesTheFingerprintForANewIncident() async throws {
        let opened = try #require(
            try await ledger.commit(.open(breach(.sev3, 130, 100), since: start), rule: rule, labels: labels, at: start)
        )
        let resolved = try #require(
            try await ledger.commit(.resolve(healthyFor: .seconds(60)), rule: rule, labels: labels, at: start + 120))
        #expect(resolved.incident.status == .resolved && resolved.incident.resolvedAt == start + 120)
        #expect(resolved.event.message == "Resolved automatically: healthy for 1m")
        let reopened = try #require(
            try await ledger.commit(
                .open(breach(.sev3, 130, 100), since: start + 200), rule: rule, labels: labels, at: start + 200))
        #expect(reopened.incident.id != opened.incident.id)
        let id = try #require(opened.incident.id)
        #expect(try store.timeline(id).map(\.kind) == [.opened, .resolved, .postMortem])
    }

    @Test func aWorseValueAfterAPersonResolvedOpensANewIncident() async throws {
        let opened = try #require(
            try await ledger.commit(.open(breach(.sev3, 130, 100), since: start), rule: rule, labels: labels, at: start)
        )
        let id = try #require(opened.incident.id)
        try await ledger.perform(.resolve, on: id, by: "wanglei", note: "supplier recalled the batch", at: start + 5)
        #expect(
            try await ledger.commit(
                .recovering(severity: .sev3, reading: "90"), rule: rule, labels: labels, at: start + 6)
                == nil)
        let change = try #require(
            try await ledger.commit(
                .raise(from: .sev3, to: breach(.sev2, 320, 300)), rule: rule, labels: labels, at: start + 9))
        #expect(change.incident.id != id && change.incident.severity == .sev2)
    }

    @Test func declaringAttributesThePerson() async throws {
        let change = try await ledger.declare(
            title: "Typhoon delays deliveries in the south", category: .logistics, severity: .sev2, by: "zhangmin",
            at: start)
        #expect(change.incident.origin == .declared && change.incident.declaredBy == "zhangmin")
        #expect(change.event.kind == .declared && change.event.actor == "zhangmin")
        await #expect(throws: IncidentError.self) {
            try await ledger.declare(title: "  ", category: .logistics, severity: .sev2, by: "zhangmin", at: start)
        }
    }

    @Test func actionsFollowTheStatusOrder() async throws {
        let change = try await ledger.declare(
            title: "Leak", category: .security, severity: .sev1, by: "lina", at: start)
        let id = try #require(change.incident.id)
        let acknowledged = try await ledger.perform(.acknowledge, on: id, by: "zhangmin", note: "on it", at: start + 60)
        #expect(acknowledged.incident.status == .acknowledged && acknowledged.incident.acknowledgedAt == start + 60)
        #expect(acknowledged.event.message == "Acknowledged by zhangmin: on it")
        let error = try await #require(throws: IncidentError.self) {
            try await ledger.perform(.acknowledge, on: id, by: "zhangmin", at: start + 61)
        }
        #expect(error.message == "Incident #\(id.rawValue) is acknowledged; it can be acknowledged only when open.")
        await #expect(throws: IncidentError.notFound(IncidentID(999))) {
            try await ledger.perform(.resolve, on: IncidentID(999), by: "zhangmin", at: start)
        }
        #expect(try store.timeline(id).map(\.kind) == [.declared, .acknowledged])
    }
}
