import BeaconCore
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BeaconServer

@Suite struct ConsoleFormTests {
    let fixture: ConsoleFixture

    init() async throws { fixture = try await ConsoleFixture() }

    var incident: Int64 { fixture.incidentID.rawValue }

    /// Every form route, with fields that would change something if the token were right.
    var formRoutes: [(layer: Layer, uri: String, fields: [(String, String)])] {
        [
            (.operation, "/incidents/\(incident)/acknowledge", []),
            (.operation, "/incidents/\(incident)/mitigate", []),
            (.operation, "/incidents/\(incident)/resolve", []),
            (.operation, "/incidents/\(incident)/escalate", [("layer", "decision")]),
            (.decision, "/incidents/\(incident)/instruct", [("text", "Switch providers")]),
            (.operation, "/incidents/\(incident)/steps/confirm", [("note", "seen")]),
            (.decision, "/approvals/answer/\(fixture.approvalID)", [("decision", "approve")]),
            (.operation, "/logout", []),
        ]
    }

    @Test func everyFormRefusesAMissingOrWrongToken() async throws {
        try await fixture.application().test(.router) { client in
            let timeline = try fixture.store.timeline(fixture.incidentID).count
            let outbox = try fixture.store.notifications(fixture.incidentID).count
            for route in formRoutes {
                let session = try await fixture.signIn(client, as: route.layer)
                for csrf in [nil, "wrong-token", session.csrf + "x", ""] {
                    let response = try await fixture.post(client, route.uri, as: session, csrf: csrf, route.fields)
                    #expect(response.status == .forbidden, "\(route.uri) with \(csrf ?? "no token")")
                    #expect(String(buffer: response.body).contains("Form expired"))
                }
                #expect(
                    try await fixture.store.people.session(idHash: Credentials.sha256(session.cookie), at: fixture.now)
                        != nil)
            }
            #expect(try fixture.store.incident(fixture.incidentID)?.status == .open)
            #expect(try fixture.store.timeline(fixture.incidentID).count == timeline)
            #expect(try fixture.store.notifications(fixture.incidentID).count == outbox)
            #expect(try fixture.store.approval(fixture.approvalID)?.state == .pending)
            #expect(try fixture.store.runSteps(fixture.incidentID).first { $0.stepID == "confirm" }?.doneBy == nil)
        }
    }

    @Test func acknowledgingThroughTheFormChangesStatusAndRedirectsBack() async throws {
        try await fixture.application().test(.router) { client in
            let session = try await fixture.signIn(client, as: .operation)
            let response = try await fixture.post(
                client, "/incidents/\(incident)/acknowledge", as: session, csrf: session.csrf, [("note", "on it")])
            let (location, html) = try await fixture.follow(client, response, as: session)
            #expect(location == "/incidents/\(incident)")
            #expect(
                html.contains(#"<p class="flash ok" role="status" id="flash">Incident #\#(incident) acknowledged.</p>"#)
            )
            #expect(html.contains(#"id="holder">Acknowledged by Zhang Min</p>"#))
            #expect(try fixture.store.incident(fixture.incidentID)?.status == .acknowledged)
            #expect(try fixture.store.timeline(fixture.incidentID).last?.message == "Acknowledged by zhangmin: on it")
            let again = try await fixture.get(client, location, as: session)
            #expect(!String(buffer: again.body).contains(#"id="flash""#), "the message is shown once")
        }
    }

    @Test func aChangeThatNoLongerAppliesGoesBackWithTheReason() async throws {
        try await fixture.application().test(.router) { client in
            let session = try await fixture.signIn(client, as: .operation)
            _ = try await fixture.post(client, "/incidents/\(incident)/resolve", as: session, csrf: session.csrf)
            let response = try await fixture.post(
                client, "/incidents/\(incident)/acknowledge", as: session, csrf: session.csrf)
            let (_, html) = try await fixture.follow(client, response, as: session)
            #expect(html.contains(#"class="flash error""#))
            #expect(html.contains("it can be acknowledged only when open."))
            #expect(try fixture.store.incident(fixture.incidentID)?.status == .resolved)
        }
    }

    @Test func theDecisionLayerInstructsFromTheIncidentPage() async throws {
        try await fixture.application().test(.router) { client in
            let lead = try await fixture.signIn(client, as: .operation)
            let leadPage = try await client.execute(uri: "/incidents/\(incident)", method: .get, headers: lead.headers)
            #expect(
                !String(buffer: leadPage.body).contains("id=\"instruct-form\""), "only the decision layer instructs")
            let refused = try await fixture.post(
                client, "/incidents/\(incident)/instruct", as: lead, csrf: lead.csrf, [("text", "Do it")])
            #expect(refused.status == .forbidden)
            #expect(String(buffer: refused.body).contains("Only the decision layer gives instructions."))

            let executive = try await fixture.signIn(client, as: .decision)
            let sent = try await fixture.post(
                client, "/incidents/\(incident)/instruct", as: executive, csrf: executive.csrf,
                [("text", "Switch to the backup provider <now>")])
            let (_, page) = try await fixture.follow(client, sent, as: executive)
            #expect(page.contains("Instruction sent to the execution layer."))
            #expect(page.contains("Instruction from Li Na: Switch to the backup provider &lt;now&gt;"))
            #expect(page.contains("id=\"instruct-form\""))
            #expect(try fixture.store.notifications(fixture.incidentID).last?.kind == .instruction)
        }
    }

    @Test func mitigatingResolvingAndEscalatingThroughForms() async throws {
        try await fixture.application().test(.router) { client in
            let session = try await fixture.signIn(client, as: .execution)
            let escalated = try await fixture.post(
                client, "/incidents/\(incident)/escalate", as: session, csrf: session.csrf,
                [("layer", "decision"), ("note", "need a decision")])
            let (_, escalatedPage) = try await fixture.follow(client, escalated, as: session)
            #expect(escalatedPage.contains("Escalated: paging the decision layer, 1 notification(s) queued."))
            #expect(try fixture.store.notifications(fixture.incidentID).last?.kind == .escalation)
            let unknown = try await fixture.post(
                client, "/incidents/\(incident)/escalate", as: session, csrf: session.csrf, [("layer", "board")])
            #expect(try await fixture.follow(client, unknown, as: session).html.contains("There is no layer"))
            let mitigated = try await fixture.post(
                client, "/incidents/\(incident)/mitigate", as: session, csrf: session.csrf)
            _ = try await fixture.follow(client, mitigated, as: session)
            #expect(try fixture.store.incident(fixture.incidentID)?.status == .mitigated)
            let resolved = try await fixture.post(
                client, "/incidents/\(incident)/resolve", as: session, csrf: session.csrf)
            let (_, page) = try await fixture.follow(client, resolved, as: session)
            #expect(try fixture.store.incident(fixture.incidentID)?.status == .resolved)
            #expect(page.contains(#"href="/incidents/\#(incident)/postmortem""#))
        }
    }

    @Test func markingAStepDoneKeepsTheNoteAndWho() async throws {
        try await fixture.application().test(.router) { client in
            let session = try await fixture.signIn(client, as: .operation)
            let response = try await fixture.post(
                client, "/incidents/\(incident)/steps/confirm", as: session, csrf: session.csrf,
                [("note", "gateway <b>down</b> in east")])
            let (_, html) = try await fixture.follow(client, response, as: session)
            #expect(html.contains("Step “Confirm the failure and its scope” marked done."))
            #expect(html.contains("gateway &lt;b&gt;down&lt;/b&gt; in east"))
            let step = try #require(try fixture.store.runSteps(fixture.incidentID).first { $0.stepID == "confirm" })
            #expect(step.state == .done)
            #expect(step.doneBy == "zhangmin")
            #expect(step.note == "gateway <b>down</b> in east")
        }
    }

    @Test func theLedgerRefusesWhatALayerMayNotDoWhateverTheButtonsShow() async throws {
        try await fixture.application().test(.router) { client in
            let lead = try await fixture.signIn(client, as: .operation)
            let approve = try await fixture.post(
                client, "/approvals/answer/\(fixture.approvalID)", as: lead, csrf: lead.csrf, [("decision", "approve")])
            #expect(approve.status == .forbidden)
            #expect(String(buffer: approve.body).contains("Only the decision layer answers approvals"))
            let step = try await fixture.post(
                client, "/incidents/\(incident)/steps/root-cause", as: lead, csrf: lead.csrf)
            #expect(step.status == .forbidden)
            #expect(String(buffer: step.body).contains("belongs to the execution layer"))
            let missing = try await fixture.post(client, "/incidents/999/acknowledge", as: lead, csrf: lead.csrf)
            #expect(missing.status == .notFound)
            #expect(try fixture.store.approval(fixture.approvalID)?.state == .pending)
        }
    }

    @Test func anExecutiveAnswersFromTheInboxInOneTap() async throws {
        try await fixture.application().test(.router) { client in
            let executive = try await fixture.signIn(client, as: .decision)
            let response = try await fixture.post(
                client, "/approvals/answer/\(fixture.approvalID)", as: executive, csrf: executive.csrf,
                [("decision", "approve"), ("comment", "up to 20 yuan per order"), ("return_to", "inbox")])
            let (location, html) = try await fixture.follow(client, response, as: executive)
            #expect(location == "/approvals")
            #expect(html.contains("Approved: Approve compensation for affected orders."))
            #expect(html.contains("Nothing is waiting for an answer."))
            #expect(html.contains(#"<span class="badge approved">approved</span>"#))
            let approval = try #require(try fixture.store.approval(fixture.approvalID))
            #expect(approval.state == .approved)
            #expect(approval.answeredBy == "lina")
            #expect(approval.comment == "up to 20 yuan per order")
            let twice = try await fixture.post(
                client, "/approvals/answer/\(fixture.approvalID)", as: executive, csrf: executive.csrf,
                [("decision", "reject")])
            let (back, refused) = try await fixture.follow(client, twice, as: executive)
            #expect(back == "/incidents/\(incident)")
            #expect(refused.contains("was already approved by lina"))
            let noDecision = try await fixture.post(
                client, "/approvals/answer/\(fixture.approvalID)", as: executive, csrf: executive.csrf)
            #expect(noDecision.status == .badRequest)
        }
    }

    @Test func anAPITokenNeedsNoFormToken() async throws {
        let made = Credentials.newToken()
        try await fixture.store.people.addToken(
            login: "zhangmin", hash: made.hash, prefix: made.prefix, at: fixture.now)
        try await fixture.application().test(.router) { client in
            let response = try await client.execute(
                uri: "/incidents/\(incident)/acknowledge", method: .post,
                headers: [.authorization: "Bearer \(made.token)", .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: ""))
            #expect(response.status == .seeOther)
            #expect(try fixture.store.incident(fixture.incidentID)?.status == .acknowledged)
        }
    }

    @Test func anOversizedFormIsRefused() async throws {
        try await fixture.application().test(.router) { client in
            let session = try await fixture.signIn(client, as: .operation)
            let note = String(repeating: "a", count: ConsoleForm.maxBytes + 1)
            let response = try await fixture.post(
                client, "/incidents/\(incident)/acknowledge", as: session, csrf: session.csrf, [("note", note)])
            #expect(response.status == .contentTooLarge)
            #expect(try fixture.store.incident(fixture.incidentID)?.status == .open)
        }
    }
}

extension String {
    /// The text as the console's templates write it.
    var htmlEscaped: String { HTML.escape(self) }
}
