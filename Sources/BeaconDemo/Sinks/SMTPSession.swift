/// The server's side of one SMTP conversation (RFC 5321), without I/O: lines in, replies and mail out.
///
/// Speaks what a mail client needs to hand over a message and nothing more: `EHLO`/`HELO`, `MAIL FROM`,
/// `RCPT TO`, `DATA` (dot-unstuffed, bounded in size), `RSET`, `NOOP`, `QUIT`. No STARTTLS and no AUTH are
/// offered, so libcurl sends in plain text without logging in.
struct SMTPSession: Sendable {
    /// A message the client finished sending.
    struct Mail: Sendable, Hashable {
        /// The envelope sender, without angle brackets; empty for the null sender `<>`.
        var from: String
        /// The envelope recipients, without angle brackets.
        var recipients: [String]
        /// The message as sent, dot-unstuffed, lines ending in CRLF.
        var data: [UInt8]
    }

    /// What one line of input leads to.
    struct Step: Sendable, Hashable {
        /// Reply lines, without their CRLF.
        var replies: [String]
        /// A message accepted by this line (the `.` ending `DATA`).
        var mail: Mail?
        /// Whether the server closes the connection after replying.
        var closes = false
    }

    /// How the server names itself in replies.
    let hostname: String
    /// A larger message is refused with 552.
    let maximumMessageBytes: Int
    /// A further `RCPT` is refused with 452.
    let maximumRecipients: Int

    private var greeted = false
    private var from: String?
    private var recipients: [String] = []
    private var readingData = false
    private var data: [UInt8] = []
    private var dataTooLarge = false
    private var accepted = 0

    init(hostname: String = "127.0.0.1", maximumMessageBytes: Int = 1 << 20, maximumRecipients: Int = 100) {
        self.hostname = hostname
        self.maximumMessageBytes = maximumMessageBytes
        self.maximumRecipients = maximumRecipients
    }

    /// The line the server opens with.
    var greeting: String { "220 \(hostname) ESMTP Beacon demo mail sink" }

    /// Whether the server is reading a message (between `354` and the closing `.`).
    var isReadingData: Bool { readingData }

    /// Handles one line, received without its line end.
    mutating func receive(_ line: [UInt8]) -> Step {
        if readingData { return receiveData(line) }
        let text = String(decoding: line, as: UTF8.self)
        let verbEnd = text.firstIndex(of: " ") ?? text.endIndex
        let argument = text[verbEnd...].trimmingSpaces
        switch text[..<verbEnd].uppercased() {
        case "EHLO": return hello(argument, extended: true)
        case "HELO": return hello(argument, extended: false)
        case "MAIL": return mail(argument)
        case "RCPT": return recipient(argument)
        case "DATA": return startData(argument)
        case "RSET":
            resetTransaction()
            return reply("250 2.0.0 OK")
        case "NOOP": return reply("250 2.0.0 OK")
        case "QUIT": return Step(replies: ["221 2.0.0 \(hostname) closing connection"], closes: true)
        case "VRFY", "EXPN", "HELP", "STARTTLS", "AUTH", "BDAT", "ETRN", "TURN":
            return reply("502 5.5.1 Command not implemented")
        default: return reply("500 5.5.2 Command not recognized")
        }
    }

    /// Handles a line longer than the server reads: the message is refused once it ends, a command at once.
    mutating func receiveOverlongLine() -> Step {
        guard readingData else { return reply("500 5.5.2 Line too long") }
        data = []
        dataTooLarge = true
        return Step(replies: [])
    }

    // MARK: - Commands

    private mutating func hello(_ argument: Substring, extended: Bool) -> Step {
        guard !argument.isEmpty else { return reply("501 5.5.4 Syntax: \(extended ? "EHLO" : "HELO") hostname") }
        greeted = true
        resetTransaction()
        guard extended else { return reply("250 \(hostname) Hello \(argument)") }
        return Step(replies: ["250-\(hostname) Hello \(argument)", "250-8BITMIME", "250 SIZE \(maximumMessageBytes)"])
    }

    private mutating func mail(_ argument: Substring) -> Step {
        guard greeted else { return reply("503 5.5.1 Send EHLO or HELO first") }
        guard from == nil else { return reply("503 5.5.1 Nested MAIL command") }
        guard let (address, parameters) = Self.path(argument, keyword: "FROM:") else {
            return reply("501 5.5.4 Syntax: MAIL FROM:<address>")
        }
        let declaredSize = parameters.first { $0.uppercased().hasPrefix("SIZE=") }.flatMap { Int($0.dropFirst(5)) }
        if let declaredSize, declaredSize > maximumMessageBytes {
            return reply("552 5.3.4 Message size exceeds the fixed maximum of \(maximumMessageBytes) bytes")
        }
        from = address
        return reply("250 2.1.0 OK")
    }

    private mutating func recipient(_ argument: Substring) -> Step {
        guard from != nil else { return reply("503 5.5.1 Need MAIL before RCPT") }
        guard let (address, _) = Self.path(argument, keyword: "TO:"), !address.isEmpty else {
            return reply("501 5.5.4 Syntax: RCPT TO:<address>")
        }
        guard recipients.count < maximumRecipients else { return reply("452 4.5.3 Too many recipients") }
        recipients.append(address)
        return reply("250 2.1.5 OK")
    }

    private mutating func startData(_ argument: Substring) -> Step {
        guard argument.isEmpty else { return reply("501 5.5.4 Syntax: DATA") }
        guard from != nil else { return reply("503 5.5.1 Need MAIL before DATA") }
        guard !recipients.isEmpty else { return reply("503 5.5.1 Need RCPT before DATA") }
        readingData = true
        data = []
        dataTooLarge = false
        return reply("354 End data with <CR><LF>.<CR><LF>")
    }

    // MARK: - Data

    private mutating func receiveData(_ line: [UInt8]) -> Step {
        if line == [UInt8(ascii: ".")] { return finishData() }
        let content = line.first == UInt8(ascii: ".") ? line.dropFirst() : line[...]
        if !dataTooLarge, data.count + content.count + 2 <= maximumMessageBytes {
            data += content
            data += [13, 10]
        } else {
            // Keep reading to the closing dot, but no longer keep the bytes.
            dataTooLarge = true
            data = []
        }
        return Step(replies: [])
    }

    private mutating func finishData() -> Step {
        defer { resetTransaction() }
        guard !dataTooLarge, let from else {
            return reply("552 5.3.4 Message size exceeds the fixed maximum of \(maximumMessageBytes) bytes")
        }
        accepted += 1
        return Step(
            replies: ["250 2.0.0 OK: queued as \(accepted)"],
            mail: Mail(from: from, recipients: recipients, data: data))
    }

    private mutating func resetTransaction() {
        from = nil
        recipients = []
        readingData = false
        data = []
        dataTooLarge = false
    }

    private func reply(_ line: String) -> Step { Step(replies: [line]) }

    /// `FROM:<a@b> SIZE=12` as the address inside the brackets and the parameters after them; a bare address
    /// without brackets is taken too.
    static func path(_ argument: Substring, keyword: String) -> (String, [Substring])? {
        guard argument.uppercased().hasPrefix(keyword) else { return nil }
        let rest = argument.dropFirst(keyword.count).trimmingSpaces
        if rest.first == "<" {
            guard let close = rest.firstIndex(of: ">") else { return nil }
            let address = rest[rest.index(after: rest.startIndex)..<close]
            return (String(address), rest[rest.index(after: close)...].split(separator: " "))
        }
        let words = rest.split(separator: " ")
        guard let address = words.first else { return nil }
        return (String(address), Array(words.dropFirst()))
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: Substring {
        var text = drop { $0 == " " || $0 == "\t" }
        while text.last == " " || text.last == "\t" { text = text.dropLast() }
        return text
    }
}
