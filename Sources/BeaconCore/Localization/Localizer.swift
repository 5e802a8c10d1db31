public import Foundation

/// How text is written for one reader: their language's catalog and the zone their clock shows. Times read as
/// that clock does, with the day when it is not today; durations, days and numbers go through Foundation's
/// formatting for the language.
public struct Localizer: Sendable {
    public let language: Language
    public let catalog: Catalog
    public let timeZone: TimeZone

    public init(_ language: Language, timeZone: TimeZone = TimeZone(identifier: "UTC")!) {
        self.language = language
        catalog = language.catalog
        self.timeZone = timeZone
    }

    /// English in UTC: what the CLI and the API spoke before there were catalogs.
    public static let english = Localizer(.en)

    /// The text of `key` with its `{name}` placeholders filled.
    public func callAsFunction(_ key: String, _ arguments: [String: String] = [:]) -> String {
        catalog(key, arguments)
    }

    /// The text of `key` for `count` things (`1 follow-up`, `2 follow-ups`).
    public func count(_ key: String, _ count: Int, _ arguments: [String: String] = [:]) -> String {
        catalog.count(key, count, arguments)
    }

    var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.locale = language.locale
        return calendar
    }

    /// `Mon 11 May 2026`, `2026年5月11日 周一`: a calendar day as the language writes it.
    public func day(_ day: LocalDay) -> String {
        var utc = calendar
        utc.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0)!
        guard let noon = utc.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12))
        else { return day.description }
        switch language {
        case .en:
            // Foundation's English names, in the order the product has always written them.
            let weekday = utc.shortWeekdaySymbols[utc.component(.weekday, from: noon) - 1]
            return "\(weekday) \(day.day) \(utc.shortMonthSymbols[day.month - 1]) \(day.year)"
        case .zhCN:
            return noon.formatted(
                Date.FormatStyle(locale: language.locale, calendar: utc, timeZone: utc.timeZone).year().month()
                    .day().weekday(.abbreviated))
        }
    }

    /// `Nov 24`, `11月24日`, with the year when it is not `now`'s: a short day in the reader's zone.
    public func shortDay(_ date: Date, now: Date) -> String {
        let sameYear = calendar.component(.year, from: date) == calendar.component(.year, from: now)
        var style = Date.FormatStyle(locale: language.locale, calendar: calendar, timeZone: timeZone)
        style = sameYear ? style.month(.abbreviated).day() : style.year().month(.abbreviated).day()
        return date.formatted(style)
    }

    /// `5m`, `1h30m`; `5分钟`, `1小时30分钟`.
    public func duration(_ seconds: Double) -> String {
        switch language {
        case .en: return Duration.seconds(seconds).configText
        case .zhCN:
            let whole = Int64(seconds.rounded())
            guard whole > 0 else { return self("time.zero") }
            return Duration.seconds(whole).formatted(
                .units(allowed: [.days, .hours, .minutes, .seconds], width: .narrow, maximumUnitCount: 3)
                    .locale(language.locale))
        }
    }

    /// `1m 20s`, `2h 5m`; `1分钟20秒`, `2小时5分钟`: a span as people read it on a page or in a report.
    public func readable(_ seconds: Double) -> String {
        switch language {
        case .en: return DurationText.render(seconds)
        case .zhCN: return duration(seconds.rounded() == 0 ? 0 : abs(seconds))
        }
    }

    /// `in 5m` or `2m ago`, `5分钟后` or `2分钟前`.
    public func relative(_ date: Date, from now: Date) -> String {
        let seconds = date.timeIntervalSince(now).rounded()
        let text = duration(abs(seconds))
        return seconds >= 0 ? self("time.in", ["span": text]) : self("time.ago", ["span": text])
    }

    /// `11:15:48 UTC+8` in the reader's zone, with the day first when it is not `now`'s:
    /// `2026-12-04 23:50:00 UTC+8`.
    public func time(_ date: Date, now: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let clock = String(format: "%02d:%02d:%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
        let day =
            calendar.isDate(date, inSameDayAs: now)
            ? "" : String(format: "%04d-%02d-%02d ", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
        return day + clock + " " + Self.offsetName(timeZone.secondsFromGMT(for: date))
    }

    /// `UTC`, `UTC+8`, `UTC-5`, `UTC+5:30`: the same on every platform, unlike zone abbreviations.
    public static func offsetName(_ seconds: Int) -> String {
        guard seconds != 0 else { return "UTC" }
        let minutes = abs(seconds) / 60
        let sign = seconds > 0 ? "+" : "-"
        return "UTC\(sign)\(minutes / 60)" + (minutes % 60 == 0 ? "" : String(format: ":%02d", minutes % 60))
    }

    /// `sev2 (major)`, `sev2（较大）`.
    public func severity(_ severity: Severity) -> String {
        self("severity.named", ["severity": severity.rawValue, "label": self("severity.\(severity.rawValue)")])
    }

    /// `critical`, `重大`: the plan's word for the level.
    public func label(_ severity: Severity) -> String { self("severity.\(severity.rawValue)") }

    /// `operation`, `操作层`.
    public func layer(_ layer: Layer) -> String { self("layer.\(layer.rawValue)") }

    /// `payment`, `系统`.
    public func category(_ category: Category) -> String { self("category.\(category.rawValue)") }

    /// `acknowledged`, `已确认`.
    public func status(_ status: IncidentStatus) -> String { self("status.\(status.rawValue)") }

    /// `张敏, 陈晓` / `Zhang Min, Chen Xiao`: a list as the language joins it.
    public func list(_ items: [String]) -> String { items.joined(separator: self("list.separator")) }
}
