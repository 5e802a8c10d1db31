import BeaconCore
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BeaconServer

@Suite struct PostMortemFollowUpFormTests {
    let fixture: ConsoleFixture
    let id: IncidentID

    init() async throws {
        fixture = try await ConsoleFixture()
        id = try await fixture.workedRuleIncident()
    }

    var base: String { "/incidents/\(id.rawValue)/postmortem" }

    @Test func addingAFollowUpListsItAndClearsTheBannerItem() async throws {
        try await fixture.application().test(.router) { client in
            let session = try await fixture.signIn(client, as: .execution)
            let response = try await fixture.post(
                client, "\(base)/follow-ups", as: session, csrf: session.csrf,
                [
                    ("kind", "knowledge_base"), ("description", "Write the gateway runbook"), ("owner", "Zhang Min"),
                    ("due", "2026-10-02"),
                ])
            let (_, html) = try await fixture.follow(client, response, as: session)
            #expect(html.contains("Follow-up added: Write the gateway runbook (Zhang Min)."))
            #expect(
                html.contains(
                    #"<td data-label="Type">Knowledge base</td><td data-label="Action">Write the gateway runbook</td>"#)
            )
            #expect(!html.contains("<li>at least one follow-up or a reason why no action is needed</li>"))
            let followUp = try #require(try await fixture.postMortems.followUps(id).first)
            #expect(followUp.kind == .knowledgeBase)
            #expect(followUp.owner == "Zhang Min")
            #expect(followUp.status == .open)
            #expect(DueDay.text(followUp.dueAt) == "2026-10-02")
            #expect(followUp.createdAt == fixture.now)
        }
    }

    @Test func aWrongFollowUpIsRefusedNamingEachFieldAndKeepingWhatWasTyped() async throws {
        try await fixture.application().test(.router) { client in
            let session = try await fixture.signIn(client, as: .operation)
            let response = try await fixture.post(
                client, "\(base)/follow-ups", as: session, csrf: session.csrf,
                [
                    ("kind", "wishlist"), ("description", "Buy <a> second gateway"), ("owner", " "),
                    ("due", "2026-02-30"),
                ])
            #expect(response.status == .unprocessableContent)
            let html = String(buffer: response.body)
            #expect(html.contains(##"<a href="#add-follow-up">Correct the form</a>"##))
            #expect(html.contains("<li>Type: choose one of plan, knowledge_base, training, other.</li>"))
            #expect(html.contains("<li>Owner: name who will do it.</li>"))
            #expect(
                html.contains("<li>Due: “2026-02-30” is not a date; use the form YYYY-MM-DD, like 2026-12-01.</li>"))
            #expect(
                html.contains(
                    #"id="follow-up-description" name="description" maxlength="2000" value="Buy &lt;a&gt; second gateway""#
                ))
            #expect(html.contains(#"name="due" min="2026-09-21" value="2026-02-30""#))
            let past = try await fixture.post(
                client, "\(base)/follow-ups", as: session, csrf: session.csrf,
                [("kind", "training"), ("description", "Drill"), ("owner", "Zhang Min"), ("due", "2026-09-01")])
            #expect(past.status == .unprocessableContent)
            let pastHTML = String(buffer: past.body)
            #expect(pastHTML.contains("<li>Due: 2026-09-01 has already passed; choose today or a later day.</li>"))
            #expect(pastHTML.contains(#"<option value="training" selected>Training</option>"#))
            let empty = try await fixture.post(client, "\(base)/follow-ups", as: session, csrf: session.csrf)
            let emptyHTML = String(buffer: empty.body)
            #expect(emptyHTML.contains("<li>Action: say what will be done.</li>"))
            #expect(emptyHTML.contains("<li>Due: choose a day.</li>"))
        }
        #expect(try await fixture.postMortems.followUps(id).isEmpty)
    }

    @Test func aFollowUpIsDoneWontDoWithAReasonOrReopened() async throws {
        let item = try fixture.postMortems.save(
            FollowUp(
                incidentID: id, kind: .plan, description: "Review the deploy checklist", owner: "Wang Lei",
                dueAt: fixture.now.addingTimeInterval(86_400)), at: fixture.now)
        let uri = "\(base)/follow-ups/\(try #require(item.id))"
        @Sendable func stored() async throws -> FollowUp {
            try #require(try await fixture.postMortems.followUps(id).first)
        }
        try await fixture.application().test(.router) { client in
            let session = try await fixture.signIn(client, as: .execution)
            let noReason = try await fixture.post(
                client, uri, as: session, csrf: session.csrf, [("status", "wont_do"), ("reason", "")])
            #expect(
                try await fixture.follow(client, noReason, as: session).html.contains(
                    "Say why “Review the deploy checklist” won&#39;t be done: the reason is required."))
            #expect(try await stored().status == .open)

            let wontDo = try await fixture.post(
                client, uri, as: session, csrf: session.csrf, [("status", "wont_do"), ("reason", "Checklist retired")])
            #expect(
                try await fixture.follow(client, wontDo, as: session).html.contains(
                    "Follow-up marked won&#39;t do: Review the deploy checklist."))
            #expect(try await stored().status == .wontDo)
            #expect(try await stored().reason == "Checklist retired")
            #expect(try await stored().closedAt == fixture.now)

            let reopened = try await fixture.post(client, uri, as: session, csrf: session.csrf, [("status", "open")])
            let (_, html) = try await fixture.follow(client, reopened, as: session)
            #expect(html.contains("Follow-up reopened: Review the deploy checklist."))
            #expect(try await stored().status == .open)
            #expect(try await stored().reason == nil)
            #expect(try await stored().closedAt == nil)

            let done = try await fixture.post(
                client, uri, as: session, csrf: session.csrf, [("status", "done"), ("reason", "ignored")])
            #expect(try await fixture.follow(client, done, as: session).html.contains("Follow-up done"))
            #expect(try await stored().status == .done)
            #expect(try await stored().reason == nil)

            let unknown = try await fixture.post(client, uri, as: session, csrf: session.csrf, [("status", "someday")])
            #expect(unknown.status == .badRequest)
            let missing = try await fixture.post(
                client, "\(base)/follow-ups/999", as: session, csrf: session.csrf, [("status", "done")])
            #expect(missing.status == .notFound)
        }
    }
}
