import Foundation

/// An e-mail as its reader sees it: headers with RFC 2047 words decoded, and the text of its MIME parts with
/// base64 and quoted-printable undone.
struct DemoMail: Sendable, Hashable {
    struct Header: Sendable, Hashable {
        var name: String
        /// Unfolded, still encoded.
        var value: String
    }

    /// One leaf of the MIME tree: `text/plain`, `text/html`, …
    struct Part: Sendable, Hashable {
        var mediaType: String
        var text: String
    }

    var headers: [Header]
    /// The leaves, in order; a message without MIME is one `text/plain` part.
    var parts: [Part]

    /// How deep multiparts may nest before the rest is taken as text.
    static let maximumDepth = 8

    init(_ raw: String) {
        let normalized = raw.replacingOccurrences(of: "\r\n", with: "\n")
        let (headers, body) = Self.entity(normalized)
        self.headers = headers
        parts = Self.leaves(headers: headers, body: body, depth: 0)
    }

    /// The first value of a header, matched without regard to case.
    func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The decoded `Subject`.
    var subject: String? { header("Subject").map(Self.decodedWords) }

    /// The decoded `To`: `Zhang Min <zm@example.com>`.
    var to: String? { header("To").map(Self.decodedWords) }

    /// The text a reader sees: the first `text/plain` part, else the first HTML part without its tags.
    var text: String {
        if let plain = parts.first(where: { $0.mediaType == "text/plain" }) { return plain.text }
        if let html = parts.first(where: { $0.mediaType == "text/html" }) { return DemoText.htmlText(html.text) }
        return parts.first?.text ?? ""
    }

    /// The first HTML part, as sent.
    var html: String? { parts.first { $0.mediaType == "text/html" }?.text }

    // MARK: - Entities

    /// Headers (unfolded) and body of an entity whose lines end in `\n`.
    private static func entity(_ text: String) -> ([Header], String) {
        var headers: [Header] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let line = lines.first, !line.isEmpty {
            lines = lines.dropFirst()
            if line.first == " " || line.first == "\t", !headers.isEmpty {
                headers[headers.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces)
            } else if let colon = line.firstIndex(of: ":") {
                headers.append(
                    Header(
                        name: line[..<colon].trimmingCharacters(in: .whitespaces),
                        value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
            }
        }
        return (headers, lines.dropFirst().joined(separator: "\n"))
    }

    private static func leaves(headers: [Header], body: String, depth: Int) -> [Part] {
        let contentType =
            headers.first { $0.name.caseInsensitiveCompare("Content-Type") == .orderedSame }?.value ?? "text/plain"
        var mediaType = contentType.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        if mediaType.isEmpty { mediaType = "text/plain" }
        if mediaType.hasPrefix("multipart/"), depth < maximumDepth,
            let boundary = parameter("boundary", in: contentType)
        {
            return multipart(body, boundary: boundary).flatMap { part in
                let (headers, body) = entity(part)
                return leaves(headers: headers, body: body, depth: depth + 1)
            }
        }
        let encoding =
            headers.first { $0.name.caseInsensitiveCompare("Content-Transfer-Encoding") == .orderedSame }?.value
            .lowercased() ?? "7bit"
        let charset = parameter("charset", in: contentType) ?? "utf-8"
        return [Part(mediaType: mediaType, text: decoded(body, transferEncoding: encoding, charset: charset))]
    }

    /// The bodies between `--boundary` lines, up to `--boundary--`.
    private static func multipart(_ body: String, boundary: String) -> [String] {
        var parts: [String] = []
        var current: [Substring]?
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "--" + boundary || trimmed == "--" + boundary + "--" {
                if let current { parts.append(current.joined(separator: "\n")) }
                if trimmed == "--" + boundary + "--" { return parts }
                current = []
            } else {
                current?.append(line)
            }
        }
        if let current { parts.append(current.joined(separator: "\n")) }
        return parts
    }

    /// A `name=value` or `name="value"` parameter of a header value.
    static func parameter(_ name: String, in value: String) -> String? {
        for item in value.split(separator: ";").dropFirst() {
            let pair = item.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            var found = pair[1].trimmingCharacters(in: .whitespaces)
            if found.count >= 2, found.hasPrefix("\""), found.hasSuffix("\"") {
                found = String(found.dropFirst().dropLast())
            }
            return found
        }
        return nil
    }

    // MARK: - Encodings

    /// The body with its transfer encoding undone, lines ending in `\n`.
    private static func decoded(_ body: String, transferEncoding: String, charset: String) -> String {
        undone(body, transferEncoding: transferEncoding, charset: charset).replacingOccurrences(of: "\r\n", with: "\n")
    }

    private static func undone(_ body: String, transferEncoding: String, charset: String) -> String {
        switch transferEncoding {
        case "base64":
            let compact = body.filter { !$0.isWhitespace }
            guard let data = Data(base64Encoded: compact) else { return body }
            return text(Array(data), charset: charset)
        case "quoted-printable":
            return text(quotedPrintable(body), charset: charset)
        default:
            return body
        }
    }

    /// Quoted-printable bytes: `=XX` escapes decoded, soft line breaks (`=` at a line's end) removed.
    static func quotedPrintable(_ body: String) -> [UInt8] {
        let bytes = Array(body.utf8)
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "="), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") {
                index += 2
            } else if byte == UInt8(ascii: "="), index + 2 < bytes.count,
                let value = UInt8(String(decoding: bytes[index + 1...index + 2], as: UTF8.self), radix: 16)
            {
                result.append(value)
                index += 3
            } else {
                result.append(byte)
                index += 1
            }
        }
        return result
    }

    private static func text(_ bytes: [UInt8], charset: String) -> String {
        switch charset.lowercased() {
        case "iso-8859-1", "latin1", "us-ascii", "ascii":
            String(bytes: bytes, encoding: .isoLatin1) ?? String(decoding: bytes, as: UTF8.self)
        default:
            String(decoding: bytes, as: UTF8.self)
        }
    }

    /// A header value with its RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?UTF-8?Q?…?=`) decoded; the space
    /// between two encoded words, which only folds the line, is dropped.
    static func decodedWords(_ value: String) -> String {
        var result = ""
        var rest = Substring(value)
        var pendingSpace = ""
        var afterEncodedWord = false
        while let first = rest.first {
            if rest.hasPrefix("=?"), let (word, after) = encodedWord(rest) {
                if !afterEncodedWord { result += pendingSpace }
                result += word
                pendingSpace = ""
                afterEncodedWord = true
                rest = after
            } else if first == " " || first == "\t" {
                pendingSpace.append(first)
                rest = rest.dropFirst()
            } else {
                result += pendingSpace + String(first)
                pendingSpace = ""
                afterEncodedWord = false
                rest = rest.dropFirst()
            }
        }
        return result + pendingSpace
    }

    /// `=?charset?B|Q?payload?=` at the start of `text`, decoded, and what follows it.
    private static func encodedWord(_ text: Substring) -> (String, Substring)? {
        let inner = text.dropFirst(2)
        let fields = inner.split(separator: "?", maxSplits: 2, omittingEmptySubsequences: false)
        guard fields.count == 3, let end = fields[2].range(of: "?=") else { return nil }
        let charset = fields[0].split(separator: "*").first.map(String.init) ?? ""
        let payload = fields[2][..<end.lowerBound]
        guard !payload.contains(" ") else { return nil }
        let bytes: [UInt8]
        switch fields[1].uppercased() {
        case "B":
            var padded = String(payload)
            while padded.count % 4 != 0 { padded += "=" }
            guard let data = Data(base64Encoded: padded) else { return nil }
            bytes = Array(data)
        case "Q":
            bytes = quotedPrintable(payload.replacingOccurrences(of: "_", with: " "))
        default:
            return nil
        }
        return (Self.text(bytes, charset: charset), fields[2][end.upperBound...])
    }
}
