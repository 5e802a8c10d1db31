import BeaconCore
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BeaconServer

/// An executive reads the weekly report on a phone: the charts draw, the tables fill, the previous week is one
/// tap away. Kept as `weekly-report.png` with `BEACON_SCREENSHOTS`.
extension ConsoleBrowserTests {
    @Test(.timeLimit(.minutes(3))) func anExecutiveReadsTheWeeklyReportInTheBrowser() async throws {
        let fixture = try await ConsoleFixture(declaredAt: Date().addingTimeInterval(-600), clock: { Date() })
        let worked = try await fixture.workedRuleIncident(opened: Date().addingTimeInterval(-1_800))
        try fixture.completePostMortem(worked)
        let week = ISOWeek(containing: Date(), in: ISOWeek.calendar(in: .current))
        try await withPhoneBrowser(fixture.application()) { browser, base in
            try await executiveReads(browser, page: "\(base)/reports/weekly", week: week)
        }
    }

    /// Signs in from the redirect, checks the charts and tables, then steps back a week.
    func executiveReads(_ browser: WebDriver, page: String, week: ISOWeek) async throws {
        try await browser.open(page)
        try await signIn(browser, "lina")
        try await browser.wait("the weekly report") { try await browser.currentURL() == page }
        #expect(try await browser.text("h1") == "Weekly report \(week)")
        #expect(try await browser.run("return document.querySelectorAll('svg[role=img]').length") as? Int == 5)
        let drawn = try await browser.run(
            "return Array.from(document.querySelectorAll('#chart-categories rect'))"
                + ".filter(r => r.getBoundingClientRect().width > 0).length")
        #expect((drawn as? Int ?? 0) >= 1, "the category chart draws a bar for the week's incidents")
        #expect(try await browser.text("#categories").contains("system"))
        let overflow = try await browser.run(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth")
        #expect(overflow as? Bool == false, "the page is not wider than the phone: wide tables scroll in their box")
        let boxed = try await browser.run(
            "return Array.from(document.querySelectorAll('table.report'))"
                + ".every(t => getComputedStyle(t.parentElement).overflowX === 'auto')")
        #expect(boxed as? Bool == true, "every report table scrolls sideways, with a shadow where more is hidden")
        try await keepScreenshot(browser, "weekly-report.png")

        try await browser.click("#previous-week")
        try await browser.wait("the previous week") {
            try await browser.text("h1") == "Weekly report \(week.previous)"
        }
        #expect(try await browser.text("#next-week") == "\(week) →")
    }
}
