public import Foundation

extension WeeklyReport {
    /// A Markdown document a director can forward: the week and its dates, then one table per figure.
    public var markdown: String {
        var lines = ["# Weekly incident report \(week): \(firstDay) to \(lastDay)", ""]
        lines.append(
            "Incidents opened from Monday \(firstDay) 00:00 to Sunday \(lastDay) 24:00 (\(timeZone)); "
                + "statuses as of \(stamp(generatedAt)).")
        lines += ["", "## Summary", ""] + summaryLines
        lines += ["", "## By category", ""] + categoryLines
        lines += ["", "## By peak severity", ""] + severityLines
        lines += ["", "## Response times by peak severity", ""] + responseLines
        lines += ["", "## Deadline compliance by layer", ""] + complianceLines
        lines += ["", "## Rules that fired most", ""] + ruleLines
        lines += ["", "## Follow-ups", ""] + followUpLines
        lines += ["", "## Workload by person", ""] + workloadLines
        return lines.joined(separator: "\n") + "\n"
    }

    private var workloadLines: [String] {
        guard !workload.isEmpty else { return ["Nobody was paged."] }
        return [
            "| Person | Pages | Working hours | Off hours | Nights (22–08) | Acknowledged | Median to acknowledge |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
            + workload.map {
                "| \(Self.cell($0.person)) | \($0.pages) | \($0.workingHours) | \($0.offHours) | \($0.nights) | "
                    + "\($0.acknowledgements.count) | \(Self.duration($0.acknowledgements.medianSeconds)) |"
            }
    }

    private var summaryLines: [String] {
        let (now, before) = (totals, previousWeek.totals)
        let rows: [(String, Int, Int)] = [
            ("Incidents opened", now.incidents, before.incidents),
            ("Opened by a rule", now.byRule, before.byRule),
            ("From Alertmanager", now.fromAlertmanager, before.fromAlertmanager),
            ("Declared by a person", now.declared, before.declared),
            ("Still active", now.active, before.active),
            ("Resolved, post-mortem pending", now.resolved, before.resolved),
            ("Closed", now.closed, before.closed),
        ]
        return ["| | \(week) | \(previousWeek.week) (previous) |", "|---|---:|---:|"]
            + rows.map { "| \($0.0) | \($0.1) | \($0.2) |" }
    }

    private var categoryLines: [String] {
        ["| Category | Incidents | Share |", "|---|---:|---:|"]
            + byCategory.map { "| \($0.category.rawValue) | \($0.count) | \(Self.percentText($0.sharePercent)) |" }
    }

    private var severityLines: [String] {
        ["| Severity | Incidents | Share |", "|---|---:|---:|"]
            + bySeverity.map {
                "| \($0.severity.rawValue) \($0.severity.label) | \($0.count) | \(Self.percentText($0.sharePercent)) |"
            }
    }

    private var responseLines: [String] {
        var lines = [
            "| Severity | MTTA mean | MTTA median | Acknowledged | MTTR mean | MTTR median | Resolved |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        lines += responseTimes.map { row in
            let (ack, fix) = (row.acknowledge, row.resolve)
            return
                "| \(row.severity.rawValue) | \(Self.duration(ack.meanSeconds)) | \(Self.duration(ack.medianSeconds)) "
                + "| \(ack.count) of \(ack.count + ack.missing) | \(Self.duration(fix.meanSeconds)) "
                + "| \(Self.duration(fix.medianSeconds)) | \(fix.count) of \(fix.count + fix.missing) |"
        }
        return lines
    }

    private var complianceLines: [String] {
        ["| Layer | Met | Missed | Met % | Still running | Not owed |", "|---|---:|---:|---:|---:|---:|"]
            + deadlines.map {
                "| \($0.layer.rawValue) | \($0.met) | \($0.missed) | \($0.percentMet.map(Self.percentText) ?? "—") "
                    + "| \($0.running) | \($0.notOwed) |"
            }
    }

    private var ruleLines: [String] {
        guard !topRules.isEmpty else { return ["No incident was opened by a rule."] }
        return ["| Rule | Title | Incidents |", "|---|---|---:|"]
            + topRules.map { "| \(Self.cell($0.ruleID.rawValue)) | \(Self.cell($0.title)) | \($0.count) |" }
    }

    private var followUpLines: [String] {
        var lines = [
            "- Opened this week: \(followUps.opened)", "- Closed this week: \(followUps.closed)",
            "- Overdue at \(stamp(followUps.overdueAt)): \(followUps.overdue.count)",
        ]
        guard !followUps.overdue.isEmpty else { return lines }
        lines += ["", "| Incident | Action | Owner | Due |", "|---|---|---|---|"]
        lines += followUps.overdue.map {
            "| \($0.incidentID) | \(Self.cell($0.description)) | \(Self.cell($0.owner)) | \(stamp($0.dueAt)) |"
        }
        return lines
    }

    /// `2026-11-23 09:00` in the report's time zone.
    public func stamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(secondsFromGMT: 0) ?? .current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0)
    }

    /// `33.3%`.
    public static func percentText(_ value: Double) -> String { String(format: "%.1f%%", value) }

    /// `4m 30s`, or `—` when there is nothing to average.
    public static func duration(_ seconds: Double?) -> String { seconds.map(DurationText.render) ?? "—" }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
