import BeaconCore
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BeaconServer

/// A director completes a post-mortem in the browser: writes the root cause, adds a follow-up, sees the banner
/// of what keeps the incident open disappear, and closes it. Kept as `postmortem.png` with `BEACON_SCREENSHOTS`.
extension ConsoleBrowserTests {
    @Test(.timeLimit(.minutes(3))) func aDirectorCompletesThePostMortemInTheBrowser() async throws {
        let fixture = try await ConsoleFixture(declaredAt: Date().addingTimeInterval(-3_600), clock: { Date() })
        let id = try await fixture.workedRuleIncident(opened: Date().addingTimeInterval(-1_800))
        let due = DueDay.text(Date().addingTimeInterval(14 * 86_400))
        try await withPhoneBrowser(fixture.application()) { browser, base in
            try await director(browser, page: "\(base)/incidents/\(id.rawValue)/postmortem", id: id, due: due)
        }
        let postMortem = try #require(try await fixture.postMortems.postMortem(id))
        #expect(postMortem.fields.rootCause == "A deploy dropped the gateway's retry setting")
        #expect(postMortem.fields.ordersAffected == 1_200)
        let followUp = try #require(try await fixture.postMortems.followUps(id).first)
        #expect(followUp.kind == .knowledgeBase)
        #expect(followUp.owner == "Zhang Min")
        #expect(DueDay.text(followUp.dueAt) == due)
        #expect(try fixture.store.incident(id)?.status == .closed)
    }

    /// Signs in from the redirect, fills the root cause and a follow-up, and closes the incident.
    func director(_ browser: WebDriver, page: String, id: IncidentID, due: String) async throws {
        try await browser.open(page)
        try await signIn(browser, "wanglei")
        try await browser.wait("the post-mortem page") { try await browser.currentURL() == page }
        #expect(try await browser.text("#missing").contains("a root cause"))
        #expect(try await browser.run("return document.querySelectorAll('#missing li').length") as? Int == 2)

        try await browser.type("A deploy dropped the gateway's retry setting", into: "#root_cause")
        try await browser.type("1200", into: "#orders_affected")
        try await browser.click("#save-fields")
        try await browser.wait("the fields saved") {
            try await browser.text("#flash") == "Saved the root cause, orders affected."
        }
        #expect(try await browser.run("return document.querySelectorAll('#missing li').length") as? Int == 1)
        #expect(
            try await browser.run("return document.querySelector('#root_cause').value") as? String
                == "A deploy dropped the gateway's retry setting")

        try await browser.run("document.querySelector('#follow-up-kind').value = 'knowledge_base'")
        try await browser.type("Write the gateway failover runbook", into: "#follow-up-description")
        try await browser.type("Zhang Min", into: "#follow-up-owner")
        try await browser.run("document.querySelector('#follow-up-due').value = arguments[0]", [due])
        try await browser.click("#add-follow-up-button")
        try await browser.wait("the follow-up added") {
            try await browser.text("#flash") == "Follow-up added: Write the gateway failover runbook (Zhang Min)."
        }
        #expect(try await browser.run("return document.querySelector('#missing') === null") as? Bool == true)
        #expect(try await browser.text("#ready") == "The post-mortem has what closing needs.")
        #expect(try await browser.text("#follow-ups tbody tr .follow-up-state") == "OPEN")
        try await keepScreenshot(browser, "postmortem.png")

        try await browser.click("#close")
        try await browser.wait("the incident closed") {
            try await browser.text("#flash") == "Incident \(id) closed."
        }
        #expect(try await browser.text("#status") == "CLOSED")
        #expect(try await browser.text("#closed").hasPrefix("The incident is closed: its post-mortem is read"))
    }
}
