import BeaconCore
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BeaconServer

/// Every layer acts from the console: anyone declares, the operation and execution layers set the severity with
/// a reason, the decision layer answers, instructs and escalates; a finished incident looks finished; an
/// approval says what it approves, and a step not yet asked says from which severity it will be.
@Suite struct ConsoleActionTests {
    let fixture: ConsoleFixture

    init() async throws { fixture = try await ConsoleFixture() }

    @Test func anyoneDeclaresFromTheConsole() async throws {
        try await fixture.application().test(.router) { client in
            let session = try await fixture.signIn(client, as: .decision)
            let form = String(buffer: try await fixture.get(client, "/incidents/new", as: session).body)
            #expect(form.contains(#"id="declare-form""#) && form.contains(#"id="nav-declare""#))
            let declared = try await fixture.post(
                client, "/incidents/new", as: session, csrf: session.csrf,
                [
                    ("title", "Warehouse fire in Wuhan"), ("category", "logistics"), ("severity", "sev2"),
                    ("description", "Orders from the Wuhan warehouse will not ship today"),
                ])
            let (location, html) = try await fixture.follow(client, declared, as: session)
            #expect(location == "/incidents/2")
            #expect(html.contains("Declared #2 at sev2"))
            let incident = try #require(try fixture.store.incident(IncidentID(2)))
            #expect(incident.description == "Orders from the Wuhan warehouse will not ship today")
            #expect(incident.declaredBy == "lina")
            let blank = try await fixture.post(
                client, "/incidents/new", as: session, csrf: session.csrf,
                [("title", " "), ("category", "logistics"), ("severity", "sev2")])
            let (_, refused) = try await fixture.follow(client, blank, as: session)
            #expect(refused.contains("An incident needs a title."))
        }
    }

    @Test func aLeadSetsTheSeverityWithAReason() async throws {
        try await fixture.application().test(.router) { client in
            let session = try await fixture.signIn(client, as: .operation)
            let base = "/incidents/\(fixture.incidentID.rawValue)"
            #expect(
                String(buffer: try await fixture.get(client, base, as: session).body).contains(#"id="set-severity""#))
            let lowered = try await fixture.post(
                client, "\(base)/severity", as: session, csrf: session.csrf,
                [("severity", "sev3"), ("reason", "Only one bank is affected")])
            let (_, html) = try await fixture.follow(client, lowered, as: session)
            #expect(html.contains("Severity set to sev3"))
            #expect(html.contains(#"<span class="badge sev3" id="severity">"#))
            #expect(html.contains("Severity lowered from sev1 to sev3 by Zhang Min: Only one bank is affected"))
            let noReason = try await fixture.post(
                client, "\(base)/severity", as: session, csrf: session.csrf, [("severity", "sev1"), ("reason", "")])
            let (_, refused) = try await fixture.follow(client, noReason, as: session)
            #expect(refused.contains("Say why the severity changes."))
        }
    }

    @Test func aResolvedIncidentShowsNoCountdownNoFormAndWhatWasNotDone() async throws {
        let ledger = IncidentLedger(fixture.store, planner: CommandPlanner(config: ConsoleFixture.config))
        try await ledger.perform(.resolve, on: fixture.incidentID, by: "zhangmin", at: fixture.now)
        try await fixture.application().test(.router) { client in
            let session = try await fixture.signIn(client, as: .operation)
            let html = String(
                buffer: try await fixture.get(client, "/incidents/\(fixture.incidentID.rawValue)", as: session).body)
            #expect(!html.contains("data-due="), "no live countdown")
            #expect(!html.contains(#"id="done-"#), "no Mark done form")
            #expect(!html.contains(#"id="set-severity""#) && !html.contains(#"id="escalate""#))
            #expect(html.contains(#"step-state">not done when resolved</span>"#))
        }
    }

    @Test func anApprovalSaysWhatItApprovesAndAStepNotYetAskedSaysFromWhen() async throws {
        try await fixture.application().test(.router) { client in
            let session = try await fixture.signIn(client, as: .decision)
            let page = String(
                buffer: try await fixture.get(client, "/incidents/\(fixture.incidentID.rawValue)", as: session).body)
            #expect(page.contains("Refund the delivery fee of every affected order, up to 20 yuan each."))
            let inbox = String(buffer: try await fixture.get(client, "/approvals", as: session).body)
            #expect(inbox.contains("Refund the delivery fee of every affected order, up to 20 yuan each."))

            let ledger = IncidentLedger(fixture.store, planner: CommandPlanner(config: ConsoleFixture.config))
            let minor = try #require(
                try await ledger.declare(
                    title: "Slow refunds", category: .system, severity: .sev3, by: "zhangmin", at: fixture.now
                )
                .incident.id)
            let html = String(buffer: try await fixture.get(client, "/incidents/\(minor.rawValue)", as: session).body)
            #expect(html.contains(#"step-state">asked from sev2</span>"#))
            #expect(!html.contains(#"step-state">pending</span>"#))
        }
    }

    @Test func theTimelineFoldsNotificationsAndFilters() async throws {
        let ledger = IncidentLedger(fixture.store, planner: CommandPlanner(config: ConsoleFixture.config))
        let entries = try fixture.store.notifications(fixture.incidentID)
        for entry in entries {
            try await fixture.store.outbox.recordDelivered(entry, detail: "HTTP 200", at: fixture.now)
        }
        try await ledger.perform(.acknowledge, on: fixture.incidentID, by: "zhangmin", at: fixture.now)
        try await fixture.application().test(.router) { client in
            let session = try await fixture.signIn(client, as: .operation)
            let base = "/incidents/\(fixture.incidentID.rawValue)"
            let html = String(buffer: try await fixture.get(client, base, as: session).body)
            #expect(html.contains("<details><summary>"))
            #expect(html.contains("all delivered</summary>"))
            #expect(html.contains(#"id="timeline-filters""#))
            let people = String(buffer: try await fixture.get(client, base + "?show=people", as: session).body)
            let timeline = try #require(people.components(separatedBy: #"id="timeline">"#).last)
            #expect(timeline.contains("Acknowledged by Zhang Min"))
            #expect(!timeline.contains("<details>"), "no notifications among people's actions")
        }
    }

    @Test func peopleAppearByNameWithTheirRoleOnHover() async throws {
        let ledger = IncidentLedger(fixture.store, planner: CommandPlanner(config: ConsoleFixture.config))
        try await ledger.escalate(
            fixture.incidentID, to: .decision, by: "wanglei", note: "GMV at risk", at: fixture.now)
        try await fixture.application().test(.router) { client in
            let session = try await fixture.signIn(client, as: .operation)
            let html = String(
                buffer: try await fixture.get(client, "/incidents/\(fixture.incidentID.rawValue)", as: session).body)
            #expect(html.contains("Escalated by Wang Lei: GMV at risk"))
            #expect(html.contains(#"<span class="muted" title="CS director">— Wang Lei</span>"#))
        }
    }

    @Test func aYoungSeriesSparklineSpansItsDataNotAnHour() {
        let rule = ConsoleFixture.config.rules[0]
        let now = ConsoleFixture.start
        let minute = (0..<60).map { Sample(at: now.addingTimeInterval(Double($0 - 60)), value: 0.9) }
        // Polled every 15 s: a minute of samples spans 30 polls (7.5 minutes), not an hour.
        #expect(DashboardPage.sparkStart(minute, rule: rule, now: now) == now.addingTimeInterval(-450))
        let older = (0..<60).map { Sample(at: now.addingTimeInterval(Double($0 * 15 - 1_200)), value: 0.9) }
        #expect(DashboardPage.sparkStart(older, rule: rule, now: now) == now.addingTimeInterval(-1_200))
        let day = [Sample(at: now.addingTimeInterval(-86_400), value: 0.9)]
        #expect(DashboardPage.sparkStart(day, rule: rule, now: now) == now.addingTimeInterval(-3_600))
    }
}
