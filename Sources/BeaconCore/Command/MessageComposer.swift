public import Foundation

/// Writes notification text: the same words for every channel.
public struct MessageComposer: Sendable {
    public let publicURL: String
    /// The zone every time in a message is written in: the configuration's `time_zone`.
    public let timeZone: TimeZone
    /// Finds a rule by id, to write its values in its unit: the configuration's index, built once per load (a
    /// composer is made for every change, so it must not copy the rules).
    let rule: @Sendable (RuleID) -> Rule?

    public init(publicURL: String, timeZone: TimeZone = TimeZone(identifier: "UTC")!, rules: [Rule] = []) {
        self.init(publicURL: publicURL, timeZone: timeZone) { id in rules.first { $0.id == id } }
    }

    public init(
        publicURL: String, timeZone: TimeZone = TimeZone(identifier: "UTC")!,
        rule: @escaping @Sendable (RuleID) -> Rule?
    ) {
        self.publicURL = publicURL
        self.timeZone = timeZone
        self.rule = rule
    }

    /// An incident's value or threshold in its rule's unit (`84.8%`, `12.4×`), else as a number.
    public func format(_ value: Double, rule id: RuleID?) -> String {
        id.flatMap(rule)?.format(value) ?? value.formatted(maxFractionDigits: 4)
    }

    public func summary(_ incident: Incident) -> IncidentSummary {
        IncidentSummary(
            id: incident.id?.rawValue ?? 0, title: incident.title, severity: incident.severity, status: incident.status,
            category: incident.category, rule: incident.ruleID, labels: incident.labels.dictionary,
            value: incident.value,
            threshold: incident.threshold, openedAt: incident.openedAt, url: url(incident))
    }

    public func url(_ incident: Incident) -> String {
        let base = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        return "\(base)/incidents/\(incident.id?.rawValue ?? 0)"
    }

    /// - Parameters:
    ///   - headline: why the reader gets it (`Paged: operation`, `ESCALATION: …`).
    ///   - step: what is asked of the reader's layer, if anything.
    ///   - next: what happens if nobody answers (`Acknowledge within 5m or execution is paged.`).
    public func message(
        _ kind: NotificationKind, _ incident: Incident, headline: String, step: RunStep? = nil, next: String? = nil,
        at now: Date
    ) -> NotificationMessage {
        let severity = incident.severity
        let subject = "[\(severity.rawValue)] #\(incident.id?.rawValue ?? 0) \(incident.title)"
        var lines = [
            "\(headline)",
            "\(severity.rawValue.uppercased()) (\(severity.label)) — \(incident.title) (#\(incident.id?.rawValue ?? 0))",
        ]
        if let value = incident.value {
            let threshold = incident.threshold.map { " against threshold \(format($0, rule: incident.ruleID))" } ?? ""
            lines.append(
                "Value \(format(value, rule: incident.ruleID))\(threshold); opened \(time(incident.openedAt, now: now))."
            )
        } else {
            lines.append("Opened \(time(incident.openedAt, now: now)).")
        }
        if let description = incident.description { lines.append(description) }
        if incident.origin == .alertmanager {
            let series = incident.labels.dictionary.filter { !["alertname", "severity"].contains($0.key) }
            if !series.isEmpty {
                lines.append(
                    "Labels: "
                        + series.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))
            }
        }
        if let step {
            let due = step.dueAt.map { " — due \(time($0, now: now)) (\(Self.relative($0, from: now)))" } ?? ""
            lines.append("Asked of \(step.owner.rawValue): \(step.title)\(due).")
        }
        if let next { lines.append(next) }
        let stepSummary = step.map { StepSummary(id: $0.stepID, title: $0.title, owner: $0.owner, dueAt: $0.dueAt) }
        return NotificationMessage(
            kind: kind, subject: subject, text: lines.joined(separator: "\n"), incident: summary(incident),
            step: stepSummary)
    }

    /// The console's on-call page: who is on duty, and the fortnight ahead.
    public var onCallURL: String { (publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL) + "/oncall" }

    /// The incident's post-mortem page in the console.
    public func postMortemURL(_ incident: Incident) -> String { url(incident) + "/postmortem" }

    /// `Fri 28 Nov 2026`, the day in the calendar's time zone.
    public static func dayText(_ date: Date, in calendar: Calendar) -> String {
        TimelineText.englishDay(LocalDay(date, in: calendar))
    }

    /// `03:15:48 UTC`.
    public static func clockText(_ date: Date) -> String { clock(date) }

    /// `11:15:48 UTC+8` in the composer's zone, with the day first when it is not `now`'s:
    /// `2026-12-04 23:50:00 UTC+8`.
    public func time(_ date: Date, now: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
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

    /// `03:15:48 UTC`.
    static func clock(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.hour, .minute, .second], from: date)
        return String(format: "%02d:%02d:%02d UTC", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

    /// `in 5m`, `2m ago`.
    static func relative(_ date: Date, from now: Date) -> String {
        let seconds = date.timeIntervalSince(now).rounded()
        let text = Duration.seconds(abs(seconds)).configText
        return seconds >= 0 ? "in \(text)" : "\(text) ago"
    }
}
