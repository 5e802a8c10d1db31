import BeaconCore
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BeaconServer

@Suite struct PostMortemFormTests {
    let fixture: ConsoleFixture
    let id: IncidentID

    init() async throws {
        fixture = try await ConsoleFixture()
        id = try await fixture.workedRuleIncident()
    }

    var base: String { "/incidents/\(id.rawValue)/postmortem" }

    var postMortem: PostMortem {
        get async throws { try #require(try await fixture.postMortems.postMortem(id)) }
    }

    /// Every post-mortem form, with fields that would change something if it were accepted.
    func formRoutes() throws -> [(uri: String, fields: [(String, String)])] {
        let followUp = try fixture.postMortems.save(
            FollowUp(
                incidentID: id, kind: .plan, description: "Review the deploy checklist", owner: "Wang Lei",
                dueAt: fixture.now.addingTimeInterval(86_400)), at: fixture.now)
        return [
            ("\(base)/fields", [("root_cause", "forged")]),
            ("\(base)/comments/warned_early", [("comment", "forged")]),
            ("\(base)/no-action", [("reason", "forged")]),
            (
                "\(base)/follow-ups",
                [("kind", "plan"), ("description", "forged"), ("owner", "x"), ("due", "2030-01-01")]
            ),
            ("\(base)/follow-ups/\(try #require(followUp.id))", [("status", "done")]),
            ("\(base)/close", []),
            ("/incidents/\(fixture.incidentID.rawValue)/postmortem/open", []),
        ]
    }

    /// What a refused form must leave as it was.
    func snapshot() async throws -> (PostMortem?, [FollowUp], IncidentStatus?, PostMortem?) {
        await (
            try fixture.postMortems.postMortem(id), try fixture.postMortems.followUps(id),
            try fixture.store.incident(id)?.status, try fixture.postMortems.postMortem(fixture.incidentID)
        )
    }

    @Test func everyFormRefusesAMissingOrWrongToken() async throws {
        try await fixture.resolveDeclared(openPostMortem: false)
        let routes = try formRoutes()
        let before = try await snapshot()
        try await fixture.application().test(.router) { client in
            let session = try await fixture.signIn(client, as: .execution)
            for route in routes {
                for csrf in [nil, "wrong-token", ""] {
                    let response = try await fixture.post(client, route.uri, as: session, csrf: csrf, route.fields)
                    #expect(response.status == .forbidden, "\(route.uri) with \(csrf ?? "no token")")
                    #expect(String(buffer: response.body).contains("Form expired"))
                }
            }
        }
        #expect(try await snapshot() == before)
    }

    @Test func theDecisionLayerReadsAndIsRefusedEveryForm() async throws {
        try await fixture.resolveDeclared(openPostMortem: false)
        let routes = try formRoutes()
        let before = try await snapshot()
        try await fixture.application().test(.router) { client in
            let executive = try await fixture.signIn(client, as: .decision)
            for route in routes {
                let response = try await fixture.post(
                    client, route.uri, as: executive, csrf: executive.csrf, route.fields)
                #expect(response.status == .forbidden, "\(route.uri)")
                #expect(
                    String(buffer: response.body).contains(
                        "Only the operation and execution layers write post-mortems; lina is in the decision layer."))
            }
        }
        #expect(try await snapshot() == before)
    }

    @Test func savingTheWrittenFieldsKeepsEachAndSaysWhatChanged() async throws {
        try await fixture.application().test(.router) { client in
            let session = try await fixture.signIn(client, as: .execution)
            let response = try await fixture.post(
                client, "\(base)/fields", as: session, csrf: session.csrf,
                [
                    ("root_cause", "  Retry setting dropped by a deploy  "), ("trigger", "Friday deploy"),
                    ("orders_affected", "1200"), ("users_affected", "950"), ("revenue_at_risk", "35000.50"),
                ])
            let (location, html) = try await fixture.follow(client, response, as: session)
            #expect(location == base)
            #expect(
                html.contains("Saved the root cause, trigger, orders affected, users affected, revenue at risk."))
            #expect(html.contains(">Retry setting dropped by a deploy</textarea>"))
            #expect(html.contains(#"id="missing""#), "still no follow-up")
            #expect(!html.contains("<li>a root cause</li>"))
            let fields = try await postMortem.fields
            #expect(fields.rootCause == "Retry setting dropped by a deploy")
            #expect(fields.trigger == "Friday deploy")
            #expect(fields.ordersAffected == 1_200)
            #expect(fields.usersAffected == 950)
            #expect(fields.revenueAtRisk == 35_000.5)
            let event = try #require(try fixture.store.timeline(id).last)
            #expect(event.kind == .postMortem)
            #expect(event.actor == "wanglei")
            #expect(event.message.hasPrefix("Post-mortem edited by wanglei: root cause, trigger"))

            let partial = try await fixture.post(
                client, "\(base)/fields", as: session, csrf: session.csrf, [("trigger", ""), ("users_affected", "")])
            #expect(
                try await fixture.follow(client, partial, as: session).html.contains(
                    "Saved the trigger, users affected."))
            let after = try await postMortem.fields
            #expect(after.trigger == nil, "sent blank: cleared")
            #expect(after.usersAffected == nil)
            #expect(after.rootCause == "Retry setting dropped by a deploy", "left out: kept")
            #expect(after.ordersAffected == 1_200)

            let same = try await fixture.post(
                client, "\(base)/fields", as: session, csrf: session.csrf, [("orders_affected", "1200")])
            #expect(try await fixture.follow(client, same, as: session).html.contains("Nothing changed."))
        }
    }

    @Test func badNumbersAreRefusedWithEverythingTypedShownAgain() async throws {
        let before = try await postMortem
        try await fixture.application().test(.router) { client in
            let session = try await fixture.signIn(client, as: .operation)
            let response = try await fixture.post(
                client, "\(base)/fields", as: session, csrf: session.csrf,
                [
                    ("root_cause", "Cache <stampede>"), ("trigger", "Sale start"), ("orders_affected", "1,200"),
                    ("users_affected", "-3"), ("revenue_at_risk", "lots"),
                ])
            #expect(response.status == .unprocessableContent)
            let html = String(buffer: response.body)
            #expect(html.contains(#"<div class="flash error" role="alert" id="refused"><p>Nothing was saved."#))
            #expect(html.contains(##"<a href="#why">Correct the form</a>"##))
            #expect(
                html.contains("<li>Orders affected: “1,200” is not a whole number; write digits only, like 1200.</li>"))
            #expect(html.contains("<li>Users affected: “-3” is not a whole number; write digits only, like 1200.</li>"))
            #expect(
                html.contains(
                    "<li>Revenue at risk: “lots” is not an amount; write digits with an optional decimal point, like 12500.50.</li>"
                ))
            #expect(html.contains(">Cache &lt;stampede&gt;</textarea>"), "nothing typed is lost")
            #expect(html.contains(">Sale start</textarea>"))
            #expect(html.contains(#"id="orders_affected" name="orders_affected" form="fields" value="1,200""#))
            #expect(html.contains(#"id="revenue_at_risk" name="revenue_at_risk" form="fields" value="lots""#))
        }
        #expect(try await postMortem == before)
    }

    @Test func aCommentPerFindingIsSavedAndRemoved() async throws {
        try await fixture.application().test(.router) { client in
            let session = try await fixture.signIn(client, as: .execution)
            let saved = try await fixture.post(
                client, "\(base)/comments/responded_fast", as: session, csrf: session.csrf,
                [("comment", "Paging worked; the approval took the longest.")])
            let (_, html) = try await fixture.follow(client, saved, as: session)
            #expect(html.contains("Comment saved: Did we respond fast?"))
            #expect(html.contains(">Paging worked; the approval took the longest.</textarea>"))
            #expect(try await postMortem.comments == [.respondedFast: "Paging worked; the approval took the longest."])
            let removed = try await fixture.post(
                client, "\(base)/comments/responded_fast", as: session, csrf: session.csrf, [("comment", " ")])
            #expect(try await fixture.follow(client, removed, as: session).html.contains("Comment removed"))
            #expect(try await postMortem.comments.isEmpty)
            let unknown = try await fixture.post(
                client, "\(base)/comments/lucky", as: session, csrf: session.csrf, [("comment", "x")])
            #expect(unknown.status == .notFound)
            #expect(
                String(buffer: unknown.body).contains(
                    "warned_early (warned early), responded_fast (responded fast), fully_solved (fully solved)"))
        }
    }

    @Test func aNoActionReasonStandsInForFollowUps() async throws {
        try await fixture.application().test(.router) { client in
            let session = try await fixture.signIn(client, as: .execution)
            let response = try await fixture.post(
                client, "\(base)/no-action", as: session, csrf: session.csrf,
                [("reason", "The provider fixed it; nothing of ours changes.")])
            let (_, html) = try await fixture.follow(client, response, as: session)
            #expect(html.contains("No-action reason saved."))
            #expect(!html.contains("<li>at least one follow-up or a reason why no action is needed</li>"))
            #expect(html.contains("<li>a root cause</li>"))
            #expect(try await postMortem.noActionReason == "The provider fixed it; nothing of ours changes.")
        }
    }

    @Test func closingIsRefusedNamingWhatIsMissingThenAllowed() async throws {
        try await fixture.application().test(.router) { client in
            let session = try await fixture.signIn(client, as: .execution)
            let refused = try await fixture.post(client, "\(base)/close", as: session, csrf: session.csrf)
            let (location, html) = try await fixture.follow(client, refused, as: session)
            #expect(location == base)
            #expect(
                html.contains(
                    "Incident #\(id.rawValue) cannot close: its post-mortem needs a root cause and at least one "
                        + "follow-up or a reason why no action is needed."))
            #expect(try fixture.store.incident(id)?.status == .resolved)

            try fixture.completePostMortem(id)
            let ready = try await fixture.get(client, base, as: session)
            #expect(String(buffer: ready.body).contains(#"id="ready""#))
            #expect(String(buffer: ready.body).contains(#"id="close""#), "the close button, once closing is allowed")
            let closed = try await fixture.post(client, "\(base)/close", as: session, csrf: session.csrf)
            let (_, closedHTML) = try await fixture.follow(client, closed, as: session)
            #expect(closedHTML.contains("Incident #\(id.rawValue) closed."))
            #expect(closedHTML.contains(#"<span class="badge closed" id="status">closed</span>"#))
            #expect(closedHTML.contains(#"id="closed""#))
            #expect(!closedHTML.contains(#"id="close""#))
            #expect(closedHTML.contains(#"<span id="closed-at">closed "#), "when it closed, not a due date")
            #expect(!closedHTML.contains(#"id="due""#))
            #expect(try fixture.store.incident(id)?.status == .closed)
            #expect(try fixture.store.timeline(id).last?.actor == "wanglei")

            let blanked = try await fixture.post(
                client, "\(base)/fields", as: session, csrf: session.csrf, [("root_cause", "")])
            #expect(blanked.status == .unprocessableContent)
            #expect(
                String(buffer: blanked.body).contains(
                    "Incident #\(id.rawValue) is closed, so its post-mortem must keep a root cause."))
            #expect(try await postMortem.fields.rootCause == "A deploy dropped the gateway's retry setting.")
        }
    }

    @Test func aClosedIncidentKeepsTheReasonItClosedOn() async throws {
        try fixture.postMortems.edit(id, at: fixture.now) {
            $0.fields.rootCause = "Provider outage"
            $0.noActionReason = "Nothing of ours to change."
        }
        try await fixture.postMortems.closeIncident(id, by: "wanglei", at: fixture.now)
        try await fixture.application().test(.router) { client in
            let session = try await fixture.signIn(client, as: .execution)
            let cleared = try await fixture.post(
                client, "\(base)/no-action", as: session, csrf: session.csrf, [("reason", "")])
            #expect(cleared.status == .unprocessableContent)
            let html = String(buffer: cleared.body)
            #expect(html.contains(##"<a href="#no-action">Correct the form</a>"##))
            #expect(
                html.contains(
                    "Incident #\(id.rawValue) is closed, so its post-mortem must keep at least one follow-up or a "
                        + "reason why no action is needed."))
            let early = try await fixture.post(
                client, "\(base)/no-action", as: session, csrf: session.csrf, [("reason", "Reworded before reopening")])
            #expect(
                try await fixture.follow(client, early, as: session).html.contains(
                    "Incident #\(id.rawValue) is closed: reopen it (with a reason) to change its post-mortem"))
            let reopened = try await fixture.post(
                client, "\(base)/reopen", as: session, csrf: session.csrf,
                [("reason", "The provider's fix did not hold")])
            #expect(try await fixture.follow(client, reopened, as: session).html.contains("Reopened"))
            let reworded = try await fixture.post(
                client, "\(base)/no-action", as: session, csrf: session.csrf,
                [("reason", "The provider fixed it; nothing of ours to change.")])
            #expect(try await fixture.follow(client, reworded, as: session).html.contains("No-action reason saved."))
        }
        #expect(try await postMortem.noActionReason == "The provider fixed it; nothing of ours to change.")
    }

    @Test func aPostMortemOpensOnlyForAResolvedIncident() async throws {
        let declared = "/incidents/\(fixture.incidentID.rawValue)/postmortem"
        try await fixture.application().test(.router) { client in
            let session = try await fixture.signIn(client, as: .operation)
            let early = try await fixture.post(client, "\(declared)/open", as: session, csrf: session.csrf)
            #expect(
                try await fixture.follow(client, early, as: session).html.contains(
                    "Incident #\(fixture.incidentID.rawValue) is open; its post-mortem opens when it resolves."))
            #expect(try await fixture.postMortems.postMortem(fixture.incidentID) == nil)

            try await fixture.resolveDeclared(openPostMortem: false)
            let opened = try await fixture.post(client, "\(declared)/open", as: session, csrf: session.csrf)
            let (_, html) = try await fixture.follow(client, opened, as: session)
            #expect(html.contains("Post-mortem opened: the execution layer writes it, due "))
            #expect(html.contains(#"id="missing""#))
            #expect(try await fixture.postMortems.postMortem(fixture.incidentID)?.owner == .execution)

            let noPostMortem = try await fixture.post(
                client, "/incidents/4242/postmortem/fields", as: session, csrf: session.csrf, [("root_cause", "x")])
            #expect(noPostMortem.status == .notFound)
        }
    }
}
