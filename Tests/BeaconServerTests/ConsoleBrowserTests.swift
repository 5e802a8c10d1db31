import BeaconCore
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BeaconServer

/// The console in a real browser: headless Chromium driven over WebDriver, against the application on
/// 127.0.0.1. An on-call lead acknowledges and works a step; an executive approves from the inbox; the pages
/// are read back through the DOM.
///
/// Set `BEACON_SCREENSHOTS` to a folder to keep phone-sized screenshots of the dashboard, the incident page and
/// the inbox (`docs/screenshots` holds the committed ones).
@Suite(.serialized) struct ConsoleBrowserTests {
    static let phone = (width: 412, height: 915)

    @Test(.timeLimit(.minutes(3))) func aLeadAcknowledgesAndAnExecutiveApprovesInTheBrowser() async throws {
        let fixture = try await ConsoleFixture(declaredAt: Date().addingTimeInterval(-90), clock: { Date() })
        let incident = fixture.incidentID.rawValue
        let now = Date()
        try fixture.store.append(
            (0..<240).map { (index: Int) -> Sample in
                let value: Double = index < 200 ? 0.97 + Double(index % 7) * 0.003 : 0.78 + Double(index % 5) * 0.01
                return Sample(at: now.addingTimeInterval(Double(index - 240) * 15), value: value)
            },
            rule: "payment-success-rate", labels: Labels(["region": "east"]))
        try fixture.store.append(
            (0..<240).map { (index: Int) -> Sample in
                Sample(at: now.addingTimeInterval(Double(index - 240) * 15), value: 200 + Double(index % 30) * 5)
            },
            rule: "queue-wait", labels: Labels())
        let approval = fixture.approvalID
        try await withPhoneBrowser(fixture.application()) { browser, base in
            try await lead(browser, base: base, incident: incident)
            try await executive(browser, base: base, incident: incident, approval: approval)
        }
        let step = try #require(try fixture.store.runSteps(fixture.incidentID).first { $0.stepID == "confirm" })
        #expect(try fixture.store.incident(fixture.incidentID)?.status == .acknowledged)
        #expect(step.doneBy == "zhangmin")
        #expect(step.note == "Gateway timeouts confirmed in east")
        #expect(try fixture.store.approval(approval)?.state == .approved)
    }

    /// Signs in through the redirect, acknowledges, marks the first step done with a note, signs out.
    func lead(_ browser: WebDriver, base: String, incident: Int64) async throws {
        try await browser.open("\(base)/incidents/\(incident)")
        #expect(try await browser.currentURL().hasPrefix("\(base)/login?next="))
        try await signIn(browser, "zhangmin")
        try await browser.wait("the incident page") {
            try await browser.currentURL() == "\(base)/incidents/\(incident)"
        }
        #expect(try await browser.text("#who") == "Zhang Min · operation")
        try await browser.open("\(base)/")
        #expect(try await browser.text("#group-sev1 .title") == "Card payments failing")
        #expect(try await browser.text("#rule-payment-success-rate .value") == "0.82")
        #expect(try await browser.run("return document.querySelectorAll('svg.spark polyline').length") as? Int == 2)
        try await keepScreenshot(browser, "dashboard.png")
        try await browser.run("window.beaconMarker = 'before'")
        try await browser.wait("the idle dashboard to refresh itself", timeout: .seconds(40)) {
            try await browser.run("return window.beaconMarker === undefined") as? Bool == true
        }
        try await browser.open("\(base)/incidents/\(incident)")
        #expect(try await browser.text("#status") == "OPEN", "badges are upper-cased by the stylesheet")

        try await browser.click("#acknowledge")
        try await browser.wait("status acknowledged") { try await browser.text("#status") == "ACKNOWLEDGED" }
        #expect(try await browser.text("#flash") == "Incident #\(incident) acknowledged.")
        #expect(try await browser.text("#holder") == "Acknowledged by Zhang Min")

        try await browser.type("Gateway timeouts confirmed in east", into: "#note-confirm")
        try await browser.click("#done-confirm")
        try await browser.wait("the step done") {
            try await browser.text("#step-confirm .step-state") == "DONE"
        }
        #expect(try await browser.text("#step-confirm .done-by").hasPrefix("Done by Zhang Min"))
        #expect(try await browser.text("#step-confirm .note") == "“Gateway timeouts confirmed in east”")
        #expect(try await browser.run("return document.querySelector('#done-confirm') === null") as? Bool == true)
        try await browser.click("[data-copy='message-2']")
        try await browser.wait("the copy button to confirm") {
            try await browser.text("[data-copy='message-2']") == "Copied"
        }
        let countdown = try await browser.text("#step-user-notice .countdown")
        #expect(countdown.hasPrefix("in "), "a live countdown: \(countdown)")
        try await keepScreenshot(browser, "incident.png")

        try await browser.click("#sign-out")
        try await browser.wait("the sign-in page") { try await browser.currentURL() == "\(base)/login" }
    }

    /// Signs in from the inbox's redirect, approves in one tap, and reads the result back.
    func executive(_ browser: WebDriver, base: String, incident: Int64, approval: ApprovalID) async throws {
        try await browser.open("\(base)/approvals")
        try await signIn(browser, "lina")
        try await browser.wait("the inbox") { try await browser.currentURL() == "\(base)/approvals" }
        #expect(try await browser.text("#approval-\(approval) h2") == "Approve compensation for affected orders")
        let facts = try await browser.text("#approval-\(approval) .facts")
        #expect(facts.contains("SEV1 critical · acknowledged · system"))
        #expect(facts.contains("Acknowledged by Zhang Min · 1 of 4 steps done"))
        try await keepScreenshot(browser, "approvals.png")

        try await browser.run("window.beaconMarker = 'typing'")
        try await browser.type("Up to 20 yuan per affected order", into: "#comment-\(approval)")
        try await ContinuousClock().sleep(for: .seconds(ConsoleRoutes.refreshSeconds + 3))
        #expect(
            try await browser.run("return window.beaconMarker") as? String == "typing",
            "no refresh while a form is being filled")
        try await browser.click("#approve-\(approval)")
        try await browser.wait("the answer") {
            try await browser.text("#flash") == "Approved: Approve compensation for affected orders."
        }
        #expect(try await browser.text("#answered").contains("APPROVED Approve compensation for affected orders"))
        #expect(try await browser.text("#no-questions") == "Nothing is waiting for an answer.")

        try await browser.open("\(base)/incidents/\(incident)")
        #expect(try await browser.text("#status") == "ACKNOWLEDGED")
        #expect(try await browser.text("#step-confirm .done-by").hasPrefix("Done by Zhang Min"))
        #expect(try await browser.text("#approval-\(approval) .approval-state") == "APPROVAL APPROVED")
        #expect(try await browser.text("#approval-\(approval) .answered-by").hasPrefix("approved by Li Na"))
        #expect(
            try await browser.run("return document.querySelectorAll('#acknowledge, [id^=done-]').length") as? Int == 0)
    }

    /// Runs `body` with a phone-sized headless Chromium against `application` on 127.0.0.1, then stops the browser
    /// and checks none is left; a failure inside is recorded with the tail of chromedriver's log.
    func withPhoneBrowser(
        _ application: some ApplicationProtocol, _ body: @escaping @Sendable (WebDriver, String) async throws -> Void
    ) async throws {
        guard let chromium = ChromeDriverProcess.executable(["chromium", "chromium-browser", "google-chrome"]) else {
            throw ChromeDriverProcess.Unavailable(
                description: "Chromium is not installed; `scripts/install-deps.sh test` installs chromium.")
        }
        try await application.test(.live) { client in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            let chromedriver = try await ChromeDriverProcess.start()
            var browser: WebDriver?
            do {
                let driver = try await WebDriver.newSession(
                    port: chromedriver.port, chromium: chromium, profile: chromedriver.profile,
                    width: Self.phone.width, height: Self.phone.height)
                browser = driver
                try await body(driver, base)
            } catch {
                Issue.record(
                    "The browser test failed: \(error)\nchromedriver log (tail):\n\(chromedriver.log.suffix(3_000))")
            }
            await chromedriver.stop(driver: browser)
            #expect(ChromeDriverProcess.processes(using: chromedriver.profile).isEmpty, "no browser is left running")
        }
    }

    func signIn(_ browser: WebDriver, _ login: String) async throws {
        try await browser.wait("the sign-in form") { try await browser.currentURL().contains("/login") }
        try await browser.type(login, into: "#login")
        try await browser.type(ConsoleFixture.password, into: "#password")
        try await browser.click("#sign-in")
    }

    func keepScreenshot(_ browser: WebDriver, _ name: String) async throws {
        guard let folder = ProcessInfo.processInfo.environment["BEACON_SCREENSHOTS"], !folder.isEmpty else { return }
        try await browser.run("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur()")
        let png = try await browser.screenshot()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try png.write(to: URL(fileURLWithPath: folder).appendingPathComponent(name))
    }
}
