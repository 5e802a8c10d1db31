import BeaconCore
import Foundation
import Testing

@testable import BeaconCurl
@testable import BeaconNotify

/// Known answers computed outside Beacon (Python's `hmac`), and the mail settings libcurl is given.
@Suite struct SigningAndEnvelopeTests {
    @Test func webhookSignatureMatchesAKnownVector() {
        let signature = ChannelSignature.webhook(body: Array(#"{"hello":"world"}"#.utf8), secret: "hook-secret")
        #expect(signature == "sha256=50b7457ca93e79c7ceef11566c7fb2895f66daa820f220ce66571de60af0a184")
    }

    @Test func dingTalkSignedURLMatchesAKnownVector() {
        // A timestamp whose signature has `+`, `/` and `=`, which must be escaped in the query.
        let channel = Channel(
            id: "ops-group", type: .dingtalk, url: "https://oapi.dingtalk.com/robot/send?access_token=abc",
            secret: "SEC0123456789abcdef")
        let url = DingTalkRenderer.signedURL(channel, at: Date(timeIntervalSince1970: 1_777_888_800.002))
        #expect(
            url == "https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1777888800002"
                + "&sign=Q%2BbWac%2FdkaPgCkA%2B0R6%2BzZb5gNPUDyy0NfPBqwO8lVI%3D")
    }

    @Test func feishuSignatureMatchesAKnownVector() {
        let sign = ChannelSignature.feishu(timestampSeconds: 1_777_888_800, secret: "SEC0123456789abcdef")
        #expect(sign == "1L/XdhoYWe88RwVJDpItF8ZEXpaKAohnTRDi37nPUd4=")
    }

    @Test func mailSecurityChoosesTheSchemeAndSTARTTLSPolicy() {
        #expect(CurlTransferSetup.mailURL("smtp://mail.example.com:465", .tls) == "smtps://mail.example.com:465")
        #expect(CurlTransferSetup.mailURL("smtp://mail.example.com:587", .starttls) == "smtp://mail.example.com:587")
        #expect(CurlTransferSetup.mailURL("smtps://mail.example.com", .tls) == "smtps://mail.example.com")
        #expect(CurlTransferSetup.useSSL(.starttls) == 1)  // CURLUSESSL_TRY
        #expect(CurlTransferSetup.useSSL(.requireStarttls) == 3)  // CURLUSESSL_ALL
        #expect(CurlTransferSetup.useSSL(.tls) == 3)
        #expect(CurlTransferSetup.useSSL(.none) == 0)  // CURLUSESSL_NONE
    }

    @Test func messageIDsKeepOnlyCharactersAllowedThere() {
        #expect(MailRenderer.messageID("incident-12/ack/zhangmin/mail") == "incident-12/ack/zhangmin/mail@beacon")
        #expect(MailRenderer.messageID("a b@c<d>") == "a=20b=40c=3Cd=3E@beacon")
    }

    @Test func theEnvelopeSenderIsTheBareAddress() {
        #expect(MailMessage.address(of: "Beacon <beacon@example.com>") == "beacon@example.com")
        #expect(MailMessage.address(of: " beacon@example.com ") == "beacon@example.com")
        #expect(MailMessage.fromHeader("Beacon <beacon@example.com>") == "Beacon <beacon@example.com>")
        #expect(MailMessage.fromHeader("\"Ops, Beacon\" <b@x>") == "\"Ops, Beacon\" <b@x>")
        #expect(MailMessage.fromHeader("告警 <b@x>") == "=?UTF-8?B?5ZGK6K2m?= <b@x>")
        #expect(MailMessage.fromHeader("b@x") == "b@x")
    }

    @Test func displayNamesAreQuotedOrEncodedAsNeeded() {
        #expect(MailMessage.mailbox(name: "Zhang Min", address: "zm@x") == "Zhang Min <zm@x>")
        #expect(MailMessage.mailbox(name: "Min, Zhang", address: "zm@x") == "\"Min, Zhang\" <zm@x>")
        #expect(MailMessage.mailbox(name: "张敏", address: "zm@x") == "=?UTF-8?B?5byg5pWP?= <zm@x>")
    }
}
