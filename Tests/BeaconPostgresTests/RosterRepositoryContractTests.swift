import BeaconCore
import Foundation
import Testing

/// What every store's roster overrides answer, SQLite and PostgreSQL alike.
@Suite struct RosterRepositoryContractTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    func override(_ person: PersonID, roster: String = "cs-duty", from hours: Double, to end: Double) -> RosterOverride
    {
        RosterOverride(
            roster: roster, person: person, from: Self.start.addingTimeInterval(hours * 3_600),
            to: Self.start.addingTimeInterval(end * 3_600), createdBy: "zhangmin", reason: "swap 换班",
            createdAt: Self.start)
    }

    @Test(.timeLimit(.minutes(2)), arguments: RepositoryBackend.allCases)
    func overridesAreStoredFoundByTimeAndRosterAndRemovedOnce(_ backend: RepositoryBackend) async throws {
        try await backend.with { rosters in
            let morning = try await rosters.addOverride(override("chenxiao", from: 0, to: 8))
            let evening = try await rosters.addOverride(override("liuyang", from: 8, to: 20))
            let other = try await rosters.addOverride(override("sunli", roster: "directors", from: 0, to: 24))
            #expect(morning.id != nil && evening.id != nil && morning.id != evening.id)
            #expect(try await rosters.override(try #require(morning.id)) == morning, "stored as given, reason included")

            let hour = { (h: Double) in Self.start.addingTimeInterval(h * 3_600) }
            #expect(try await rosters.overrides(roster: "cs-duty", from: hour(7), to: hour(9)) == [morning, evening])
            #expect(try await rosters.overrides(roster: "cs-duty", from: hour(8), to: hour(9)) == [evening])
            #expect(try await rosters.overrides(roster: nil, from: hour(0), to: hour(1)) == [morning, other])
            #expect(try await rosters.overrides(roster: "cs-duty", from: hour(20), to: hour(30)) == [])

            let removed = try await rosters.removeOverride(try #require(evening.id), by: "wanglei", at: hour(1))
            #expect(removed == evening)
            #expect(try await rosters.removeOverride(try #require(evening.id), by: "wanglei", at: hour(2)) == nil)
            #expect(try await rosters.override(try #require(evening.id)) == nil)
            #expect(try await rosters.overrides(roster: "cs-duty", from: hour(0), to: hour(24)) == [morning])
            #expect(try await rosters.removeOverride(9_999, by: "wanglei", at: hour(2)) == nil)
        }
    }
}
