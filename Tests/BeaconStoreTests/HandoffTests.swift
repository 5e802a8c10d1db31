import BeaconCore
import BeaconTestSupport
import Foundation
import GRDB
import Testing

@testable import BeaconStore

/// At each handoff the incoming person is told what their layer holds and the outgoing one that someone took
/// over: once, however often the check runs, on however many nodes, and not for handoffs long past.
struct HandoffTests {
    static let zone = RosterPagingTests.zone
    let store: BeaconStore
    let ledger: IncidentLedger

    init() throws {
        store = try BeaconStore.inMemory()
        ledger = IncidentLedger(store, planner: CommandPlanner(config: RosterPagingTests.config()))
    }

    func at(_ text: String) -> Date { LocalDateTime(parsing: text)!.date(in: Self.zone) }

    func handoffs() throws -> [String] {
        try store.notifications(scope: "roster-cs-duty").map { "\($0.kind.rawValue) \($0.person) \($0.channelID)" }
    }

    @Test func theIncomingPersonGetsTheOpenIncidentsAndTheOutgoingOneAConfirmation() async throws {
        #expect(try await ledger.announceHandoffs(at: at("2027-02-02T19:00")) == 0, "the first check starts the count")
        let id = try #require(
            try await ledger.declare(
                title: "Card payments failing", category: .system, severity: .sev2, by: "wanglei",
                at: at("2027-02-02T19:30")
            ).incident.id)
        #expect(try await ledger.announceHandoffs(at: at("2027-02-02T19:59")) == 0)
        #expect(try await ledger.announceHandoffs(at: at("2027-02-02T20:00:01")) == 2)
        // Chen Xiao takes the night shift from Zhang Min, each on their first channel.
        #expect(try handoffs() == ["handoff chenxiao hook", "handed_over zhangmin hook"])
        let incoming = try #require(try store.notifications(scope: "roster-cs-duty").first)
        #expect(incoming.incidentID == nil)
        #expect(incoming.message.subject == "On duty: operation layer (cs-duty) from 20:00:00 UTC+8")
        #expect(
            incoming.message.text.contains(
                "You are on duty for the operation layer (roster cs-duty) from 20:00:00 UTC+8 until 2027-02-03 "
                    + "08:00:00 UTC+8, taking over from Zhang Min."))
        #expect(incoming.message.text.contains("• [sev2] #\(id.rawValue) Card payments failing (open)"))
        #expect(incoming.message.handoff?.incidents.map(\.id) == [id.rawValue])
        #expect(incoming.message.handoff?.url == "https://beacon.example.com/oncall")
        #expect(incoming.idempotencyKey.hasPrefix("roster-cs-duty/handoff-"))
        let outgoing = try #require(try store.notifications(scope: "roster-cs-duty").last)
        #expect(outgoing.message.text.contains("Chen Xiao is on duty now until 2027-02-03 08:00:00 UTC+8."))
        // Nothing about it on the incident's timeline: it is not a change to the incident.
        #expect(try store.timeline(id).allSatisfy { !$0.message.contains("handoff") })
    }

    @Test func aHandoffIsToldOnceAcrossChecksRestartsAndNodes() async throws {
        _ = try await ledger.announceHandoffs(at: at("2027-02-02T19:00"))
        #expect(try await ledger.announceHandoffs(at: at("2027-02-02T20:00:01")) == 2)
        #expect(try await ledger.announceHandoffs(at: at("2027-02-02T20:00:02")) == 0)
        // A second node whose check still started before the handoff queues nothing new: the keys are the same.
        try await store.writer.write { db in
            try db.execute(
                sql: "UPDATE setting SET value = ? WHERE key = ?",
                arguments: [at("2027-02-02T19:59").timeIntervalSince1970, IncidentLedger.handoffCheckpoint])
        }
        let other = IncidentLedger(store, planner: CommandPlanner(config: RosterPagingTests.config()))
        #expect(try await other.announceHandoffs(at: at("2027-02-02T20:00:03")) == 0)
        #expect(try handoffs().count == 2)
    }

    @Test func aHandoffMissedWhileDownIsToldLateButNotAfterAnHour() async throws {
        _ = try await ledger.announceHandoffs(at: at("2027-02-02T05:00"))
        // Down from 05:00 to 08:30: the 08:00 handoff is still news.
        #expect(try await ledger.announceHandoffs(at: at("2027-02-02T08:30")) == 2)
        #expect(try handoffs() == ["handoff zhangmin hook", "handed_over chenxiao hook"])
        // Down from 08:30 to 21:30: the 20:00 handoff is history.
        #expect(try await ledger.announceHandoffs(at: at("2027-02-02T21:30")) == 0)
        #expect(try handoffs().count == 2)
    }

    @Test func anOverrideIsAHandoffToo() async throws {
        _ = try await ledger.announceHandoffs(at: at("2027-02-02T09:00"))
        _ = try await store.rosters.addOverride(
            RosterOverride(
                roster: "cs-duty", person: "chenxiao", from: at("2027-02-02T10:00"), to: at("2027-02-02T12:00"),
                createdBy: "zhangmin", reason: "dentist", createdAt: at("2027-02-02T09:00")))
        #expect(try await ledger.announceHandoffs(at: at("2027-02-02T10:00:01")) == 2)
        #expect(try await ledger.announceHandoffs(at: at("2027-02-02T12:00:01")) == 2)
        #expect(
            try handoffs() == [
                "handoff chenxiao hook", "handed_over zhangmin hook", "handoff zhangmin hook",
                "handed_over chenxiao hook",
            ])
    }

    @Test func aLayerWithoutRosterHasNoHandoffs() async throws {
        let ledger = IncidentLedger(store, planner: CommandPlanner(config: CommandChainFixture.config))
        _ = try await ledger.announceHandoffs(at: at("2027-02-02T19:00"))
        #expect(try await ledger.announceHandoffs(at: at("2027-02-02T20:00:01")) == 0)
    }

    /// A store made before migration v13: its notifications survive the table's rebuild, and rows about no
    /// incident can be stored after it.
    @Test func notificationsSurviveTheMigrationThatLetsThemBeAboutNoIncident() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("beacon.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v12-invitations")
            try queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO incident (id, fingerprint, rule_id, title, category, severity, peak_severity,
                                              status, origin, labels, opened_at, updated_at)
                        VALUES (7, 'f', 'r', 'Old', 'system', 'sev3', 'sev3', 'triggered', 'declared', '{}',
                                1790000000, 1790000000);
                        INSERT INTO notification (incident_id, idempotency_key, base_key, kind, person, layer,
                            channel_id, channel_index, recipient, message, state, next_attempt_at, created_at)
                        VALUES (7, 'incident-7/page/zhangmin/hook', 'incident-7/page/zhangmin', 'page', 'zhangmin',
                            'operation', 'hook', 0, '{}', '{}', 'delivered', 1790000000, 1790000000);
                        """)
            }
        }
        let store = try BeaconStore.open(path: path)
        let (old, nullable) = try store.writer.read { db in
            (
                try String.fetchAll(db, sql: "SELECT idempotency_key FROM notification WHERE incident_id = 7"),
                try Row.fetchAll(db, sql: "PRAGMA table_info(notification)").first { $0["name"] == "incident_id" }?[
                    "notnull"] as Int?
            )
        }
        #expect(old == ["incident-7/page/zhangmin/hook"])
        #expect(nullable == 0)
    }
}
