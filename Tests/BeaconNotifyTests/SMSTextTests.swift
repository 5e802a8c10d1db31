import Testing

@testable import BeaconNotify

@Suite struct SMSTextTests {
    let link = "https://beacon.example.com/incidents/12345"

    @Test func aShortTextIsKeptWhole() {
        #expect(SMSText.compose(subject: "[sev2] #12 Payment", link: link) == "[sev2] #12 Payment \(link)")
    }

    @Test func aLongGSMSubjectIsCutToOneMessage() {
        let subject = "[sev1] #12345 " + String(repeating: "Payment success rate far below target ", count: 6)
        let text = SMSText.compose(subject: subject, link: link)
        #expect(SMSText.isGSM7(text))
        #expect(SMSText.length(text, gsm: true) <= 160)
        #expect(text.hasSuffix("... " + link))
        #expect(text.hasPrefix("[sev1] #12345 Payment success rate"))
    }

    @Test func chineseTextFitsSeventyUnits() {
        let subject = "[sev2] #12 支付成功率低于90%，大量用户无法完成付款，请立即处理并同步进展"
        let text = SMSText.compose(subject: subject, link: link)
        #expect(!SMSText.isGSM7(text))
        #expect(text.utf16.count <= 70)
        #expect(text.hasPrefix("[sev2] #12 支付"))
        #expect(text.hasSuffix("… " + link))
    }

    @Test func aLongLinkTakesTwoPartsRatherThanLosingTheSubject() {
        let longLink = "https://beacon.example.com/incidents/12?" + String(repeating: "x", count: 100)
        let text = SMSText.compose(
            subject: "[sev2] #12 " + String(repeating: "slow checkout ", count: 20), link: longLink)
        #expect(text.hasSuffix(longLink))
        #expect(SMSText.length(text, gsm: true) <= 306)
        #expect(text.hasPrefix("[sev2] #12 slow checkout slow checkout"))
    }

    @Test func extensionCharactersCountTwice() {
        #expect(SMSText.length("a{b}", gsm: true) == 6)
        #expect(SMSText.isGSM7("Zahlung für €5 fehlgeschlagen"))
        #expect(!SMSText.isGSM7("支付"))
    }
}
