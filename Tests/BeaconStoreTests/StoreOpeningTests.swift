import BeaconCore
import BeaconTestSupport
import Foundation
import GRDB
import Testing

@testable import BeaconStore

@Suite struct StoreOpeningTests {
    let directory = TemporaryDirectory()

    @Test func migratesAnEmptyFileInWALMode() throws {
        let store = try BeaconStore.open(path: directory.file("beacon.sqlite"))
        let (mode, tables, applicationID) = try store.writer.read { db in
            (
                try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"),
                try Int32.fetchOne(db, sql: "PRAGMA application_id")
            )
        }
        #expect(mode == "wal")
        #expect(tables.contains("incident") && tables.contains("timeline_event") && tables.contains("series_sample"))
        #expect(applicationID == Schema.applicationID)
    }

    @Test func reopeningKeepsTheData() throws {
        let path = directory.file("beacon.sqlite")
        do {
            let store = try BeaconStore.open(path: path)
            _ = try store.insert(Self.incident()) { Self.opened($0) }
        }
        let reopened = try BeaconStore.open(path: path)
        #expect(try reopened.incidents().count == 1)
    }

    @Test func refusesANewerSchemaAndLeavesTheFileUntouched() throws {
        let path = directory.file("beacon.sqlite")
        do {
            let store = try BeaconStore.open(path: path)
            try store.writer.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
            }
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = try #require(throws: StoreError.self) { try BeaconStore.open(path: path) }
        #expect(error.code == .newerSchema)
        #expect(error.message.contains("v99-from-the-future"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func refusesAFileThatIsNotADatabase() throws {
        let path = directory.file("notes.txt")
        let text = Data("These are somebody's notes, not a database.\n".utf8)
        try text.write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: StoreError.self) { try BeaconStore.open(path: path) }
        #expect(error.code == .notADatabase)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == text)
    }

    @Test func refusesAnotherApplicationsDatabase() throws {
        let path = directory.file("other.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in try db.execute(sql: "CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT)") }
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = try #require(throws: StoreError.self) { try BeaconStore.open(path: path) }
        #expect(error.code == .notBeacon)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    static func incident(
        fingerprint: String = "payment-success-rate", at: Date = Date(timeIntervalSince1970: 1_790_000_000)
    )
        -> Incident
    {
        Incident(
            fingerprint: Fingerprint(rawValue: fingerprint), ruleID: "payment-success-rate",
            title: "Payment success rate",
            category: .system, severity: .sev2, origin: .rule, labels: Labels(["region": "east"]), value: 0.85,
            threshold: 0.90, firstBreachAt: at.addingTimeInterval(-60), openedAt: at)
    }

    static func opened(_ id: IncidentID) -> TimelineEvent {
        TimelineEvent(
            incidentID: id, at: Date(timeIntervalSince1970: 1_790_000_000), kind: .opened, actor: TimelineEvent.system,
            message: "Opened at sev2: 0.85 < 0.9")
    }
}
