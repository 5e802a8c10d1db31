/// Scans one line of a Prometheus text exposition in place, without copying it.
///
/// Lines are `name[{labels}] value [timestamp]`, blank, or comments (`# HELP`, `# TYPE` and any other `#` line).
/// Blanks are spaces and tabs; they may surround every token.
struct PrometheusLineScanner {
    /// A sample line's parts: the name and labels as places in the body, the numbers already read.
    struct Sample {
        var name: Range<Int>
        var value: Double
        var timestamp: Int64?
    }

    let body: UnsafeBufferPointer<UInt8>
    /// The line number, counted from 1, for messages.
    let line: Int
    var position: Int
    /// Where the line ends, before any `\r\n` or `\n`.
    let end: Int

    init(body: UnsafeBufferPointer<UInt8>, line: Int, range: Range<Int>) {
        self.body = body
        self.line = line
        position = range.lowerBound
        end = range.upperBound
    }

    /// Scans the line; returns `nil` for a blank line or a comment.
    /// - Parameter labels: receives the sample's labels; emptied first.
    mutating func scan(labels: inout [PrometheusLabelSpan]) throws(ExtractionError) -> Sample? {
        labels.removeAll(keepingCapacity: true)
        skipBlanks()
        guard let first = peek(), first != UInt8(ascii: "#") else { return nil }
        let name = try metricName()
        var after = "the metric name"
        if peek() != UInt8(ascii: "{"), let byte = peek(), !Self.isBlank(byte) {
            throw fail("unexpected \(Self.quoted(byte)) in the metric name")
        }
        skipBlanks()
        if peek() == UInt8(ascii: "{") {
            position += 1
            try scanLabels(into: &labels)
            after = "the labels"
            skipBlanks()
        }
        let valueText = token()
        guard !valueText.isEmpty else { throw fail("expected a value after \(after)") }
        guard let value = NumberText.double(slice(valueText)) else {
            throw fail("invalid value \(quoted(valueText))")
        }
        skipBlanks()
        let timestamp = try self.timestamp()
        return Sample(name: name, value: value, timestamp: timestamp)
    }

    /// `[a-zA-Z_:][a-zA-Z0-9_:]*`.
    private mutating func metricName() throws(ExtractionError) -> Range<Int> {
        let start = position
        guard let first = peek(), Self.isNameStart(first) || first == UInt8(ascii: ":") else {
            throw fail("expected a metric name, found \(quoted(token()))")
        }
        position += 1
        while let byte = peek(), Self.isNameStart(byte) || byte == UInt8(ascii: ":") || Self.isDigit(byte) {
            position += 1
        }
        return start..<position
    }

    private mutating func timestamp() throws(ExtractionError) -> Int64? {
        let text = token()
        guard !text.isEmpty else { return nil }
        guard let timestamp = NumberText.int64(slice(text)) else {
            throw fail("invalid timestamp \(quoted(text)), expected whole milliseconds")
        }
        skipBlanks()
        guard position == end else { throw fail("unexpected \(quoted(token())) after the timestamp") }
        return timestamp
    }

    // MARK: Bytes

    func peek() -> UInt8? { position < end ? body[position] : nil }

    mutating func skipBlanks() {
        while let byte = peek(), Self.isBlank(byte) { position += 1 }
    }

    /// Consumes bytes up to the next blank or the end of the line.
    mutating func token() -> Range<Int> {
        let start = position
        while let byte = peek(), !Self.isBlank(byte) { position += 1 }
        return start..<position
    }

    func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: body[range])
    }

    func fail(_ problem: String) -> ExtractionError { .line(line, problem) }

    static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    /// `[a-zA-Z_]`: the first character of a label name; metric names also allow `:`.
    static func isNameStart(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte == UInt8(ascii: "_")
    }

    // MARK: Messages

    /// Body text quoted for a message: at most 32 bytes, invalid UTF-8 replaced, control characters escaped.
    func quoted(_ range: Range<Int>) -> String {
        let shown = range.prefix(32)
        let text = String(decoding: slice(shown.lowerBound..<shown.upperBound), as: UTF8.self)
        return shown.count < range.count ? "\(text)…".debugDescription : text.debugDescription
    }

    static func quoted(_ byte: UInt8) -> String {
        String(decoding: [byte], as: UTF8.self).debugDescription
    }
}
