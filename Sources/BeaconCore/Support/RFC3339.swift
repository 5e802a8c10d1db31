public import Foundation

/// RFC 3339 times as tools write them: `2020-01-01T00:00:00Z`, `2020-01-01T08:00:00.123456+08:00`, with `t`/`z`
/// in either case and a fraction of any length.
public enum RFC3339 {
    public static func date(_ text: String) -> Date? {
        let upper = text.uppercased()
        // The fraction apart: Foundation's parser takes three digits at most.
        var whole = upper
        var fraction = 0.0
        if let dot = upper.firstIndex(of: "."), upper.distance(from: upper.startIndex, to: dot) == 19 {
            let digits = upper[upper.index(after: dot)...].prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 9, let value = Double("0." + digits) else { return nil }
            fraction = value
            whole = String(upper[..<dot]) + String(upper[upper.index(dot, offsetBy: digits.count + 1)...])
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: whole).map { $0.addingTimeInterval(fraction) }
    }
}
