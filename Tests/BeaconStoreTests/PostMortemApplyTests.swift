import BeaconCore
import BeaconTestSupport
import Foundation
import GRDB
import Testing

@testable import BeaconStore

@Suite struct PostMortemApplyTests {
    let directory = TemporaryDirectory()
    let store: BeaconStore
    let postMortems: PostMortemStore
    let id: IncidentID
    /// Monday 2026-11-23 09:00 UTC.
    let start = Date(timeIntervalSince1970: 1_795_424_400)

    init() async throws {
        store = try BeaconStore.open(path: directory.file("beacon.sqlite"))
        let ledger = IncidentLedger.recordingOnly(store)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        postMortems = PostMortemStore(ledger, calendar: calendar)
        let change = try await ledger.declare(
            title: "Checkout errors", category: .system, severity: .sev2, by: "alice", at: start)
        id = try #require(change.incident.id)
        try await ledger.perform(.resolve, on: id, by: "bob", at: start.addingTimeInterval(600))
        try await postMortems.openPostMortem(id, at: start.addingTimeInterval(600))
    }

    func at(_ minutes: Double) -> Date { start.addingTimeInterval(minutes * 60) }

    func current() async throws -> PostMortemUpdate { await PostMortemUpdate(try postMortems.report(id)) }

    func edits() throws -> [TimelineEvent] {
        try store.timeline(id).filter { $0.kind == .postMortem && $0.message.hasPrefix("Post-mortem edited") }
    }

    func followUp(_ description: String, id followUpID: Int64? = nil, status: FollowUpStatus = .open) -> FollowUp {
        FollowUp(
            id: followUpID, incidentID: id, kind: .plan, description: description, owner: "wanglei",
            dueAt: at(7 * 24 * 60), status: status, reason: status == .wontDo ? "Not worth it" : nil)
    }

    @Test func appliesEverythingInOneEventNamingWhoChangedWhat() async throws {
        var update = try await current()
        update.fields.rootCause = "Expired TLS certificate"
        update.fields.trigger = "Nightly rotation failed"
        update.fields.ordersAffected = 120
        update.comments[.warnedEarly] = "Customers told us first."
        update.followUps = [followUp("Alert before expiry"), followUp("Runbook for renewal")]
        let changes = try await postMortems.apply(update, to: id, by: "bob", at: at(30))
        #expect(changes.added.count == 2)

        let report = try await postMortems.report(id)
        #expect(report.postMortem.fields.rootCause == "Expired TLS certificate")
        #expect(report.postMortem.comments == [.warnedEarly: "Customers told us first."])
        #expect(report.postMortem.updatedAt == at(30))
        #expect(report.followUps.map(\.description) == ["Alert before expiry", "Runbook for renewal"])
        #expect(report.followUps.allSatisfy { $0.createdAt == at(30) && $0.closedAt == nil && $0.id != nil })
        #expect(
            try edits().map(\.message) == [
                "Post-mortem edited by bob: root cause, trigger, orders affected, comment on warned early; "
                    + "2 follow-ups added"
            ])
        #expect(try edits().first?.actor == "bob")
        #expect(try edits().first?.at == at(30))
    }

    @Test func nothingChangedWritesNothing() async throws {
        var update = try await current()
        update.followUps = [followUp("Alert before expiry")]
        try await postMortems.apply(update, to: id, by: "bob", at: at(30))
        let before = try await postMortems.report(id)
        let eventsBefore = try store.timeline(id).count

        let changes = try await postMortems.apply(try current(), to: id, by: "carol", at: at(60))
        #expect(changes.isEmpty)
        #expect(try await postMortems.report(id) == before, "updated_at is untouched")
        #expect(try store.timeline(id).count == eventsBefore)

        var sameWords = try await current()
        sameWords.followUps[0].description = "  Alert before expiry \n"
        #expect(try await postMortems.apply(sameWords, to: id, by: "carol", at: at(60)).isEmpty, "blanks do not count")
    }

    @Test func closingAndReopeningFollowUpsStampsThemLikeSave() async throws {
        var update = try await current()
        update.followUps = [followUp("Alert before expiry"), followUp("Drill")]
        try await postMortems.apply(update, to: id, by: "bob", at: at(30))

        update = try await current()
        update.followUps[0].status = .done
        update.followUps[1].status = .wontDo
        update.followUps[1].reason = "Covered by the Q4 drill"
        update.followUps.append(followUp("Runbook"))
        try await postMortems.apply(update, to: id, by: "bob", at: at(90))
        var stored = try await postMortems.followUps(id)
        #expect(stored.map(\.createdAt) == [at(30), at(30), at(90)])
        #expect(stored.map(\.closedAt) == [at(90), at(90), nil])

        update = try await current()
        update.followUps[0].status = .open
        update.followUps[1].description = "Drill the status page"
        try await postMortems.apply(update, to: id, by: "carol", at: at(120))
        stored = try await postMortems.followUps(id)
        #expect(stored.map(\.closedAt) == [nil, at(90), nil], "reopening clears it; an edit keeps it")
        #expect(
            try edits().map(\.message) == [
                "Post-mortem edited by bob: 2 follow-ups added",
                "Post-mortem edited by bob: 1 follow-up added, 1 marked done, 1 marked won't do",
                "Post-mortem edited by carol: 1 follow-up reopened, 1 changed",
            ])
    }

    @Test func followUpsLeftOutAreNeverDeleted() async throws {
        var update = try await current()
        update.followUps = [followUp("Alert before expiry")]
        try await postMortems.apply(update, to: id, by: "bob", at: at(30))
        update = try await current()
        update.followUps = []
        update.fields.rootCause = "Expired certificate"
        try await postMortems.apply(update, to: id, by: "bob", at: at(40))
        #expect(try await postMortems.followUps(id).map(\.description) == ["Alert before expiry"])
    }

    @Test func refusesWhatIsNotThisIncidentsOrInvalidWritingNothing() async throws {
        let other = try await IncidentLedger.recordingOnly(store).declare(
            title: "Search slow", category: .system, severity: .sev3, by: "alice", at: start)
        let otherID = try #require(other.incident.id)
        try await IncidentLedger.recordingOnly(store).perform(.resolve, on: otherID, by: "bob", at: at(5))
        try await postMortems.openPostMortem(otherID, at: at(5))
        var theirs = await PostMortemUpdate(try postMortems.report(otherID))
        theirs.followUps = [followUp("Theirs")]
        try await postMortems.apply(theirs, to: otherID, by: "bob", at: at(6))
        let foreignID = try #require(try await postMortems.followUps(otherID).first?.id)

        var update = try await current()
        update.fields.rootCause = "Something"
        update.followUps = [followUp("Not ours", id: foreignID)]
        let foreign = try await #require(throws: StoreError.self) {
            try await postMortems.apply(update, to: id, by: "bob", at: at(30))
        }
        #expect(foreign.message == "Incident \(id) has no follow-up \(foreignID).")

        update.followUps = [followUp("Won't do", status: .wontDo)]
        update.followUps[0].reason = " "
        await #expect(throws: StoreError.self) { try await postMortems.apply(update, to: id, by: "bob", at: at(30)) }
        #expect(try await postMortems.report(id).postMortem.fields.rootCause == nil, "nothing was written")
        #expect(try edits().isEmpty)

        let missing = try await #require(throws: StoreError.self) {
            try await postMortems.apply(PostMortemUpdate(), to: IncidentID(99), by: "bob", at: at(30))
        }
        #expect(missing.code == .notFound)
    }

    @Test func refusesAnEditOfAPostMortemThatChangedMeanwhile() async throws {
        let base = try await current()
        var theirs = base
        theirs.fields.trigger = "Cron job"
        try await postMortems.apply(theirs, to: id, by: "carol", at: at(20))

        var mine = base
        mine.fields.rootCause = "Expired certificate"
        let error = try await #require(throws: StoreError.self) {
            try await postMortems.apply(mine, to: id, by: "bob", at: at(30), since: base)
        }
        #expect(error.code == .conflict)
        #expect(try await postMortems.report(id).postMortem.fields.rootCause == nil)
        #expect(try await postMortems.report(id).postMortem.fields.trigger == "Cron job", "carol's change is kept")
    }

    @Test func aClosedIncidentsPostMortemIsReadUntilReopenedButItsFollowUpsGoOn() async throws {
        var update = try await current()
        update.fields.rootCause = "Expired certificate"
        update.followUps = [followUp("Alert before expiry")]
        try await postMortems.apply(update, to: id, by: "bob", at: at(30))
        try await postMortems.closeIncident(id, by: "bob", at: at(40))

        update = try await current()
        update.followUps[0].status = .done
        #expect(try await postMortems.apply(update, to: id, by: "bob", at: at(50)).markedDone == 1, "follow-ups go on")
        update = try await current()
        update.fields.rootCause = " "
        let error = try await #require(throws: StoreError.self) {
            try await postMortems.apply(update, to: id, by: "bob", at: at(60))
        }
        #expect(
            error.message
                == "Incident \(id) is closed: reopen it (with a reason) to change its post-mortem; its follow-ups can "
                + "still be updated.")
        #expect(try await postMortems.report(id).postMortem.fields.rootCause == "Expired certificate")

        let refused = await #expect(throws: IncidentError.self) {
            try await postMortems.ledger.reopen(id, reason: " ", by: "bob", layer: .execution, at: at(70))
        }
        #expect(refused?.message == "Say why it reopens.")
        try await postMortems.ledger.reopen(
            id, reason: "The certificate expired again", by: "bob", layer: .execution, at: at(70))
        update = try await current()
        update.fields.rootCause = "Expired certificate, renewed by hand"
        try await postMortems.apply(update, to: id, by: "bob", at: at(80))
        #expect(try await postMortems.report(id).postMortem.fields.rootCause == "Expired certificate, renewed by hand")
        #expect(try postMortems.ledger.store.incident(id)?.status == .resolved)
    }
}
