import BeaconCore
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BeaconServer

@Suite struct ConsolePageTests {
    let fixture: ConsoleFixture

    init() async throws { fixture = try await ConsoleFixture() }

    var incident: Int64 { fixture.incidentID.rawValue }

    func page(_ uri: String, as layer: Layer, fixture: ConsoleFixture? = nil) async throws -> String {
        let fixture = fixture ?? self.fixture
        return try await fixture.application().test(.router) { client in
            let session = try await fixture.signIn(client, as: layer)
            let response = try await fixture.get(client, uri, as: session)
            #expect(response.status == .ok, "\(uri)")
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
            return String(buffer: response.body)
        }
    }

    @Test(arguments: Language.allCases) func everyTemplateCompiles(_ language: Language) {
        #expect(throws: Never.self) { _ = try ConsoleTemplates.compile(language) }
    }

    @Test(arguments: Layer.allCases) func everyPageRendersForEveryLayer(_ layer: Layer) async throws {
        for uri in ["/", "/incidents", "/incidents/\(incident)", "/approvals"] {
            let html = try await page(uri, as: layer)
            #expect(html.hasPrefix("<!doctype html>"))
            #expect(
                html.contains(
                    #"<span class="who" id="who">\#(ConsoleFixture.config.chain[layer].people[0].name) · \#(layer.rawValue)</span>"#
                ))
            #expect(html.contains(#"<meta name="viewport" content="width=device-width, initial-scale=1">"#))
        }
    }

    @Test func anOnCallLeadGetsStatusButtonsAndTheirStepsOnly() async throws {
        let html = try await page("/incidents/\(incident)", as: .operation)
        #expect(html.contains(#"id="acknowledge""#))
        #expect(html.contains(#"id="mitigate""#))
        #expect(html.contains(#"id="resolve""#))
        #expect(html.contains(#"id="escalate""#))
        #expect(html.contains(#"id="done-confirm""#))
        #expect(html.contains(#"id="done-user-notice""#))
        #expect(!html.contains(#"id="done-root-cause""#), "the execution layer's step")
        #expect(!html.contains(#"id="approve-"#))
        #expect(!html.contains(#"id="postmortem""#), "not resolved yet")
        #expect(html.contains("Check the payment gateway dashboard"))
        #expect(html.contains(#"data-due="\#(ConsoleFormat.millis(ConsoleFixture.start.addingTimeInterval(300)))""#))
        #expect(html.contains("in 3m"), "the countdown's first text, before the script takes over")
    }

    @Test func aDirectorGetsStatusButtonsAndTheAssessmentStep() async throws {
        let html = try await page("/incidents/\(incident)", as: .execution)
        #expect(html.contains(#"id="acknowledge""#))
        #expect(html.contains(#"id="done-root-cause""#))
        #expect(!html.contains(#"id="done-confirm""#))
        #expect(!html.contains(#"id="approve-"#))
    }

    @Test func anExecutiveAnswersInstructsAndEscalatesButDoesNotWorkTheIncident() async throws {
        let html = try await page("/incidents/\(incident)", as: .decision)
        #expect(html.contains(#"id="approve-\#(fixture.approvalID)""#))
        #expect(html.contains(#"id="reject-\#(fixture.approvalID)""#))
        #expect(html.contains(#"id="instruct""#))
        #expect(html.contains(#"id="escalate""#))
        #expect(!html.contains(#"id="acknowledge""#))
        #expect(!html.contains(#"id="set-severity""#))
        #expect(!html.contains(#"id="done-"#))
    }

    @Test func theIncidentPageShowsHistoryTimelineAndTheNoticeToCopy() async throws {
        let html = try await page("/incidents/\(incident)", as: .operation)
        #expect(html.contains(#"<span class="badge sev1" id="severity">sev1 critical</span>"#))
        #expect(html.contains(#"<span class="badge open" id="status">open</span>"#))
        #expect(html.contains("Declared by Zhang Min at sev1 (critical), category system"))
        #expect(html.contains("Playbook payment-failure started: 4 of 4 steps active"))
        #expect(html.contains(#"<textarea id="message-2" readonly rows="4">Payment is temporarily unstable."#))
        #expect(html.contains(#"data-copy="message-2""#))
        #expect(html.contains(#"<option value="decision" selected>"#), "sev1 already pages every layer")
        #expect(html.contains(#"name="csrf" value=""#))
        #expect(!html.contains(#"name="csrf" value="""#), "every form carries the session's token")
        #expect(html.contains(#"data-refresh="15""#))
    }

    @Test func userTextIsEscapedEverywhere() async throws {
        let hostile = "<script>alert(1)</script>"
        var fixture = try await ConsoleFixture(title: hostile)
        fixture.failing = ["http://127.0.0.1:9/metrics": "<img src=x onerror=alert(2)>"]
        let ledger = IncidentLedger(fixture.store, planner: CommandPlanner(config: ConsoleFixture.config))
        try await ledger.completeStep(
            "confirm", of: fixture.incidentID, by: "zhangmin", layer: .operation, note: hostile, at: fixture.now)
        try await ledger.answer(
            fixture.approvalID, approve: false, by: "lina", layer: .decision, comment: "\"'><script>", at: fixture.now)
        for uri in [
            "/", "/incidents", "/incidents/\(fixture.incidentID.rawValue)", "/approvals", "/incidents?q=%3Cscript%3E",
        ] {
            let html = try await page(uri, as: .decision, fixture: fixture)
            #expect(!html.contains("<script>"), "\(uri)")
            #expect(!html.contains("<img"), "\(uri)")
            #expect(html.contains("&lt;script&gt;"), "\(uri)")
        }
        let list = try await page("/incidents?q=%3Cscript%3E", as: .decision, fixture: fixture)
        #expect(list.contains(#"value="&lt;script&gt;""#))
        #expect(list.contains("1 incident(s)"))
    }

    @Test func theInboxSaysWhatIsAskedWhyAndTheFactsInThreeLines() async throws {
        let html = try await page("/approvals", as: .decision)
        #expect(html.contains("<h2>Approve compensation for affected orders</h2>"))
        #expect(
            html.contains(
                #"Step compensation of <a href="/incidents/\#(incident)">#\#(incident) Card payments failing</a>"#))
        #expect(html.contains("<p>SEV1 critical · open · system</p>"))
        #expect(html.contains("<p>Opened 14:13 UTC, 2m ago</p>"))
        #expect(html.contains("<p>Declared by Zhang Min · not acknowledged · 0 of 4 steps done</p>"))
        #expect(html.contains(#"<button class="approve" type="submit" name="decision" value="approve""#))
        #expect(
            html.contains(#"<span class="count">1</span>"#), "the decision layer's navigation counts pending approvals")
        let lead = try await page("/approvals", as: .operation)
        #expect(lead.contains("Only the decision layer answers approvals"))
        #expect(!lead.contains(#"value="approve""#))
    }

    @Test func theDashboardGroupsOpenIncidentsAndDrawsEachRule() async throws {
        var fixture = try await ConsoleFixture()
        fixture.failing = ["http://127.0.0.1:9/queue": "connection refused"]
        let ledger = IncidentLedger(fixture.store, planner: CommandPlanner(config: ConsoleFixture.config))
        try await ledger.declare(
            title: "Refund spike", category: .complaint, severity: .sev3, by: "wanglei", at: fixture.now)
        let closed = try await ledger.declare(
            title: "Old trouble", category: .complaint, severity: .sev3, by: "wanglei", at: fixture.now)
        try await ledger.perform(.resolve, on: try #require(closed.incident.id), by: "wanglei", at: fixture.now)
        try await ledger.perform(.acknowledge, on: fixture.incidentID, by: "zhangmin", at: fixture.now)
        let samples = (0..<30).map { minute in
            Sample(at: fixture.now.addingTimeInterval(Double(minute - 30) * 60), value: minute < 25 ? 0.97 : 0.84)
        }
        try fixture.store.append(samples, rule: "payment-success-rate", labels: Labels(["region": "east"]))
        try fixture.store.append(
            [Sample(at: fixture.now.addingTimeInterval(-7_200), value: 1)], rule: "payment-success-rate",
            labels: Labels(["region": "west"]))
        let html = try await page("/", as: .operation, fixture: fixture)
        #expect(html.contains("Open incidents <span class=\"muted\">(2)</span>"))
        #expect(html.contains(#"<section class="group-sev1" id="group-sev1">"#))
        #expect(html.contains(#"<section class="group-sev3" id="group-sev3">"#))
        let (open, postMortems) = try #require(html.split(separator: #"id="postmortems-due""#).splitFirst)
        #expect(!open.contains("Old trouble"), "resolved: not an open incident")
        #expect(postMortems.contains("Old trouble"), "resolved: its post-mortem is to write")
        #expect(html.contains("Acknowledged by Zhang Min"))
        #expect(html.contains("Declared by Wang Lei · not acknowledged"))
        #expect(html.contains(#"<div class="card breaching" id="rule-payment-success-rate">"#))
        #expect(html.contains(#"<span class="muted">region=&quot;east&quot;</span>"#))
        #expect(html.contains(#"<span class="value overdue">0.84</span>"#))
        #expect(!html.contains("region=&quot;west&quot;"), "no samples in the last hour")
        let spark = try #require(html.range(of: #"<polyline points=""#))
        let points = html[spark.upperBound...].prefix { $0 != "\"" }.split(separator: " ")
        #expect(points.count == 30)
        #expect(html.contains(#"<line x1="0" x2="240.0" y1=""#))
        #expect(html.contains("&lt; 0.9 sev2 · &lt; 0.8 sev1"))
        #expect(html.contains(#"<div class="card breaching" id="rule-queue-wait">"#))
        #expect(html.contains("Source failing: connection refused"))
        #expect(
            html.contains(
                "<h3>http://127.0.0.1:9/queue</h3><p>connection refused</p><p class=\"muted\">Rules: queue-wait</p>"))
    }

    @Test func theListFiltersAndSearches() async throws {
        let fixture = try await ConsoleFixture()
        let ledger = IncidentLedger(fixture.store, planner: CommandPlanner(config: ConsoleFixture.config))
        try await ledger.declare(
            title: "Refund spike 100%", category: .complaint, severity: .sev3, by: "wanglei", at: fixture.now)
        try await ledger.declare(
            title: "Refund_backlog", category: .complaint, severity: .sev2, by: "wanglei", at: fixture.now)
        try await ledger.perform(.acknowledge, on: fixture.incidentID, by: "zhangmin", at: fixture.now)
        func titles(_ query: String) async throws -> [String] {
            let html = try await page("/incidents\(query)", as: .execution, fixture: fixture)
            return html.components(separatedBy: #"<div class="title">"#).dropFirst().map {
                String($0.prefix { $0 != "<" })
            }
        }
        #expect(try await titles("") == ["Refund_backlog", "Refund spike 100%", "Card payments failing"])
        #expect(try await titles("?status=acknowledged") == ["Card payments failing"])
        #expect(try await titles("?status=active&severity=sev3") == ["Refund spike 100%"])
        #expect(try await titles("?category=complaint&q=refund") == ["Refund_backlog", "Refund spike 100%"])
        #expect(try await titles("?q=100%25") == ["Refund spike 100%"])
        #expect(try await titles("?q=d_b") == ["Refund_backlog"], "_ matches itself, not any character")
        #expect(try await titles("?q=CARD+failing") == ["Card payments failing"])
        let html = try await page("/incidents?severity=sev3", as: .execution, fixture: fixture)
        #expect(html.contains(#"<option value="sev3" selected>sev3 moderate</option>"#))
        try await fixture.application().test(.router) { client in
            let session = try await fixture.signIn(client, as: .execution)
            let bad = try await fixture.get(client, "/incidents?status=burning", as: session)
            #expect(bad.status == .badRequest)
            #expect(String(buffer: bad.body).contains("Unknown status &quot;burning&quot;"))
            let chinese = try await fixture.get(client, "/incidents?severity=sev9", as: session, language: .zhCN)
            #expect(chinese.status == .badRequest)
            #expect(
                String(buffer: chinese.body).contains(
                    "未知的级别“sev9”；可选：sev1（重大）、sev2（较大）、sev3（一般）、sev4（轻微）。"))
            let missing = try await fixture.get(client, "/incidents/424242", as: session)
            #expect(missing.status == .notFound)
        }
    }

    @Test func theAssetsAreServedWithoutSigningIn() async throws {
        try await fixture.application().test(.router) { client in
            let css = try await client.execute(uri: "/assets/console.css", method: .get)
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            let script = try await client.execute(uri: "/assets/console.js", method: .get)
            #expect(String(buffer: script.body).contains("location.reload()"))
        }
    }
}

extension Array where Element == Substring {
    /// The first element and the rest joined back, or `nil` when the separator was not found.
    fileprivate var splitFirst: (Substring, String)? {
        count > 1 ? (self[0], dropFirst().joined()) : nil
    }
}
