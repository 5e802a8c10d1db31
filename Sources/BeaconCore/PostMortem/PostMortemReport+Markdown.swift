import Foundation

extension PostMortemReport {
    /// A Markdown document a director can forward: the 5W1H, the findings with evidence, the follow-ups.
    public var markdown: String {
        let pm = postMortem
        var lines = ["# Post-mortem \(incidentID): \(draft.what.title)", ""]
        lines.append("Owner: \(pm.owner.rawValue) layer · due \(Self.stamp(pm.dueAt))")
        lines += ["", "## What", ""] + whatLines
        lines += ["", "## When", ""] + whenLines
        lines += ["", "## Who", ""] + whoLines
        lines += ["", "## Where", ""] + whereLines
        lines += ["", "## How", ""] + howLines
        lines += ["", "## Why", ""]
        lines.append("- Root cause: \(pm.fields.rootCause.orPending)")
        lines.append("- Trigger: \(pm.fields.trigger.orPending)")
        lines += ["", "## Findings", ""] + findingLines
        lines += ["", "## Follow-ups", ""] + followUpLines
        return lines.joined(separator: "\n") + "\n"
    }

    private var whatLines: [String] {
        let what = draft.what
        var lines = ["- Title: \(what.title)", "- Rule: \(what.ruleID ?? "none (declared)")"]
        lines.append("- Category: \(what.category.rawValue)")
        lines.append("- Peak severity: \(what.peakSeverity.rawValue) (\(what.peakSeverity.label))")
        if let peak = what.peakValue {
            lines.append(
                "- Peak value: \(Self.number(peak))" + (what.threshold.map { " vs threshold \(Self.number($0))" } ?? "")
            )
        }
        return lines
    }

    private var whenLines: [String] {
        let when = draft.when
        var lines = ["| Milestone | At (UTC) |", "|---|---|"]
        lines += when.milestones.map { "| \($0.name) | \(Self.stamp($0.at)) |" }
        lines.append("")
        let durations: [(String, TimeInterval?)] = [
            ("Time to detect", when.timeToDetect), ("Time to acknowledge", when.timeToAcknowledge),
            ("Time to mitigate", when.timeToMitigate), ("Time to resolve", when.timeToResolve),
        ]
        lines += durations.compactMap { name, value in value.map { "- \(name): \(DurationText.render($0))" } }
        return lines
    }

    private var whoLines: [String] {
        let who = draft.who
        let acted = who.acted.isEmpty ? "none recorded" : who.acted.map(\.text).joined(separator: ", ")
        guard !who.paged.isEmpty else { return ["- People who acted: \(acted)", "- Layers paged: none"] }
        return ["- People who acted: \(acted)", "- Layers paged:"] + who.paged.map { "  - \($0.text)" }
    }

    private var whereLines: [String] {
        let fields = postMortem.fields
        let labels = draft.whereAffected.labels
        return [
            "- Series: " + (labels.isEmpty ? "(no labels)" : labels.description),
            "- Orders affected: " + (fields.ordersAffected.map(String.init) ?? "to be filled in"),
            "- Users affected: " + (fields.usersAffected.map(String.init) ?? "to be filled in"),
            "- Revenue at risk: " + (fields.revenueAtRisk.map(ValueUnit.yuan.format) ?? "to be filled in"),
        ]
    }

    private var howLines: [String] {
        var lines = draft.how.steps.map {
            "- Step \"\($0.title)\" (\($0.owner.rawValue)) done by \($0.doneBy ?? "unknown") at \(Self.stamp($0.doneAt))"
        }
        lines += draft.how.approvals.map { approval in
            let answer =
                approval.answeredAt.map { " by \(approval.answeredBy ?? "unknown") at \(Self.stamp($0))" } ?? ""
            return "- Approval \"\(approval.title)\": \(approval.outcome.rawValue)\(answer)"
        }
        return lines.isEmpty ? ["- No steps or approvals recorded."] : lines
    }

    private var findingLines: [String] {
        findings.flatMap { finding -> [String] in
            var lines = ["### \(finding.kind.question) \(finding.verdict ? "Yes" : "No")", ""]
            lines += finding.evidence.map { "- \($0)" }
            if let comment = postMortem.comments[finding.kind], !comment.isEmpty {
                lines += ["", "Team comment: \(comment)"]
            }
            return lines + [""]
        }.dropLast()
    }

    private var followUpLines: [String] {
        guard !followUps.isEmpty else {
            return ["No follow-ups." + (postMortem.noActionReason.map { " No action needed: \($0)" } ?? "")]
        }
        var lines = ["| Type | Action | Owner | Due | Status |", "|---|---|---|---|---|"]
        lines += followUps.map { item in
            let status = item.status == .wontDo ? "won't do: \(item.reason ?? "no reason given")" : item.status.rawValue
            return
                "| \(item.kind.rawValue) | \(Self.cell(item.description)) | \(item.owner) | \(Self.day(item.dueAt)) | \(Self.cell(status)) |"
        }
        return lines
    }

    static func stamp(_ date: Date) -> String {
        let parts = utc.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0)
    }

    static func day(_ date: Date) -> String { String(stamp(date).prefix(10)) }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    private static var utc: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        return calendar
    }
}

extension Optional where Wrapped == String {
    fileprivate var orPending: String { isBlank ? "to be written by the team" : (self ?? "") }
}
