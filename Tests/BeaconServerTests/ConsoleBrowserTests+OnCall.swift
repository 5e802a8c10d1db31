import BeaconCore
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BeaconServer

/// On a phone, a lead takes a shift on the On call page; the director, signed in next, sees who holds the layer.
extension ConsoleBrowserTests {
    @Test(.timeLimit(.minutes(3))) func aLeadTakesAShiftAndTheDirectorSeesItInTheBrowser() async throws {
        let fixture = try await OnCallPageTests()
        try await withPhoneBrowser(fixture.application()) { browser, base in
            try await takeAndSeeAShift(browser, base: base)
        }
    }

    func takeAndSeeAShift(_ browser: WebDriver, base: String) async throws {
        try await browser.open("\(base)/oncall")
        try await signIn(browser, "chenxiao")
        try await browser.wait("the on-call page") { try await browser.currentURL() == "\(base)/oncall" }
        #expect(try await browser.text("#now-operation") == "On duty now: Zhang Min")
        _ = try await browser.run(
            "document.querySelector('#from-operation').value = '2027-02-03T09:00';"
                + "document.querySelector('#to-operation').value = '2027-02-03T20:00';")
        try await browser.type("covering the morning", into: "#reason-operation")
        try await browser.click("#override-operation")
        try await browser.wait("the override") {
            try await browser.text("#now-operation") == "On duty now: Chen Xiao"
        }
        #expect(try await browser.text("#flash").contains("Chen Xiao is on duty in cs-duty"))
        try await keepScreenshot(browser, "oncall.png")

        try await browser.click("#sign-out")
        try await browser.wait("signed out") { try await browser.currentURL().contains("/login") }
        try await browser.open("\(base)/oncall")
        try await signIn(browser, "wanglei")
        try await browser.wait("the on-call page again") { try await browser.currentURL() == "\(base)/oncall" }
        #expect(try await browser.text("#now-operation") == "On duty now: Chen Xiao")
        #expect(try await browser.text("#overrides-operation").contains("by chenxiao — covering the morning"))
        let form = try await browser.run("return document.querySelectorAll('#override-form-operation').length")
        #expect(form as? Int == 0, "a director does not change the leads' roster")
        let overflow = try await browser.run(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth")
        #expect(overflow as? Bool == false, "nothing is cut off on a phone")
    }
}
