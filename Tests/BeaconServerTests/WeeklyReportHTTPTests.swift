import BeaconCore
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BeaconServer

/// The weekly report over the API and in the console, on the console fixture's week: its sev1, a complaint, a
/// rule incident with a hostile title, and one incident the week before.
@Suite struct WeeklyReportHTTPTests {
    static let hostile = #"<script>alert("x")</script> & co"#
    let fixture: ConsoleFixture
    let token: String
    /// The server's weeks follow the process's time zone; so do the expectations.
    let week = ISOWeek(containing: ConsoleFixture.start, in: ISOWeek.calendar(in: .current))

    init() async throws {
        fixture = try await ConsoleFixture()
        let store = fixture.store
        let ledger = IncidentLedger(store, planner: CommandPlanner(config: ConsoleFixture.config))
        let start = ConsoleFixture.start
        let complaint = try await ledger.declare(
            title: "Refund requests up", category: .complaint, severity: .sev3, by: "wanglei", at: start + 60)
        try await ledger.perform(.acknowledge, on: try #require(complaint.incident.id), by: "zhangmin", at: start + 90)
        _ = try store.insert(
            Incident(
                fingerprint: Fingerprint(rawValue: "checkout-errors"), ruleID: "checkout-errors", title: Self.hostile,
                category: .system, severity: .sev2, origin: .rule, openedAt: start + 30)
        ) {
            TimelineEvent(incidentID: $0, at: start + 30, kind: .opened, actor: TimelineEvent.system, message: "Opened")
        }
        try await ledger.declare(
            title: "Weekend surge", category: .traffic, severity: .sev4, by: "zhangmin", at: start - 2 * 86_400)
        let made = Credentials.newToken()
        try await store.people.addToken(login: "wanglei", hash: made.hash, prefix: made.prefix, at: start)
        token = made.token
    }

    var bearer: HTTPFields { [.authorization: "Bearer \(token)"] }

    func object(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    // MARK: - API

    @Test func theAPIServesTheCurrentWeekAsJSON() async throws {
        try await fixture.application().test(.live) { client in
            let response = try await client.execute(uri: "/api/reports/weekly", method: .get, headers: bearer)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            let report = try object(response)
            #expect(report["week"] as? String == week.description)
            let totals = try #require(report["totals"] as? [String: Any])
            #expect(totals["incidents"] as? Int == 3)
            #expect(totals["declared"] as? Int == 2)
            #expect(totals["by_rule"] as? Int == 1)
            #expect(totals["active"] as? Int == 3)
            let previous = try #require(report["previous_week"] as? [String: Any])
            #expect((previous["totals"] as? [String: Any])?["incidents"] as? Int == 1)
            let categories = try #require(report["by_category"] as? [[String: Any]])
            #expect(categories.first?["category"] as? String == "system")
            #expect(categories.first?["share_percent"] as? Double == 66.7)
            let rules = try #require(report["top_rules"] as? [[String: Any]])
            #expect(rules.first?["title"] as? String == Self.hostile)
            let sev3 = try #require((report["response_times"] as? [[String: Any]])?[2])
            #expect((sev3["acknowledge"] as? [String: Any])?["mean_seconds"] as? Double == 30)
        }
    }

    @Test func theAPIServesAnyWeekAndItsMarkdown() async throws {
        try await fixture.application().test(.live) { client in
            let earlier = try await client.execute(
                uri: "/api/reports/weekly?week=\(week.previous)", method: .get, headers: bearer)
            #expect(try object(earlier)["week"] as? String == week.previous.description)
            #expect((try object(earlier)["totals"] as? [String: Any])?["incidents"] as? Int == 1)

            let markdown = try await client.execute(
                uri: "/api/reports/weekly.md?week=\(week)", method: .get, headers: bearer)
            #expect(markdown.status == .ok)
            #expect(markdown.headers[.contentType] == "text/markdown; charset=utf-8")
            let text = String(buffer: markdown.body)
            #expect(text.hasPrefix("# Weekly incident report \(week): \(week.days.first) to \(week.days.last)\n"))
            #expect(text.contains("| Incidents opened | 3 | 1 |"))
            #expect(text.contains("| checkout-errors | \(Self.hostile) | 1 |"))
        }
    }

    @Test func aBadWeekIsA400NamingTheParameterAndTheForm() async throws {
        try await fixture.application().test(.live) { client in
            for path in ["/api/reports/weekly", "/api/reports/weekly.md"] {
                let malformed = try await client.execute(uri: "\(path)?week=2026-47", method: .get, headers: bearer)
                #expect(malformed.status == .badRequest)
                let error = try object(malformed)
                #expect(
                    error["error"] as? String
                        == #"Query parameter week: "2026-47" is not a week; write it as 2026-W47 (year, W, week number 01 to 53)."#
                )
                #expect(error["field"] as? String == "week")
            }
            let past = try await client.execute(uri: "/api/reports/weekly?week=2025-W53", method: .get, headers: bearer)
            #expect(past.status == .badRequest)
            #expect(try object(past)["error"] as? String == "Query parameter week: 2025-W53: 2025 has 52 weeks.")
        }
    }

    @Test func theAPINeedsASessionOrAToken() async throws {
        try await fixture.application().test(.live) { client in
            for path in ["/api/reports/weekly", "/api/reports/weekly.md"] {
                let anonymous = try await client.execute(uri: path, method: .get)
                #expect(anonymous.status == .unauthorized, "\(path)")
                let forged = try await client.execute(
                    uri: path, method: .get, headers: [.authorization: "Bearer bcn_forged"])
                #expect(forged.status == .unauthorized, "\(path)")
            }
            let session = try await fixture.signIn(client, as: .decision)
            let signedIn = try await fixture.get(client, "/api/reports/weekly.md", as: session)
            #expect(signedIn.status == .ok, "the console's Markdown link works with the session")
        }
    }

    // MARK: - Console

    func page(_ uri: String, as layer: Layer = .execution) async throws -> (HTTPResponse.Status, String) {
        try await fixture.application().test(.router) { client in
            let session = try await fixture.signIn(client, as: layer)
            let response = try await fixture.get(client, uri, as: session)
            return (response.status, String(buffer: response.body))
        }
    }

    @Test(arguments: Layer.allCases) func thePageDrawsTheChartsForEveryLayer(_ layer: Layer) async throws {
        let (status, html) = try await page("/reports/weekly", as: layer)
        #expect(status == .ok)
        #expect(html.contains("<h1>Weekly report \(week)</h1>"))
        #expect(html.contains(#"<a href="/reports/weekly" id="nav-report" class="current">Weekly report</a>"#))
        for chart in ["categories", "severities", "mtta", "mttr", "deadlines"] {
            #expect(html.contains(#"<figure class="chart" id="chart-\#(chart)">"#), "\(chart)")
        }
        #expect(html.components(separatedBy: "<svg ").count - 1 == 5)
        #expect(html.components(separatedBy: #"role="img""#).count - 1 == 5)
        #expect(
            html.contains(
                #"aria-label="Incidents by category: system 2 · 66.7%, complaint 1 · 33.3%, traffic 0 · 0.0%"#))
        #expect(html.contains("<title>Incidents by category: system 2 · 66.7%"))
        #expect(html.contains(#"<rect class="sev1" x="100.0" y="4.0""#), "one sev1 bar, full width")
        #expect(html.contains(#"<text class="label" x="0" y="17.0">system</text>"#))
        #expect(html.contains(#"id="previous-week" href="/reports/weekly?week=\#(week.previous)""#))
        #expect(!html.contains(#"id="next-week""#), "the next week has not begun")
        #expect(html.contains(#"href="/reports/weekly.md?week=\#(week)""#))
        #expect(html.contains(#"<tr><td>Incidents opened</td><td class="num">3</td><td class="num">1</td></tr>"#))
    }

    @Test func titlesAreEscapedInTheTables() async throws {
        let (_, html) = try await page("/reports/weekly?week=\(week)")
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert("))
        #expect(html.contains("&amp; co"))
        #expect(html.contains("<td>checkout-errors</td>"))
    }

    @Test func anEarlierWeekLinksToTheNextOne() async throws {
        let (status, html) = try await page("/reports/weekly?week=\(week.previous)")
        #expect(status == .ok)
        #expect(html.contains(#"id="next-week" href="/reports/weekly?week=\#(week)""#))
        #expect(html.contains(#"<tr><td>Incidents opened</td><td class="num">1</td><td class="num">0</td></tr>"#))
        #expect(html.contains(#"<p class="muted" id="no-rules">No incident was opened by a rule.</p>"#))
    }

    @Test func aBadWeekIsA400Page() async throws {
        let (status, html) = try await page("/reports/weekly?week=2026-W54")
        #expect(status == .badRequest)
        #expect(html.contains("The week parameter: 2026-W54: 2026 has 53 weeks."))
    }

    @Test func signingInComesFirst() async throws {
        try await fixture.application().test(.router) { client in
            let response = try await fixture.get(client, "/reports/weekly?week=\(week)", as: nil)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location]?.hasPrefix("/login?next=") == true)
        }
    }
}
