public import Foundation

extension WeeklyReport {
    /// A Markdown document a director can forward, in English.
    public var markdown: String { markdown(in: .english) }

    /// A Markdown document a director can forward: the week and its dates, then one table per figure, in
    /// `words`' language (times in the report's zone).
    public func markdown(in words: Localizer) -> String {
        var lines = [words("wmd.title", ["week": "\(week)", "first": "\(firstDay)", "last": "\(lastDay)"]), ""]
        lines.append(
            words(
                "wmd.period",
                ["first": "\(firstDay)", "last": "\(lastDay)", "zone": timeZone, "time": stamp(generatedAt)]))
        lines += ["", words("wmd.summary"), ""] + summaryLines(words)
        lines += ["", words("wmd.by_category"), ""] + categoryLines(words)
        lines += ["", words("wmd.by_severity"), ""] + severityLines(words)
        lines += ["", words("wmd.response"), ""] + responseLines(words)
        lines += ["", words("wmd.compliance"), ""] + complianceLines(words)
        lines += ["", words("wmd.rules"), ""] + ruleLines(words)
        lines += ["", words("wmd.follow_ups"), ""] + followUpLines(words)
        lines += ["", words("wmd.workload"), ""] + workloadLines(words)
        return lines.joined(separator: "\n") + "\n"
    }

    private func workloadLines(_ words: Localizer) -> [String] {
        guard !workload.isEmpty else { return [words("page.report.nobody_was_paged")] }
        return [words("wmd.workload.header"), "|---|---:|---:|---:|---:|---:|---:|"]
            + workload.map {
                "| \(Self.cell($0.person)) | \($0.pages) | \($0.workingHours) | \($0.offHours) | \($0.nights) | "
                    + "\($0.acknowledgements.count) | \(Self.duration($0.acknowledgements.medianSeconds, words)) |"
            }
    }

    private func summaryLines(_ words: Localizer) -> [String] {
        let (now, before) = (totals, previousWeek.totals)
        let rows: [(String, Int, Int)] = [
            ("report.opened", now.incidents, before.incidents),
            ("report.by_rule", now.byRule, before.byRule),
            ("report.from_alertmanager", now.fromAlertmanager, before.fromAlertmanager),
            ("report.declared", now.declared, before.declared),
            ("report.active", now.active, before.active),
            ("report.resolved", now.resolved, before.resolved),
            ("report.closed", now.closed, before.closed),
        ]
        return [
            words("wmd.summary.header", ["week": "\(week)", "previous": "\(previousWeek.week)"]), "|---|---:|---:|",
        ]
            + rows.map { "| \(words($0.0)) | \($0.1) | \($0.2) |" }
    }

    private func categoryLines(_ words: Localizer) -> [String] {
        [words("wmd.category.header"), "|---|---:|---:|"]
            + byCategory.map {
                "| \(words.category($0.category)) | \($0.count) | \(Self.percentText($0.sharePercent)) |"
            }
    }

    private func severityLines(_ words: Localizer) -> [String] {
        [words("wmd.severity.header"), "|---|---:|---:|"]
            + bySeverity.map {
                "| \($0.severity.rawValue) \(words.label($0.severity)) | \($0.count) | \(Self.percentText($0.sharePercent)) |"
            }
    }

    private func responseLines(_ words: Localizer) -> [String] {
        var lines = [words("wmd.response.header"), "|---|---:|---:|---:|---:|---:|---:|"]
        lines += responseTimes.map { row in
            let (ack, fix) = (row.acknowledge, row.resolve)
            let acknowledged = words("report.of", ["count": "\(ack.count)", "all": "\(ack.count + ack.missing)"])
            let resolved = words("report.of", ["count": "\(fix.count)", "all": "\(fix.count + fix.missing)"])
            return
                "| \(row.severity.rawValue) | \(Self.duration(ack.meanSeconds, words)) | "
                + "\(Self.duration(ack.medianSeconds, words)) | \(acknowledged) | \(Self.duration(fix.meanSeconds, words)) "
                + "| \(Self.duration(fix.medianSeconds, words)) | \(resolved) |"
        }
        return lines
    }

    private func complianceLines(_ words: Localizer) -> [String] {
        [words("wmd.compliance.header"), "|---|---:|---:|---:|---:|---:|"]
            + deadlines.map {
                "| \(words.layer($0.layer)) | \($0.met) | \($0.missed) | \($0.percentMet.map(Self.percentText) ?? "—") "
                    + "| \($0.running) | \($0.notOwed) |"
            }
    }

    private func ruleLines(_ words: Localizer) -> [String] {
        guard !topRules.isEmpty else { return [words("page.report.no_incident_was_opened")] }
        return [words("wmd.rules.header"), "|---|---|---:|"]
            + topRules.map { "| \(Self.cell($0.ruleID.rawValue)) | \(Self.cell($0.title)) | \($0.count) |" }
    }

    private func followUpLines(_ words: Localizer) -> [String] {
        var lines = [
            words("wmd.follow_ups.opened", ["count": "\(followUps.opened)"]),
            words("wmd.follow_ups.closed", ["count": "\(followUps.closed)"]),
            words(
                "wmd.follow_ups.overdue", ["time": stamp(followUps.overdueAt), "count": "\(followUps.overdue.count)"]),
        ]
        guard !followUps.overdue.isEmpty else { return lines }
        lines += ["", words("wmd.follow_ups.header"), "|---|---|---|---|"]
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

    /// `4m 30s`, `4分钟30秒`, or `—` when there is nothing to average.
    static func duration(_ seconds: Double?, _ words: Localizer) -> String { seconds.map(words.readable) ?? "—" }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
