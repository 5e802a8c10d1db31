import BeaconCore
import BeaconTestSupport
import Foundation
import Testing

@testable import BeaconStore

/// Pages follow the roster: the person on duty when a page, a reminder or an escalation fires, not when the
/// incident opened; a gap pages the whole layer and says so.
struct RosterPagingTests {
    static let zone = TimeZone(identifier: "Asia/Shanghai")!

    /// The fixture's chain with its two leads rostered in 12-hour shifts, Zhang Min by day (optionally only
    /// from 08:00 to 20:00, leaving the nights uncovered).
    static func config(nights: Bool = true) -> BeaconConfig {
        TestChain.rostered(
            CommandChainFixture.config, shift: .seconds(12 * 3_600), handoff: "2027-02-01T08:00",
            hours: nights ? nil : "08:00-20:00", zone: zone)
    }

    func at(_ text: String) -> Date { LocalDateTime(parsing: text)!.date(in: Self.zone) }

    func operationPages(_ store: BeaconStore, _ id: IncidentID) throws -> [String] {
        try store.notifications(id).filter { $0.layer == .operation }.map { "\($0.kind.rawValue) \($0.person)" }
    }

    @Test func aPageReachesOnlyThePersonOnDutyAndAReminderWhoeverIsOnDutyWhenItFires() async throws {
        let store = try BeaconStore.inMemory()
        let ledger = IncidentLedger(store, planner: CommandPlanner(config: Self.config()))
        let id = try #require(
            try await ledger.declare(
                title: "Card payments failing", category: .system, severity: .sev2, by: "wanglei",
                at: at("2027-02-02T19:58")
            ).incident.id)
        #expect(try operationPages(store, id) == ["page zhangmin"])
        // The confirm step is due at 20:03; by then the night shift holds the layer.
        try await ledger.fireDueDeadlines(at: at("2027-02-02T20:04"))
        #expect(try operationPages(store, id).contains("reminder chenxiao"))
        #expect(try !operationPages(store, id).contains("reminder zhangmin"))
    }

    @Test func aGapPagesTheWholeLayerAndTheTimelineSaysSo() async throws {
        let store = try BeaconStore.inMemory()
        let ledger = IncidentLedger(store, planner: CommandPlanner(config: Self.config(nights: false)))
        let id = try #require(
            try await ledger.declare(
                title: "Card payments failing", category: .system, severity: .sev3, by: "wanglei",
                at: at("2027-02-02T21:00")
            ).incident.id)
        #expect(try Set(operationPages(store, id)) == ["page zhangmin", "page chenxiao"])
        #expect(
            try store.timeline(id).map(\.message).contains(
                "Nobody is on duty in roster cs-duty: the whole operation layer is paged"))
    }
}
