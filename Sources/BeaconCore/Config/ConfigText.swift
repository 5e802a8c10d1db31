import Foundation

/// Parsers for the small languages inside config values: durations, change amounts, `${ENV}`.
public enum ConfigText {
    /// The longest duration a configuration may write: a year and a day. Anything longer is a typo, and a bound
    /// keeps every later conversion (to milliseconds, to nanoseconds) far from overflow.
    public static let longestDuration = Duration.seconds(366 * 86_400)

    /// Why a duration could not be read.
    public enum DurationProblem: Error, Hashable, Sendable {
        /// Not written like `500ms`, `15s`, `5m`, `1h`, `1d` or a sum of them.
        case malformed
        /// Longer than `longestDuration`.
        case outOfRange
    }

    /// Parses `500ms`, `15s`, `5m`, `1h`, `1d` or a sum such as `1h30m`.
    public static func duration(_ text: String) -> Duration? {
        try? parseDuration(text).get()
    }

    /// Parses a duration as `duration(_:)` does, saying why it could not.
    public static func parseDuration(_ text: String) -> Result<Duration, DurationProblem> {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        guard !rest.isEmpty else { return .failure(.malformed) }
        let limit = longestDuration.seconds * 1_000
        var milliseconds = 0.0
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard !digits.isEmpty, let amount = Double(digits), amount.isFinite else { return .failure(.malformed) }
            rest = rest.dropFirst(digits.count)
            let unit = rest.prefix { $0.isASCII && $0.isLetter }
            guard let scale = durationUnits[String(unit)] else { return .failure(.malformed) }
            rest = rest.dropFirst(unit.count)
            milliseconds += amount * scale
            // Checked on every term, so no sum of many terms can grow past what Int64 holds.
            guard milliseconds <= limit else { return .failure(.outOfRange) }
        }
        return .success(.milliseconds(Int64(milliseconds.rounded())))
    }

    private static let durationUnits: [String: Double] = [
        "ms": 1, "s": 1_000, "m": 60_000, "h": 3_600_000, "d": 86_400_000, "w": 604_800_000,
    ]

    /// Parses `50%`, `-30%` or `10x`.
    public static func changeAmount(_ text: String) -> ChangeAmount? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("%"), let value = Double(trimmed.dropLast()), value.isFinite {
            return .percent(value)
        }
        if trimmed.hasSuffix("x"), let value = Double(trimmed.dropLast()), value.isFinite, value > 0 {
            return .ratio(value)
        }
        return nil
    }

    /// Replaces `${NAME}` and `${NAME:-fallback}` with values from `environment`.
    /// - Returns: the text, and the names that were neither set nor given a fallback.
    public static func substitute(_ text: String, environment: [String: String]) -> (text: String, unset: [String]) {
        let result = substituting(text, environment: environment)
        return (result.text, result.unset)
    }

    /// The names whose `${NAME:-fallback}` took its fallback because `environment` does not set them.
    public static func fallbacksTaken(_ text: String, environment: [String: String]) -> [String] {
        substituting(text, environment: environment).fellBack
    }

    /// One pass over the `${…}` references of `text`: the substituted text, the names left unset, and the names
    /// whose fallback was used.
    private static func substituting(
        _ text: String, environment: [String: String]
    ) -> (text: String, unset: [String], fellBack: [String]) {
        guard text.contains("${") else { return (text, [], []) }
        var output = ""
        var unset: [String] = []
        var fellBack: [String] = []
        var rest = Substring(text)
        while let start = rest.range(of: "${") {
            output += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
                rest = rest[start.lowerBound...]
                break
            }
            let (name, fallback) = splitFallback(rest[start.upperBound..<end])
            if let value = environment[name] {
                output += value
            } else if let fallback {
                output += fallback
                fellBack.append(name)
            } else {
                unset.append(name)
            }
            rest = rest[rest.index(after: end)...]
        }
        output += rest
        return (output, unset, fellBack)
    }

    /// Whether a URL's host is this machine: `localhost`, `127.x.x.x` or `::1`.
    public static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        return bare == "localhost" || bare.hasSuffix(".localhost") || bare.hasPrefix("127.") || bare == "::1"
    }

    private static func splitFallback(_ reference: Substring) -> (String, String?) {
        guard let separator = reference.range(of: ":-") else { return (String(reference), nil) }
        return (String(reference[..<separator.lowerBound]), String(reference[separator.upperBound...]))
    }

    /// Whether `id` is kebab-case: lowercase letters, digits and single dashes.
    public static func isKebabCase(_ id: String) -> Bool {
        guard let first = id.first, first.isLetter, id.last != "-", !id.contains("--") else { return false }
        return id.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }

    /// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo.
    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { (candidate: $0, distance: editDistance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
        let limit = max(1, min(3, word.count / 3))
        return best.distance <= limit ? best.candidate : nil
    }

    /// Levenshtein distance, counting a swap of neighbours as one edit.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}

extension Duration {
    /// The duration in seconds, as a floating-point number.
    public var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }

    /// `1h30m`, `15s`, `500ms`: the way config files write durations.
    public var configText: String {
        var milliseconds = Int64((seconds * 1_000).rounded())
        guard milliseconds != 0 else { return "0s" }
        var text = milliseconds < 0 ? "-" : ""
        milliseconds = abs(milliseconds)
        for (unit, size) in [("d", 86_400_000), ("h", 3_600_000), ("m", 60_000), ("s", 1_000), ("ms", 1)]
        where milliseconds >= size {
            text += "\(milliseconds / Int64(size))\(unit)"
            milliseconds %= Int64(size)
        }
        return text
    }
}

extension Double {
    /// The number without trailing zeros: `0.9`, `100`, `12.35`.
    public func formatted(maxFractionDigits: Int) -> String {
        guard isFinite else { return isNaN ? "NaN" : (self > 0 ? "+Inf" : "-Inf") }
        var scale = 1.0
        for _ in 0..<maxFractionDigits { scale *= 10 }
        let rounded = (self * scale).rounded() / scale
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        return String(rounded)
    }
}
