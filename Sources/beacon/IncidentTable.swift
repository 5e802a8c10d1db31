import BeaconCore
import BeaconServer
import Foundation

/// Incidents as text for a terminal.
enum IncidentTable {
    static func render(_ incidents: [Incident], now: Date, words: Localizer) -> String {
        let rows = incidents.map { incident in
            [
                "#\(incident.id?.rawValue ?? 0)", incident.severity.rawValue, words.status(incident.status),
                age(now.timeIntervalSince(incident.openedAt)), incident.title,
            ]
        }
        let header = ["id", "sev", "status", "age", "title"].map { words("cli.column.\($0)") }
        return table(header: header, rows: rows)
    }

    static func detail(_ incident: Incident, timeline: [TimelineEvent], words: Localizer) -> String {
        let stamp = { (date: Date) -> String in Self.stamp(date, words) }
        var origin = words("origin.\(incident.origin.rawValue)")
        if let rule = incident.ruleID { origin += words("cli.detail.rule", ["rule": rule.rawValue]) }
        if let who = incident.declaredBy { origin += words("cli.detail.declared_by", ["name": who]) }
        var lines = [
            "#\(incident.id?.rawValue ?? 0) \(incident.title)",
            words(
                "cli.detail.severity",
                ["severity": words.severity(incident.severity), "peak": incident.peakSeverity.rawValue]),
            words("cli.detail.status", ["status": words.status(incident.status)]),
            words("cli.detail.category", ["category": words.category(incident.category)]),
            words("cli.detail.origin", ["origin": origin]),
        ]
        if !incident.labels.isEmpty { lines.append(words("cli.detail.labels", ["labels": "\(incident.labels)"])) }
        if let value = incident.value {
            var text = value.formatted(maxFractionDigits: 4)
            if let level = incident.threshold {
                text += words("cli.detail.level", ["level": level.formatted(maxFractionDigits: 4)])
            }
            if let peak = incident.peakValue {
                text += words("cli.detail.peak", ["peak": peak.formatted(maxFractionDigits: 4)])
            }
            lines.append(words("cli.detail.value", ["value": text]))
        }
        lines.append(words("cli.detail.opened", ["time": stamp(incident.openedAt)]))
        lines.append("")
        lines.append(words("cli.detail.timeline"))
        // Each run of notification attempts one line, as the console folds it.
        let text = TimelineText(words)
        lines += TimelineLine.fold(timeline).map { line in
            let first = line.first
            return
                "  \(stamp(first.at))  \(pad(first.actor, 10)) \(line.text(in: text))"
        }
        return lines.joined(separator: "\n")
    }

    /// The playbook run, the approvals and the outbox of an incident.
    static func command(
        steps: [RunStep], approvals: [Approval], notifications: [OutboxEntry], words: Localizer
    ) -> String {
        var lines: [String] = []
        if !steps.isEmpty {
            lines += ["", words("cli.playbook", ["playbook": steps[0].playbookID])]
            lines += steps.map { step in
                let due = step.dueAt.map { words("cli.step.due", ["time": stamp($0, words)]) } ?? ""
                let done = step.doneBy.map { words("cli.step.by", ["name": $0]) } ?? ""
                let kind =
                    step.approval
                    ? words("cli.step.approval")
                    : step.every.map { words("cli.step.every", ["span": words.duration($0)]) } ?? ""
                let state = words("step.\(step.state.rawValue)")
                return "  \(pad(state, 8)) "
                    + "\(pad(words.layer(step.owner), 10)) \(step.stepID)\(kind)\(due)\(done)"
            }
        }
        if !approvals.isEmpty {
            lines += ["", words("cli.approvals")]
            lines += approvals.map { approval in
                "  \(approval.id ?? 0)  \(words("approval.\(approval.state.rawValue)"))  \(approval.title)"
                    + (approval.answeredBy.map { words("cli.approval.by", ["name": $0]) } ?? "")
            }
        }
        if !notifications.isEmpty {
            let delivered = notifications.filter { $0.state == .delivered }.count
            let pending = notifications.filter { $0.state == .pending }.count
            lines += [
                "",
                words(
                    "cli.notifications",
                    [
                        "delivered": "\(delivered)", "pending": "\(pending)",
                        "failed": "\(notifications.count - delivered - pending)",
                    ]),
            ]
            var failing: [String: String] = [:]
            for entry in notifications where entry.state != .delivered {
                if let error = entry.lastError { failing[entry.channelID] = error }
            }
            for entry in notifications where entry.state == .delivered { failing[entry.channelID] = nil }
            lines += failing.sorted { $0.key < $1.key }.map {
                words("cli.channel_failing", ["channel": $0.key, "reason": $0.value])
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `2026-12-04T11:15:48+08:00`: ISO 8601 in the reader's zone (`Z` for UTC).
    static func stamp(_ date: Date, _ words: Localizer) -> String {
        date.formatted(
            Date.ISO8601FormatStyle(timeZone: words.timeZone).year().month().day()
                .time(includingFractionalSeconds: false).timeSeparator(.colon).timeZone(separator: .colon))
    }

    /// Where the post-mortem stands and what it still needs.
    static func postMortem(
        _ postMortem: PostMortemStatusResource, id: Int64, calendar: Calendar, words: Localizer
    )
        -> String
    {
        var lines = [
            "\n"
                + words(
                    "cli.postmortem",
                    [
                        "layer": words.layer(postMortem.owner),
                        "due": words.day(LocalDay(postMortem.dueAt, in: calendar)),
                        "count": "\(postMortem.followUps)", "open": "\(postMortem.followUpsOpen)",
                    ])
        ]
        if postMortem.missingForClose.isEmpty {
            lines.append("  " + words("cli.postmortem.complete"))
        } else {
            let missing = postMortem.missingForClose.map { $0.text(in: words) }
            lines.append(
                "  " + words("cli.postmortem.missing", ["missing": missing.joined(separator: words("edit.separator"))]))
        }
        lines.append("  beacon postmortem show \(id)")
        return lines.joined(separator: "\n")
    }

    static func age(_ seconds: TimeInterval) -> String {
        switch seconds {
        case ..<60: "\(Int(seconds))s"
        case ..<3600: "\(Int(seconds / 60))m"
        case ..<86_400: "\(Int(seconds / 3600))h\(Int(seconds.truncatingRemainder(dividingBy: 3600) / 60))m"
        default: "\(Int(seconds / 86_400))d"
        }
    }

    private static func table(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { width($0[column]) }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : pad(cell, widths[column])
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// The columns a terminal gives `text`: two for a CJK character or a full-width form, one otherwise.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { sum, scalar in
            let wide =
                (0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
                || (0xAC00...0xD7A3).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
                || (0xFF00...0xFF60).contains(scalar.value) || (0xFFE0...0xFFE6).contains(scalar.value)
            return sum + (wide ? 2 : 1)
        }
    }

    /// `text` padded with spaces to `columns` terminal columns.
    static func pad(_ text: String, _ columns: Int) -> String {
        text + String(repeating: " ", count: max(0, columns - width(text)))
    }
}
