import BeaconCore
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BeaconServer

/// Each layer does its part from a phone: a lead declares an incident from the header and raises it with a
/// reason; the executive, signed in next, gives an instruction; the timeline folds the pages into one line.
extension ConsoleBrowserTests {
    @Test(.timeLimit(.minutes(3))) func eachLayerActsFromThePhone() async throws {
        let fixture = try await ConsoleFixture(clock: { Date() })
        try await withPhoneBrowser(fixture.application()) { browser, base in
            try await browser.open("\(base)/")
            try await signIn(browser, "zhangmin")
            try await browser.wait("the dashboard") { try await browser.currentURL() == "\(base)/" }
            try await browser.click("#nav-declare")
            try await browser.wait("the declare form") { try await browser.currentURL() == "\(base)/incidents/new" }
            try await browser.type("Refund queue stuck", into: "#declare-title")
            _ = try await browser.run("document.querySelector('#declare-severity').value = 'sev3'")
            try await browser.type("Refunds have not moved for 20 minutes", into: "#declare-description")
            try await browser.click("#declare")
            try await browser.wait("the new incident") { try await browser.currentURL() == "\(base)/incidents/2" }
            #expect(try await browser.text("#severity").lowercased().hasPrefix("sev3"))

            _ = try await browser.run("document.querySelector('#severity-choice').value = 'sev1'")
            try await browser.type("Every refund fails", into: "#severity-reason")
            try await browser.click("#set-severity")
            try await browser.wait("the raise") { try await browser.text("#severity").lowercased().hasPrefix("sev1") }
            #expect(try await browser.text("#timeline").contains("Severity raised from sev3 to sev1 by Zhang Min"))
            try await browser.click("#sign-out")
            try await browser.wait("signed out") { try await browser.currentURL().contains("/login") }

            try await browser.open("\(base)/incidents/2")
            try await signIn(browser, "lina")
            try await browser.wait("the incident, as the executive") {
                try await browser.currentURL() == "\(base)/incidents/2"
            }
            let offered = try await browser.run(
                "return ['#acknowledge', '#set-severity', '#instruct', '#escalate']"
                    + ".map(s => document.querySelectorAll(s).length)")
            #expect(offered as? [Int] == [0, 0, 1, 1], "the executive instructs and escalates; the leads work it")
            try await browser.type("Pause refunds, tell affected users within the hour", into: "#instruction")
            try await browser.click("#instruct")
            try await browser.wait("the instruction") {
                try await browser.text("#timeline").contains("Instruction from Li Na: Pause refunds")
            }
            let overflow = try await browser.run(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth")
            #expect(overflow as? Bool == false, "nothing is cut off on a phone")
        }
        let incident = try #require(try fixture.store.incident(IncidentID(2)))
        #expect(incident.severity == .sev1)
        #expect(incident.description == "Refunds have not moved for 20 minutes")
    }
}
