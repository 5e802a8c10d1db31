import BeaconCore
import Foundation
import Testing

@testable import BeaconStore

@Suite struct PostMortemStoreTests {
    let store: BeaconStore
    let ledger: IncidentLedger
    let postMortems: PostMortemStore
    let id: IncidentID
    /// Monday 2026-11-23 09:00 UTC.
    let start = Date(timeIntervalSince1970: 1_795_424_400)

    init() async throws {
        store = try BeaconStore.inMemory()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        ledger = IncidentLedger.recordingOnly(store, calendar: calendar)
        postMortems = PostMortemStore(ledger, calendar: calendar)
        let change = try await ledger.declare(
            title: "Checkout errors", category: .system, severity: .sev2, by: "alice", at: start)
        id = try #require(change.incident.id)
        try await ledger.perform(.acknowledge, on: id, by: "alice", at: start.addingTimeInterval(60))
        try await ledger.perform(.resolve, on: id, by: "bob", at: start.addingTimeInterval(600))
    }

    @Test func resolvingOpensItOwnedByExecutionDueInFiveWorkingDays() async throws {
        let resolved = start.addingTimeInterval(600)
        let postMortem = try #require(try await postMortems.postMortem(id))
        #expect(
            try store.timeline(id).last?.message
                == "Post-mortem opened: the execution layer writes it by Mon 30 Nov 2026")
        #expect(postMortem.owner == .execution)
        #expect(postMortem.dueAt == resolved.addingTimeInterval(7 * 86_400))
        #expect(try await postMortems.openPostMortem(id, at: resolved.addingTimeInterval(60)) == postMortem)
    }

    @Test func closingNeedsRootCauseAndFollowUp() async throws {
        let error = try await #require(throws: IncidentError.self) {
            try await postMortems.closeIncident(id, by: "bob", at: start.addingTimeInterval(900))
        }
        #expect(error.message.contains("a root cause"))
        #expect(error.message.contains("at least one follow-up or a reason why no action is needed"))

        try postMortems.edit(id, at: start) { $0.fields.rootCause = "Expired TLS certificate" }
        let second = try await #require(throws: IncidentError.self) {
            try await postMortems.closeIncident(id, by: "bob", at: start.addingTimeInterval(900))
        }
        #expect(!second.message.contains("a root cause"))
        #expect(try store.incident(id)?.status == .resolved)

        try postMortems.save(
            FollowUp(
                incidentID: id, kind: .plan, description: "Alert 30 days before expiry", owner: "bob",
                dueAt: start.addingTimeInterval(86_400)), at: start)
        let change = try await postMortems.closeIncident(id, by: "bob", at: start.addingTimeInterval(900))
        #expect(change.incident.status == .closed)
    }

    @Test func noActionReasonStandsInForFollowUps() async throws {
        try postMortems.edit(id, at: start) {
            $0.fields.rootCause = "Provider outage"
            $0.noActionReason = "Provider fixed it; nothing of ours to change."
        }
        #expect(try await postMortems.closeIncident(id, by: "bob", at: start).incident.status == .closed)
    }

    @Test func closingWithoutPostMortemIsRefused() async throws {
        // As for an incident resolved before post-mortems existed.
        try await store.writer.write { try $0.execute(sql: "DELETE FROM post_mortem") }
        let error = try await #require(throws: IncidentError.self) {
            try await postMortems.closeIncident(id, by: "bob", at: start)
        }
        #expect(error.message.contains("no post-mortem"))
    }

    @Test func commentsAndFollowUpsRoundTrip() async throws {
        try postMortems.edit(id, at: start) { $0.comments[.warnedEarly] = "Customers told us first." }
        var followUp = try postMortems.save(
            FollowUp(
                incidentID: id, kind: .knowledgeBase, description: "Write the runbook", owner: "carol",
                dueAt: start), at: start)
        #expect(followUp.createdAt == start)
        #expect(followUp.closedAt == nil)
        followUp.status = .wontDo
        #expect(throws: StoreError.self) { try postMortems.save(followUp, at: start) }
        followUp.reason = "Already covered"
        let later = start.addingTimeInterval(3_600)
        followUp = try postMortems.save(followUp, at: later)
        #expect(followUp.createdAt == start)
        #expect(followUp.closedAt == later)
        #expect(try postMortems.save(followUp, at: later.addingTimeInterval(60)).closedAt == later)
        followUp.status = .open
        #expect(try postMortems.save(followUp, at: later).closedAt == nil)
        followUp.status = .wontDo
        try postMortems.save(followUp, at: later)
        let report = try await postMortems.report(id)
        #expect(report.postMortem.comments == [.warnedEarly: "Customers told us first."])
        #expect(report.followUps.map(\.status) == [.wontDo])
        #expect(report.findings.map(\.kind) == [.warnedEarly, .respondedFast, .fullySolved])
        #expect(report.findings.first?.verdict == false)
        #expect(report.draft.who.people == ["alice", "bob"])
    }
}
