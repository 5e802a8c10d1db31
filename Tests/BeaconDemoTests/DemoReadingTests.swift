import BeaconCore
import Testing

@testable import BeaconDemo

/// How the sinks read a notification back: headlines, approval links and mail, on hand-made inputs.
struct DemoReadingTests {
    @Test(arguments: [
        ("**[sev2] #12 Title**\n\nText", "[sev2] #12 Title"),
        ("*Slack bold*\ntext", "Slack bold"),
        ("\n\n## Heading", "Heading"),
        ("> **quoted** words", "quoted words"),
        ("  \n### Heading three", "Heading three"),
        ("[sev1] #3 Disk full http://127.0.0.1:8080/incidents/3", "[sev1] #3 Disk full"),
        ("http://127.0.0.1:8080/incidents/3", "http://127.0.0.1:8080/incidents/3"),
        ("__Underlined__", "Underlined"),
    ])
    func headlineIsTheFirstLineUndecorated(_ text: String, _ expected: String) {
        #expect(DemoText.headline(text) == expected)
    }

    static let approve = "http://127.0.0.1:8080/approvals/abc.DEF-1_x"
    static let reject = "http://127.0.0.1:8080/approvals/ghi.JKL-2_y"

    @Test(arguments: [
        "[Approve](\(approve)) · [Reject](\(reject))",
        "[Reject](\(reject)) · [Approve](\(approve))",
        "<\(reject)|Reject> · <\(approve)|Approve>",
        "Reject: \(reject)\nApprove: \(approve)\nThe links expire at 2026-05-04T11:00:00Z.",
        "<a href=\"\(reject)\" style=\"x: y;\">Reject</a> <a href=\"\(approve)\" style=\"x: y;\">Approve</a>",
        "[批准](\(approve)) [拒绝](\(reject))",
        "Open incident #12: http://127.0.0.1:8080/incidents/12\n\(approve)\n\(reject).",
    ])
    func approvalLinksAreToldApartByTheirWords(_ text: String) {
        let links = DemoLinks(text).approval
        #expect(links.approve == Self.approve)
        #expect(links.reject == Self.reject)
    }

    @Test
    func linksWithoutApprovalsAreNotApprovalLinks() {
        let links = DemoLinks("Acknowledge within 5m: http://127.0.0.1:8080/incidents/12").approval
        #expect(links.approve == nil && links.reject == nil)
    }

    @Test
    func htmlLinksAreUnescaped() {
        let links = DemoLinks("<a href=\"http://h/approvals/1?a=1&amp;b=2\">Approve</a>").approval
        #expect(links.approve == "http://h/approvals/1?a=1&b=2")
    }

    @Test
    func mailHeadersAreUnfoldedAndEncodedWordsDecoded() {
        let raw = [
            "Subject: =?UTF-8?B?W3NldjFdICMzIOaUr+S7mA==?=", " =?UTF-8?B?5oiQ5Yqf546H?=",
            "To: =?UTF-8?Q?Zh=C3=A1ng?= <z@x>",
            "X-Beacon-Event: raised", "", "body",
        ].joined(separator: "\r\n")
        let mail = DemoMail(raw)
        #expect(mail.subject == "[sev1] #3 支付成功率")
        #expect(mail.to == "Zháng <z@x>")
        #expect(mail.header("x-beacon-event") == "raised")
        #expect(mail.text == "body")
    }

    @Test
    func theTextPartOfANestedMultipartIsRead() {
        let raw = """
            Subject: plain
            Content-Type: multipart/mixed; boundary=outer

            --outer
            Content-Type: multipart/alternative; boundary="inner"

            --inner
            Content-Type: text/html; charset=utf-8

            <p>html</p>
            --inner
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            caf=C3=A9 soft=
             break
            --inner--
            --outer--
            """
        let mail = DemoMail(raw)
        #expect(mail.parts.map(\.mediaType) == ["text/html", "text/plain"])
        #expect(mail.text == "café soft break")
        #expect(mail.html == "<p>html</p>")
    }

    @Test
    func aWebhookEventIsReadFromItsKeys() {
        let body = #"""
            {"approval":{"approve_url":"http://h/approvals/a","reject_url":"http://h/approvals/r"},"event":"approval_request","recipient":{"name":"Li Na"},"subject":"Approve it","text":"Please decide.","version":1}
            """#
        let delivery = DemoDelivery(
            channel: "hook", type: .webhook, body: DemoRequestBody(Array(body.utf8), contentType: "application/json"))
        #expect(delivery.recipient == "Li Na")
        #expect(delivery.headline == "Approve it")
        #expect(delivery.kind == .approvalRequest)
        #expect(delivery.approveURL == "http://h/approvals/a")
        #expect(delivery.rejectURL == "http://h/approvals/r")
        #expect(delivery.text == "Please decide.")
    }
}
