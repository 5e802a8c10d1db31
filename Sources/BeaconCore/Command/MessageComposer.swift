public import Foundation

/// Writes notification text for one reader: the same words on every channel, in the reader's language and zone.
public struct MessageComposer: Sendable {
    public let publicURL: String
    /// The reader's catalog and clock: a group channel's are the configuration's, a person's their own.
    public let words: Localizer
    /// The zone every time in a message is written in.
    public var timeZone: TimeZone { words.timeZone }
    /// Finds a rule by id, to write its values in its unit: the configuration's index, built once per load (a
    /// composer is made for every reader, so it must not copy the rules).
    let rule: @Sendable (RuleID) -> Rule?

    public init(
        publicURL: String, timeZone: TimeZone = TimeZone(identifier: "UTC")!, language: Language = .en,
        rules: [Rule] = []
    ) {
        self.init(publicURL: publicURL, words: Localizer(language, timeZone: timeZone)) { id in
            rules.first { $0.id == id }
        }
    }

    public init(publicURL: String, words: Localizer, rule: @escaping @Sendable (RuleID) -> Rule?) {
        self.publicURL = publicURL
        self.words = words
        self.rule = rule
    }

    /// The same composer for another reader.
    public func reading(_ words: Localizer) -> MessageComposer {
        MessageComposer(publicURL: publicURL, words: words, rule: rule)
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
        let number = "\(incident.id?.rawValue ?? 0)"
        let subject = words("message.subject", ["severity": severity.rawValue, "id": number, "title": incident.title])
        var lines = [
            headline,
            words(
                "message.incident",
                [
                    "severity": severity.rawValue.uppercased(), "label": words.label(severity), "title": incident.title,
                    "id": number,
                ]),
        ]
        let opened = time(incident.openedAt, now: now)
        if let value = incident.value {
            let threshold =
                incident.threshold.map { words("message.against", ["threshold": format($0, rule: incident.ruleID)]) }
                ?? ""
            lines.append(
                words(
                    "message.value",
                    ["value": format(value, rule: incident.ruleID), "threshold": threshold, "opened": opened]))
        } else {
            lines.append(words("message.opened", ["opened": opened]))
        }
        if let description = incident.description { lines.append(description) }
        if incident.origin == .alertmanager {
            let series = incident.labels.dictionary.filter { !["alertname", "severity"].contains($0.key) }
            if !series.isEmpty {
                let labels = series.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
                lines.append(words("message.labels", ["labels": labels]))
            }
        }
        if let step {
            let due =
                step.dueAt.map {
                    words("message.due", ["time": time($0, now: now), "relative": words.relative($0, from: now)])
                } ?? ""
            lines.append(
                words("message.asked", ["layer": words.layer(step.owner), "step": step.title, "due": due]))
        }
        if let next { lines.append(next) }
        let stepSummary = step.map { StepSummary(id: $0.stepID, title: $0.title, owner: $0.owner, dueAt: $0.dueAt) }
        return NotificationMessage(
            kind: kind, subject: subject, text: lines.joined(separator: "\n"), incident: summary(incident),
            step: stepSummary, language: words.language)
    }

    /// The console's on-call page: who is on duty, and the fortnight ahead.
    public var onCallURL: String { (publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL) + "/oncall" }

    /// The incident's post-mortem page in the console.
    public func postMortemURL(_ incident: Incident) -> String { url(incident) + "/postmortem" }

    /// `11:15:48 UTC+8` in the reader's zone, with the day first when it is not `now`'s:
    /// `2026-12-04 23:50:00 UTC+8`.
    public func time(_ date: Date, now: Date) -> String { words.time(date, now: now) }

    /// `UTC`, `UTC+8`, `UTC-5`, `UTC+5:30`: the same on every platform, unlike zone abbreviations.
    public static func offsetName(_ seconds: Int) -> String { Localizer.offsetName(seconds) }
}
