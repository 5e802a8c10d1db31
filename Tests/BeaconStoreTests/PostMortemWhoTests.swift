import BeaconCore
import BeaconTestSupport
import Foundation
import Testing

@testable import BeaconStore

/// The Who of a post-mortem read from a real SQLite file: the people who acted on the incident and the layers
/// asked to act on it, not those who wrote or were chased about its review afterwards.
@Suite struct PostMortemWhoTests {
    let directory: TemporaryDirectory
    let store: BeaconStore
    let ledger: IncidentLedger
    let postMortems: PostMortemStore
    let id: IncidentID
    let start = CommandChainFixture.start

    /// A sev3 (operation paged) escalated by hand to execution and resolved; then Wang Lei writes the post-mortem,
    /// it falls overdue, and the decision layer is told.
    init() async throws {
        let declared = try await DeclaredOnFile()
        (directory, store, ledger, postMortems, id) = (
            declared.directory, declared.store, declared.ledger, declared.postMortems, declared.id
        )
        try await ledger.perform(.acknowledge, on: id, by: "chenxiao", at: start + 60)
        try await ledger.escalate(id, to: .execution, by: "zhangmin", note: "needs a director", at: start + 120)
        try await ledger.perform(.resolve, on: id, by: "zhangmin", at: start + 600)
        var update = await PostMortemUpdate(try postMortems.report(id))
        update.fields.rootCause = "A deploy dropped the gateway's retry setting."
        try await postMortems.apply(update, to: id, by: "wanglei", at: start + 3_600)
        let due = try #require(try await postMortems.postMortem(id)?.dueAt)
        try await ledger.fireDueDeadlines(at: due + 60)
    }

    @Test func theReviewIsChasedOnTheRecord() throws {
        let notifications = try store.notifications(id)
        #expect(notifications.contains { $0.person == "lina" && $0.kind == .escalation }, "the overdue notice")
        #expect(notifications.contains { $0.person == "wanglei" && $0.kind == .reminder })
        #expect(try store.timeline(id).contains { $0.actor == "wanglei" && $0.kind == .postMortem })
    }

    @Test func peopleWhoActedAreThoseWhoWorkedTheIncident() async throws {
        let who = try await postMortems.report(id).draft.who
        #expect(who.people == ["zhangmin", "chenxiao"], "not wanglei, who wrote the post-mortem")
        #expect(who.acted.map(\.text) == ["Zhang Min (zhangmin; operation)", "Chen Xiao (chenxiao; operation)"])
    }

    @Test func layersPagedAreThoseAskedToActOnTheIncident() async throws {
        let who = try await postMortems.report(id).draft.who
        #expect(who.layersPaged == [.operation, .execution], "not decision, told only that the review is late")
        #expect(
            who.paged.map(\.text) == [
                "operation (on-call leads): Zhang Min; Chen Xiao", "execution (directors): Wang Lei",
            ])
    }
}
