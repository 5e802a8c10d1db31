/// Parses the Prometheus text exposition format, version 0.0.4, straight from the response bytes.
///
/// Accepted: metric names `[a-zA-Z_:][a-zA-Z0-9_:]*`; label sets `{a="x",b="y"}` with a trailing comma and blanks
/// around tokens allowed, and `\\`, `\"`, `\n` escapes in values; values as decimal floats with exponents, `NaN`,
/// `Inf`, `+Inf`, `-Inf`; an optional integer timestamp in milliseconds; blank lines, `\n` or `\r\n` line endings
/// and a last line without one. `# HELP`, `# TYPE` and other comments are skipped unchecked.
///
/// The body is untrusted, so parsing stops at the first malformed line and fails the whole body with
/// `line N: problem`, as a Prometheus scrape does; values from a body that is partly garbage are not trusted.
/// Not accepted: hexadecimal values, quoted UTF-8 metric names (text format 1.0), and label names or values
/// repeated within one sample.
public enum PrometheusTextParser {
    /// Parses every sample of an exposition.
    /// - Throws: ``ExtractionError`` naming the first malformed line.
    public static func parse(_ body: some Collection<UInt8>) throws(ExtractionError) -> [PrometheusSample] {
        try withBuffer(body) { buffer throws(ExtractionError) in try parse(buffer, keeping: nil) }
    }

    /// Parses an exposition, keeping only the samples of one metric.
    ///
    /// Every line is still checked, but only the kept samples have their strings built, which is most of the cost.
    /// - Throws: ``ExtractionError`` naming the first malformed line, whichever metric it belongs to.
    public static func parse(
        _ body: some Collection<UInt8>, metric name: String
    ) throws(ExtractionError) -> [PrometheusSample] {
        try withBuffer(body) { buffer throws(ExtractionError) in try parse(buffer, keeping: name) }
    }

    private static func parse(
        _ body: UnsafeBufferPointer<UInt8>, keeping wanted: String?
    ) throws(ExtractionError) -> [PrometheusSample] {
        let wantedBytes = wanted.map { Array($0.utf8) }
        var samples: [PrometheusSample] = []
        var labels: [PrometheusLabelSpan] = []
        var lineStart = 0
        var line = 0
        while lineStart < body.count {
            line += 1
            let newline = body[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? body.count
            var lineEnd = newline
            if lineEnd > lineStart, body[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
            var scanner = PrometheusLineScanner(body: body, line: line, range: lineStart..<lineEnd)
            lineStart = newline + 1
            guard let sample = try scanner.scan(labels: &labels) else { continue }
            let name = UnsafeBufferPointer(rebasing: body[sample.name])
            guard wantedBytes.map({ name.elementsEqual($0) }) ?? true else {
                try labels.validate(in: body, line: line)
                continue
            }
            let labelSet = try labels.labels(in: body, line: line)
            samples.append(
                PrometheusSample(
                    name: wanted ?? String(decoding: name, as: UTF8.self), labels: labelSet, value: sample.value,
                    timestamp: sample.timestamp))
        }
        return samples
    }

    /// Runs `body` on contiguous bytes, copying them only when the collection does not store them contiguously.
    static func withBuffer<Result>(
        _ bytes: some Collection<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) throws(ExtractionError) -> Result
    ) throws(ExtractionError) -> Result {
        let outcome = bytes.withContiguousStorageIfAvailable { buffer in
            Swift.Result { () throws(ExtractionError) in try body(buffer) }
        }
        if let outcome { return try outcome.get() }
        return try Array(bytes).withUnsafeBufferPointer { buffer in
            Swift.Result { () throws(ExtractionError) in try body(buffer) }
        }.get()
    }
}
