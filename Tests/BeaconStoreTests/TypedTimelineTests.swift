import BeaconCore
import BeaconTestSupport
import Foundation
import GRDB
import Testing

@testable import BeaconStore

/// Timeline events are stored as facts and told as sentences where they are read; rows from before facts existed
/// keep their sentence.
@Suite struct TypedTimelineTests {
    let directory = TemporaryDirectory()

    @Test func aNewEventIsStoredAsItsFactAndReadBackTyped() async throws {
        let store = try BeaconStore.open(path: directory.file("beacon.sqlite"))
        let ledger = IncidentLedger(store, planner: CommandPlanner(config: CommandChainFixture.config))
        let id = try #require(
            try await ledger.declare(
                title: "Card payments failing", category: .system, severity: .sev2, by: "zhangmin",
                at: CommandChainFixture.start
            ).incident.id)
        try await ledger.completeStep(
            "confirm", of: id, by: "zhangmin", layer: .operation, note: "2% of orders", at: .now)

        let timeline = try store.timeline(id)
        #expect(timeline.first?.fact == .declared(by: "zhangmin", severity: .sev2, category: .system))
        #expect(timeline.first?.message == "Declared by zhangmin at sev2 (major), category system")
        #expect(timeline.contains { $0.fact == .stepDone(step: "confirm", by: "zhangmin", note: "2% of orders") })
        let stored = try store.writer.read { db in
            try Row.fetchOne(
                db, sql: "SELECT kind, fact FROM timeline_event WHERE incident_id = ? ORDER BY id LIMIT 1",
                arguments: [id.rawValue])
        }
        #expect(stored?["kind"] == "declared")
        let fact = try #require(stored?["fact"] as String?)
        #expect(fact.contains("\"declared\"") && fact.contains("\"zhangmin\""), "the payload, not a sentence")
    }

    /// A store written before migration v9: its events have a sentence and no fact, and read as that sentence.
    @Test func anEventFromBeforeTheMigrationKeepsItsSentence() throws {
        let path = directory.file("beacon.sqlite")
        let store = try BeaconStore.open(path: path)
        let incident = try store.insert(StoreOpeningTests.incident()) { StoreOpeningTests.opened($0) }
        let id = try #require(incident.id)
        try store.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO timeline_event (incident_id, at, kind, actor, message, fact)
                    VALUES (?, 1790000000, 'step', 'alice', 'Step progress done by alice: on track', NULL)
                    """, arguments: [id.rawValue])
        }
        let reopened = try BeaconStore.open(path: path)
        let old = try #require(try reopened.timeline(id).last)
        #expect(old.fact == .text("Step progress done by alice: on track"))
        #expect(old.message == "Step progress done by alice: on track")
        #expect(old.kind == .step)
        #expect(StepCompletions([old])["progress"].count == 1, "old step sentences still count as done")
    }
}
