import BeaconCore
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BeaconServer

@Suite struct PostMortemPageTests {
    let fixture: ConsoleFixture

    init() async throws { fixture = try await ConsoleFixture() }

    func page(_ id: IncidentID, as layer: Layer, status: HTTPResponse.Status = .ok) async throws -> String {
        try await fixture.application().test(.router) { client in
            let session = try await fixture.signIn(client, as: layer)
            let response = try await fixture.get(client, "/incidents/\(id.rawValue)/postmortem", as: session)
            #expect(response.status == status)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            return String(buffer: response.body)
        }
    }

    @Test func theDashboardListsPostMortemsToWriteUntilTheIncidentCloses() async throws {
        let id = try await fixture.workedRuleIncident()
        try await fixture.application().test(.router) { client in
            let session = try await fixture.signIn(client, as: .execution)
            let before = String(buffer: try await fixture.get(client, "/", as: session).body)
            #expect(before.contains(#"<ul class="plain" id="postmortems-due">"#))
            #expect(before.contains(#"<a href="/incidents/\#(id.rawValue)/postmortem">#\#(id.rawValue) "#))
            #expect(before.contains("execution layer · due "))
            try fixture.completePostMortem(id)
            try await fixture.postMortems.closeIncident(id, by: "wanglei", at: fixture.now)
            let after = String(buffer: try await fixture.get(client, "/", as: session).body)
            #expect(!after.contains(#"id="postmortems-due""#))
        }
    }

    @Test func anActiveIncidentSaysThePostMortemOpensWhenItResolves() async throws {
        let html = try await page(fixture.incidentID, as: .execution)
        #expect(html.contains(#"<h1 id="title">Card payments failing</h1>"#))
        #expect(html.contains("The post-mortem opens when the incident resolves; it is open now."))
        #expect(!html.contains(#"id="open-postmortem""#))
        #expect(!html.contains(#"id="export""#))
    }

    @Test func aResolvedIncidentWithoutOneOffersToOpenItToItsWriters() async throws {
        try await fixture.resolveDeclared(openPostMortem: false)
        let director = try await page(fixture.incidentID, as: .execution)
        #expect(director.contains("This incident was resolved without a post-mortem."))
        #expect(director.contains(#"action="/incidents/\#(fixture.incidentID.rawValue)/postmortem/open""#))
        #expect(director.contains(#"id="open-postmortem""#))
        let executive = try await page(fixture.incidentID, as: .decision)
        #expect(executive.contains("This incident has no post-mortem yet"))
        #expect(!executive.contains(#"id="open-postmortem""#))
    }

    @Test func theHeaderAndTheBannerSayWhoOwesWhatByWhen() async throws {
        let id = try await fixture.workedRuleIncident()
        let html = try await page(id, as: .execution)
        #expect(html.contains(#"<h1 id="title">Payment success rate (region=east)</h1>"#))
        #expect(html.contains(#"<span class="badge resolved" id="status">resolved</span>"#))
        #expect(html.contains("Owner: execution layer · due "))
        #expect(html.contains(#"<span id="due">in "#), "not overdue: \(html)")
        #expect(html.contains(#"id="missing""#))
        #expect(html.contains("<li>a root cause</li>"))
        #expect(html.contains("<li>at least one follow-up or a reason why no action is needed</li>"))
        #expect(!html.contains(#"id="ready""#))
        #expect(html.contains(#"href="/incidents/\#(id.rawValue)/postmortem.md""#))
        #expect(!html.contains(#"id="close""#), "no close button under the list of what closing needs")
    }

    @Test func whatWhenAndWhoComeFromTheRecord() async throws {
        let id = try await fixture.workedRuleIncident()
        let html = try await page(id, as: .execution)
        #expect(html.contains(#"<span class="badge sev1">sev1 critical</span>"#))
        #expect(html.contains("system · rule payment-success-rate"))
        #expect(html.contains("<p>Peak 0.71 vs threshold 0.8</p>"))
        for (milestone, offset) in [
            ("Impact started", "start"), ("Detected", "+1m"), ("Acknowledged", "+1m 20s"), ("Assessed", "+1m 40s"),
            ("Approval answered (Approve compensation for affected orders)", "+1m 50s"), ("Mitigated", "+2m"),
            ("Resolved", "+2m 30s"),
        ] {
            #expect(html.contains(#"<tr><td>\#(milestone)</td><td>"#), "\(milestone)")
            #expect(html.contains(#"</td><td>\#(offset)</td></tr>"#), "\(milestone) \(offset)")
        }
        #expect(html.contains("<li>Time to detect: <strong>1m</strong></li>"))
        #expect(html.contains("<li>Time to acknowledge: <strong>20s</strong></li>"))
        #expect(html.contains("<li>Time to mitigate: <strong>1m</strong></li>"))
        #expect(html.contains("<li>Time to resolve: <strong>1m 30s</strong></li>"))
        #expect(html.contains(#"<span class="person">Zhang Min (zhangmin; operation)</span>"#))
        #expect(html.contains(#"<span class="person">Wang Lei (wanglei; execution, CS director)</span>"#))
        #expect(html.contains(#"<span class="person">Li Na (lina; decision)</span>"#))
        #expect(html.contains("<p>Paged operation — on-call leads: Zhang Min</p>"))
        #expect(html.contains("<p>Paged execution — directors: Wang Lei, CS director</p>"))
        #expect(html.contains("<p>Paged decision — executives: Li Na</p>"))
    }

    @Test func whereHowAndWhyShowTheSeriesTheStepsAndTheForm() async throws {
        let id = try await fixture.workedRuleIncident()
        try fixture.postMortems.edit(id, at: fixture.now) {
            $0.fields.ordersAffected = 1_200
            $0.fields.revenueAtRisk = 35_000.5
        }
        let html = try await page(id, as: .operation)
        #expect(html.contains("<p>Series: <code>region=east</code> </p>"))
        #expect(html.contains(#"id="orders_affected" name="orders_affected" form="fields" value="1200""#))
        #expect(html.contains(#"id="users_affected" name="users_affected" form="fields" value="""#))
        #expect(html.contains(#"id="revenue_at_risk" name="revenue_at_risk" form="fields" value="35000.5""#))
        #expect(
            html.contains(
                #"<span class="badge done">done</span> Confirm the failure and its scope <span class="muted">— operation, by zhangmin at "#
            ))
        #expect(html.contains("Tech owner reports the cause <span class=\"muted\">— execution, by wanglei at "))
        #expect(
            html.contains(
                #"<span class="badge approved">approved</span> Approve compensation for affected orders <span class="muted">— by lina at "#
            ))
        #expect(html.contains(#"<textarea id="root_cause" name="root_cause" form="fields""#))
        #expect(html.contains(#"<textarea id="trigger" name="trigger" form="fields""#))
        #expect(
            html.contains(#"<form method="post" id="fields" action="/incidents/\#(id.rawValue)/postmortem/fields">"#))
    }

    @Test func theFindingsShowComputedVerdictsEvidenceAndTheTeamsComment() async throws {
        let id = try await fixture.workedRuleIncident()
        try fixture.postMortems.edit(id, at: fixture.now) { $0.comments[.respondedFast] = "Paged <fast>" }
        try fixture.postMortems.save(
            FollowUp(
                incidentID: id, kind: .training, description: "Drill the gateway failover", owner: "Zhang Min",
                dueAt: fixture.now.addingTimeInterval(86_400)), at: fixture.now)
        let html = try await page(id, as: .execution)
        #expect(html.contains(#"<h3>Were we warned early? <span class="badge yes verdict">Yes</span></h3>"#))
        #expect(html.contains("<li>Opened by rule payment-success-rate.</li>"))
        #expect(html.contains("<li>The alert came 1m after the first breach.</li>"))
        #expect(html.contains(#"<h3>Did we respond fast? <span class="badge yes verdict">Yes</span></h3>"#))
        #expect(html.contains("<li>Acknowledge (operation): met, 4m 40s early.</li>"))
        #expect(html.contains(#"<h3>Is it fully solved? <span class="badge no verdict">No</span></h3>"#))
        #expect(html.contains("<li>Still open: Drill the gateway failover (Zhang Min).</li>"))
        #expect(
            html.contains(
                #"<textarea id="comment-responded_fast" name="comment" rows="2" maxlength="4000">Paged &lt;fast&gt;</textarea>"#
            ))
        #expect(!html.contains(#"name="verdict""#), "a verdict is computed, never a form field")
        let reader = try await page(id, as: .decision)
        #expect(reader.contains("<p class=\"note\">Team: “Paged &lt;fast&gt;”</p>"))
    }

    @Test func followUpsAreListedWithOverdueOnesMarked() async throws {
        let id = try await fixture.workedRuleIncident()
        let late = try fixture.postMortems.save(
            FollowUp(
                incidentID: id, kind: .knowledgeBase, description: "Write the gateway runbook", owner: "Wang Lei",
                dueAt: fixture.now.addingTimeInterval(-86_400)), at: fixture.now.addingTimeInterval(-3 * 86_400))
        var dropped = try fixture.postMortems.save(
            FollowUp(
                incidentID: id, kind: .other, description: "Replace the gateway", owner: "Li Na",
                dueAt: fixture.now.addingTimeInterval(-86_400)), at: fixture.now)
        dropped.status = .wontDo
        dropped.reason = "Contract runs two more years"
        dropped = try fixture.postMortems.save(dropped, at: fixture.now)
        let html = try await page(id, as: .execution)
        let lateID = try #require(late.id)
        let droppedID = try #require(dropped.id)
        #expect(html.contains(#"<tr id="follow-up-\#(lateID)" class="late">"#))
        #expect(
            html.contains(
                #"<td data-label="Type">Knowledge base</td><td data-label="Action">Write the gateway runbook</td><td data-label="Owner">Wang Lei</td>"#
            ))
        #expect(
            html.contains(
                #"<td data-label="Due" class="overdue">\#(DueDay.text(late.dueAt)) · overdue</td>"#))
        #expect(html.contains(#"<span class="badge open follow-up-state">open</span>"#))
        #expect(html.contains(#"id="done-\#(lateID)""#))
        #expect(html.contains(#"id="wont-do-\#(lateID)""#))
        #expect(html.contains(#"<tr id="follow-up-\#(droppedID)">"#), "won't do is never overdue")
        #expect(html.contains(#"<span class="badge wont_do follow-up-state">won&#39;t do</span>"#))
        #expect(html.contains(#"<td data-label="Reason">Contract runs two more years</td>"#))
        #expect(html.contains(#"id="reopen-\#(droppedID)""#))
        #expect(!html.contains(#"id="no-follow-ups""#))
    }

    @Test func anOverduePostMortemIsHighlighted() async throws {
        let id = try await fixture.workedRuleIncident(postMortemOpened: fixture.now.addingTimeInterval(-14 * 86_400))
        let html = try await page(id, as: .execution)
        #expect(html.contains(#"<span class="overdue" id="due">"#))
        #expect(html.contains(#" overdue</span></p>"#))
    }

    @Test func theDecisionLayerReadsWithoutForms() async throws {
        let id = try await fixture.workedRuleIncident()
        try fixture.completePostMortem(id)
        try fixture.postMortems.edit(id, at: fixture.now) { $0.fields.usersAffected = 40 }
        let html = try await page(id, as: .decision)
        #expect(html.contains("<p>Root cause: A deploy dropped the gateway&#39;s retry setting.</p>"))
        #expect(html.contains("<p>Trigger: not written</p>"))
        #expect(html.contains("<p>Users affected: 40</p>"))
        #expect(html.contains(#"<td data-label="Action">Check retry settings in the deploy checklist</td>"#))
        #expect(html.contains(#"id="export""#))
        #expect(!html.contains("/postmortem/"), "no form posts anywhere under the post-mortem")
        #expect(!html.contains("<textarea"))
        #expect(!html.contains(#"id="close""#))
    }

    @Test func userTextIsEscaped() async throws {
        let id = try await fixture.workedRuleIncident()
        let hostile = "<script>alert(1)</script>"
        try fixture.postMortems.edit(id, at: fixture.now) {
            $0.fields.rootCause = hostile
            $0.noActionReason = hostile
            $0.comments[.warnedEarly] = hostile
        }
        try fixture.postMortems.save(
            FollowUp(
                incidentID: id, kind: .plan, description: hostile, owner: hostile,
                dueAt: fixture.now.addingTimeInterval(86_400)), at: fixture.now)
        for layer in [Layer.execution, .decision] {
            let html = try await page(id, as: layer)
            #expect(!html.contains("<script>"))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }

    @Test func theMarkdownExportIsTheReport() async throws {
        let id = try await fixture.workedRuleIncident()
        try fixture.completePostMortem(id)
        try await fixture.application().test(.router) { client in
            let anonymous = try await fixture.get(client, "/incidents/\(id.rawValue)/postmortem.md", as: nil)
            #expect(anonymous.status == .seeOther)
            #expect(anonymous.headers[.location] == "/login?next=/incidents/\(id.rawValue)/postmortem.md")
            let session = try await fixture.signIn(client, as: .decision)
            let response = try await fixture.get(client, "/incidents/\(id.rawValue)/postmortem.md", as: session)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/markdown; charset=utf-8")
            #expect(
                response.headers[.contentDisposition] == #"inline; filename="incident-\#(id.rawValue)-postmortem.md""#)
            let markdown = String(buffer: response.body)
            await #expect(markdown == (try fixture.postMortems.report(id).markdown))
            #expect(markdown.hasPrefix("# Post-mortem #\(id.rawValue): Payment success rate (region=east)\n"))
            #expect(markdown.contains("- Root cause: A deploy dropped the gateway's retry setting."))
            let none = try await fixture.get(
                client, "/incidents/\(fixture.incidentID.rawValue)/postmortem.md", as: session)
            #expect(none.status == .notFound)
            #expect(String(buffer: none.body).contains("has no post-mortem"))
            let missing = try await fixture.get(client, "/incidents/4242/postmortem", as: session)
            #expect(missing.status == .notFound)
        }
    }
}
