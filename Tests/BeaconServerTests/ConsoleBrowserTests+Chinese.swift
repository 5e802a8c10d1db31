import BeaconCore
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BeaconServer

/// A Chinese team runs an incident end to end on a phone, in Chinese: the language switch on the sign-in page
/// is remembered; the lead declares, acknowledges and raises the severity; the executive approves and
/// instructs; the director writes the post-mortem. Kept as `zh-*.png` with `BEACON_SCREENSHOTS`.
extension ConsoleBrowserTests {
    @Test(.timeLimit(.minutes(4))) func aChineseTeamRunsAnIncidentOnAPhone() async throws {
        var fixture = try await ConsoleFixture(declaredAt: Date().addingTimeInterval(-90), clock: { Date() })
        // Beijing time, as the shipped configuration; the language is chosen with the switch.
        fixture.served.timeZone = TimeZone(identifier: "Asia/Shanghai")
        let worked = try await fixture.workedRuleIncident(opened: Date().addingTimeInterval(-1_800))
        let approval = fixture.approvalID
        try await withPhoneBrowser(fixture.application()) { browser, base in
            try await browser.open("\(base)/")
            try await browser.wait("the sign-in page") { try await browser.currentURL().contains("/login") }
            try await browser.click("#languages a[lang='zh-CN']")
            try await browser.wait("the sign-in page in Chinese") {
                try await browser.run("return document.documentElement.lang") as? String == "zh-CN"
            }
            #expect(try await browser.text("#sign-in") == "登录")
            try await signIn(browser, "zhangmin")
            try await browser.wait("the dashboard") { try await browser.currentURL() == "\(base)/" }
            #expect(try await browser.text("#nav-declare") == "宣布事件")
            try await keepScreenshot(browser, "zh-dashboard.png")

            try await lead(browser, base: base)
            try await browser.click("#sign-out")
            try await browser.wait("signed out") { try await browser.currentURL().contains("/login") }
            #expect(try await browser.text("#sign-in") == "登录", "the choice is remembered after signing out")

            try await browser.open("\(base)/approvals")
            try await signIn(browser, "lina")
            try await executive(browser, base: base, approval: approval)
            try await browser.click("#sign-out")
            try await browser.wait("signed out") { try await browser.currentURL().contains("/login") }

            try await browser.open("\(base)/incidents/\(worked.rawValue)/postmortem")
            try await signIn(browser, "wanglei")
            try await director(browser, page: "\(base)/incidents/\(worked.rawValue)/postmortem")
            let overflow = try await browser.run(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth")
            #expect(overflow as? Bool == false, "nothing is cut off on a phone")
        }
        #expect(try fixture.store.incident(IncidentID(3))?.severity == .sev1)
        #expect(try fixture.store.approvals(fixture.incidentID).first?.state == .approved)
        #expect(try await fixture.postMortems.postMortem(worked)?.fields.rootCause == "网关发布时丢失了重试配置")
    }

    /// The lead declares an incident, raises it to sev1 with a reason, and acknowledges it.
    private func lead(_ browser: WebDriver, base: String) async throws {
        try await browser.click("#nav-declare")
        try await browser.wait("the declare form") { try await browser.currentURL() == "\(base)/incidents/new" }
        #expect(try await browser.text("h1") == "宣布事件")
        try await browser.type("退款队列卡住", into: "#declare-title")
        _ = try await browser.run("document.querySelector('#declare-severity').value = 'sev3'")
        try await browser.click("#declare")
        try await browser.wait("the new incident") { try await browser.currentURL() == "\(base)/incidents/3" }
        #expect(try await browser.text("#flash") == "已宣布 #3，级别 sev3：已呼叫相应层级。")
        _ = try await browser.run("document.querySelector('#severity-choice').value = 'sev1'")
        try await browser.type("所有退款都失败了", into: "#severity-reason")
        try await browser.click("#set-severity")
        try await browser.wait("the raise") { try await browser.text("#severity").lowercased().hasPrefix("sev1") }
        #expect(try await browser.text("#timeline").contains("Zhang Min 将级别由 sev3 升至 sev1：所有退款都失败了"))
        try await browser.click("#acknowledge")
        try await browser.wait("the acknowledgement") { try await browser.text("#status") == "已确认" }
        #expect(try await browser.text("#incident-facts").contains("UTC+8"), "Beijing time")
        #expect(try await browser.text("#holder") == "Zhang Min 已确认")
        try await keepScreenshot(browser, "zh-incident.png")
    }

    /// The executive approves from the inbox and instructs on the new incident.
    private func executive(_ browser: WebDriver, base: String, approval: ApprovalID) async throws {
        try await browser.wait("the inbox") { try await browser.currentURL() == "\(base)/approvals" }
        #expect(try await browser.text("h1") == "审批")
        #expect(try await browser.text("#approval-\(approval) .facts").contains("SEV1 重大 · 未处理 · 系统"))
        try await keepScreenshot(browser, "zh-approvals.png")
        try await browser.type("每单最多补偿 20 元", into: "#comment-\(approval)")
        try await browser.click("#approve-\(approval)")
        try await browser.wait("the answer") {
            try await browser.text("#flash") == "已批准：Approve compensation for affected orders。"
        }
        try await browser.open("\(base)/incidents/3")
        try await browser.type("暂停退款，一小时内通知受影响用户", into: "#instruction")
        try await browser.click("#instruct")
        try await browser.wait("the instruction") {
            try await browser.text("#timeline").contains("Li Na 的指示：暂停退款")
        }
        #expect(try await browser.text("#flash") == "指示已发送给执行层。")
    }

    /// The director writes the root cause of a resolved incident's post-mortem.
    private func director(_ browser: WebDriver, page: String) async throws {
        try await browser.wait("the post-mortem page") { try await browser.currentURL() == page }
        #expect(try await browser.text("#missing").contains("根本原因"))
        try await browser.type("网关发布时丢失了重试配置", into: "#root_cause")
        try await browser.click("#save-fields")
        try await browser.wait("the fields saved") { try await browser.text("#flash") == "已保存：根本原因。" }
        #expect(try await browser.run("return document.body.innerText.includes('何时（When）')") as? Bool == true)
        try await keepScreenshot(browser, "zh-postmortem.png")
    }
}
