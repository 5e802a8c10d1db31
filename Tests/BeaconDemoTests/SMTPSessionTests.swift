import Testing

@testable import BeaconDemo

/// The SMTP conversation as a pure state machine: lines in, replies and mail out.
struct SMTPSessionTests {
    var session = SMTPSession(maximumMessageBytes: 64)

    /// Feeds each line and returns the first reply code of each (0 for none) and the mail accepted.
    mutating func feed(_ lines: [String]) -> (codes: [Int], mail: [SMTPSession.Mail]) {
        var codes: [Int] = []
        var mail: [SMTPSession.Mail] = []
        for line in lines {
            let step = session.receive(Array(line.utf8))
            codes.append(step.replies.first.flatMap { Int($0.prefix(3)) } ?? 0)
            mail += step.mail.map { [$0] } ?? []
        }
        return (codes, mail)
    }

    @Test
    mutating func aMessageIsDotUnstuffedWithCRLFLineEnds() {
        let (codes, mail) = feed([
            "EHLO x", "MAIL FROM:<a@example.com> BODY=8BITMIME", "RCPT TO:<b@example.com>", "RCPT TO: <c@example.com>",
            "DATA", "Subject: s", "", "..dot", ".", "QUIT",
        ])
        #expect(codes == [250, 250, 250, 250, 354, 0, 0, 0, 250, 221])
        #expect(
            mail == [
                SMTPSession.Mail(
                    from: "a@example.com", recipients: ["b@example.com", "c@example.com"],
                    data: Array("Subject: s\r\n\r\n.dot\r\n".utf8))
            ])
    }

    @Test
    mutating func ehloAdvertisesTheSizeAndNoTLS() {
        let step = session.receive(Array("EHLO client".utf8))
        #expect(step.replies == ["250-127.0.0.1 Hello client", "250-8BITMIME", "250 SIZE 64"])
        #expect(session.greeting.hasPrefix("220 "))
    }

    @Test
    mutating func twoMessagesInOneConversation() {
        let (codes, mail) = feed([
            "HELO x", "MAIL FROM:<>", "RCPT TO:<b@example.com>", "DATA", "one", ".", "MAIL FROM:<a@example.com>",
            "RCPT TO:<b@example.com>", "DATA", "two", ".",
        ])
        #expect(codes == [250, 250, 250, 354, 0, 250, 250, 250, 354, 0, 250])
        #expect(mail.map(\.from) == ["", "a@example.com"])
        #expect(mail.map { String(decoding: $0.data, as: UTF8.self) } == ["one\r\n", "two\r\n"])
    }

    @Test
    mutating func theLimitCountsTheMessageAsStored() {
        // 62 bytes and its CRLF make exactly 64: accepted; one byte more is not.
        let fits = String(repeating: "a", count: 62)
        var (codes, mail) = feed(["HELO x", "MAIL FROM:<a@x>", "RCPT TO:<b@x>", "DATA", fits, "."])
        #expect(codes.last == 250)
        #expect(mail.count == 1)
        (codes, mail) = feed(["MAIL FROM:<a@x>", "RCPT TO:<b@x>", "DATA", fits + "a", ".", "NOOP"])
        #expect(codes == [250, 250, 354, 0, 552, 250])
        #expect(mail.isEmpty)
    }

    @Test
    mutating func anOverlongLineFailsTheMessageOrTheCommand() {
        _ = feed(["HELO x"])
        #expect(session.receiveOverlongLine().replies.first?.hasPrefix("500") == true)
        _ = feed(["MAIL FROM:<a@x>", "RCPT TO:<b@x>", "DATA"])
        #expect(session.isReadingData)
        #expect(session.receiveOverlongLine().replies.isEmpty)
        let (codes, mail) = feed(["more", "."])
        #expect(codes == [0, 552])
        #expect(mail.isEmpty)
        #expect(!session.isReadingData)
    }

    @Test
    mutating func commandsAreCaseInsensitive() {
        let (codes, mail) = feed(["ehlo x", "mail from:<a@x>", "rcpt to:<b@x>", "data", "hi", ".", "quit"])
        #expect(codes == [250, 250, 250, 354, 0, 250, 221])
        #expect(mail.count == 1)
    }

    @Test
    mutating func tooManyRecipientsAreRefused() {
        session = SMTPSession(maximumRecipients: 2)
        let (codes, _) = feed(["HELO x", "MAIL FROM:<a@x>", "RCPT TO:<b@x>", "RCPT TO:<c@x>", "RCPT TO:<d@x>"])
        #expect(codes == [250, 250, 250, 250, 452])
    }
}
