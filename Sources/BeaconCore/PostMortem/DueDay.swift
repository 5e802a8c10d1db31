public import Foundation

/// A follow-up's due day as people write it, `2026-12-01`, counted in UTC like every time the exports show.
public enum DueDay {
    /// The last second of a `YYYY-MM-DD` day in UTC, or `nil` for anything that is not such a day.
    public static func parse(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        let asked = DateComponents(year: year, month: month, day: day)
        guard let start = utc.date(from: asked), utc.dateComponents([.year, .month, .day], from: start) == asked
        else { return nil }
        return start.addingTimeInterval(86_399)
    }

    /// `2026-12-01`: the UTC day of a moment.
    public static func text(_ date: Date) -> String {
        let parts = utc.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current
        return calendar
    }()
}
