import Crypto
import Foundation

/// An RFC 5322 e-mail: headers, then a MIME multipart/alternative body with a plain-text and an HTML part.
///
/// Built by hand rather than with curl's MIME API so that the same delivery always yields the same bytes
/// (the boundary comes from the Message-ID) and tests can read it back exactly.
struct MailMessage {
    /// The `From` header, as configured: `beacon@example.com` or `Beacon <beacon@example.com>`.
    var from: String
    var toName: String
    var toAddress: String
    var subject: String
    var date: Date
    /// Without angle brackets: `incident-12.ack.zhangmin.exec-mail@beacon`.
    var messageID: String
    var extraHeaders: [(name: String, value: String)] = []
    var text: String
    var html: String

    /// The whole message with CRLF line ends, ready for SMTP `DATA`.
    var bytes: [UInt8] {
        let boundary =
            "beacon-"
            + SHA256.hash(data: Array(messageID.utf8)).prefix(12).map { String(format: "%02x", $0) }
            .joined()
        var lines = [
            "From: \(Self.fromHeader(from))",
            "To: \(Self.mailbox(name: toName, address: toAddress))",
            "Subject: \(Self.encodedWords(subject))",
            "Date: \(Self.rfc5322Date(date))",
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
        ]
        lines += extraHeaders.map { "\($0.name): \(Self.headerText($0.value))" }
        lines += [
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
            "",
            "This is a MIME message; your mail program shows its text or HTML part.",
            "",
        ]
        for (type, content) in [("text/plain", text), ("text/html", html)] {
            lines += [
                "--\(boundary)",
                "Content-Type: \(type); charset=utf-8",
                "Content-Transfer-Encoding: base64",
                "",
                Data(Self.crlf(content).utf8).base64EncodedString(options: [
                    .lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed,
                ]),
            ]
        }
        lines += ["--\(boundary)--", ""]
        return Array(lines.joined(separator: "\r\n").utf8)
    }

    /// The bare address of a `From` value: what is inside `<…>`, or the whole value.
    static func address(of from: String) -> String {
        guard let open = from.lastIndex(of: "<"), let close = from[open...].firstIndex(of: ">") else {
            return from.trimmingCharacters(in: .whitespaces)
        }
        return String(from[from.index(after: open)..<close]).trimmingCharacters(in: .whitespaces)
    }

    /// The configured sender as a header value, its display name quoted or encoded like any other.
    static func fromHeader(_ from: String) -> String {
        guard let open = from.lastIndex(of: "<") else { return headerText(from) }
        let name = from[..<open].trimmingCharacters(in: .whitespaces)
        let unquoted =
            name.count >= 2 && name.hasPrefix("\"") && name.hasSuffix("\"") ? String(name.dropFirst().dropLast()) : name
        return mailbox(name: unquoted, address: address(of: from))
    }

    /// `Zhang Min <zm@example.com>`, quoting or encoding the name as it needs.
    static func mailbox(name: String, address: String) -> String {
        let name = headerText(name)
        guard !name.isEmpty else { return "<\(address)>" }
        if !name.allSatisfy(\.isASCII) { return "\(encodedWords(name)) <\(address)>" }
        let plain = name.allSatisfy { $0.isLetter || $0.isNumber || " !#$%&'*+-/=?^_`{|}~".contains($0) }
        let quoted =
            "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        return "\(plain ? name : quoted) <\(address)>"
    }

    /// The text as it may appear in a header: line breaks become spaces, and any non-ASCII text becomes RFC 2047
    /// encoded words (`=?UTF-8?B?…?=`), each under 76 characters, folded onto continuation lines.
    static func encodedWords(_ text: String) -> String {
        let text = headerText(text)
        guard !text.allSatisfy(\.isASCII) else { return text }
        var words: [[UInt8]] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45 {
                words.append(chunk)
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?\(Data($0).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }

    /// Text with CRLF line ends, the canonical form of a text part (RFC 2046).
    static func crlf(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
    }

    /// Line breaks, which would end the header, become spaces.
    static func headerText(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// `Mon, 04 May 2026 10:00:00 +0000`.
    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
