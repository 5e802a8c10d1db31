import Foundation

extension PostMortemReport {
    /// A Markdown document a director can forward, in English and UTC.
    public var markdown: String { markdown(in: .english) }

    /// A Markdown document a director can forward: the 5W1H, the findings with evidence, the follow-ups, in
    /// `words`' language and zone.
    public func markdown(in words: Localizer) -> String {
        let pm = postMortem
        let text = PostMortemText(words)
        var lines = [words("md.title", ["id": "\(incidentID)", "title": draft.what.title]), ""]
        lines.append(words("md.owner", ["layer": words.layer(pm.owner), "due": text.stamp(pm.dueAt)]))
        lines += ["", words("md.what"), ""] + whatLines(text)
        lines += ["", words("md.when"), ""] + whenLines(text)
        lines += ["", words("md.who"), ""] + whoLines(text)
        lines += ["", words("md.where"), ""] + whereLines(text)
        lines += ["", words("md.how"), ""] + howLines(text)
        lines += ["", words("md.why"), ""]
        lines.append(words("md.root_cause", ["text": pm.fields.rootCause.orPending(words)]))
        lines.append(words("md.trigger", ["text": pm.fields.trigger.orPending(words)]))
        lines += ["", words("md.findings"), ""] + findingLines(words)
        lines += ["", words("md.follow_ups"), ""] + followUpLines(text)
        return lines.joined(separator: "\n") + "\n"
    }

    private func whatLines(_ text: PostMortemText) -> [String] {
        let (what, words) = (draft.what, text.words)
        var lines = [
            words("md.what.title", ["title": what.title]),
            words("md.what.rule", ["rule": what.ruleID?.rawValue ?? words("md.what.declared")]),
        ]
        lines.append(words("md.what.category", ["category": words.category(what.category)]))
        lines.append(words("md.what.peak_severity", ["severity": words.severity(what.peakSeverity)]))
        if let peak = what.peakValue {
            lines.append(
                words("md.what.peak_value", ["value": Self.number(peak)])
                    + (what.threshold.map { words("postmortem.vs_threshold", ["threshold": Self.number($0)]) } ?? ""))
        }
        return lines
    }

    private func whenLines(_ text: PostMortemText) -> [String] {
        let (when, words) = (draft.when, text.words)
        var lines = [words("md.when.header", ["zone": text.zone]), "|---|---|"]
        lines += when.milestones.map { "| \(text.milestone($0)) | \(text.stamp($0.at)) |" }
        lines.append("")
        let durations: [(String, TimeInterval?)] = [
            ("postmortem.time_to_detect", when.timeToDetect),
            ("postmortem.time_to_acknowledge", when.timeToAcknowledge),
            ("postmortem.time_to_mitigate", when.timeToMitigate), ("postmortem.time_to_resolve", when.timeToResolve),
        ]
        lines += durations.compactMap { key, value in
            value.map { words("md.item", ["name": words(key), "value": words.readable($0)]) }
        }
        return lines
    }

    private func whoLines(_ text: PostMortemText) -> [String] {
        let (who, words) = (draft.who, text.words)
        let acted = who.acted.isEmpty ? words("md.who.none") : words.list(who.acted.map(text.participant))
        let people = words("md.who.acted", ["people": acted])
        guard !who.paged.isEmpty else { return [people, words("md.who.paged_none")] }
        return [people, words("md.who.paged")] + who.paged.map { "  - \(text.paged($0))" }
    }

    private func whereLines(_ text: PostMortemText) -> [String] {
        let (fields, words) = (postMortem.fields, text.words)
        let labels = draft.whereAffected.labels
        let pending = words("md.to_fill")
        return [
            words("md.where.series", ["labels": labels.isEmpty ? words("md.where.no_labels") : labels.description]),
            words(
                "md.item",
                [
                    "name": words("postmortem.orders_affected"),
                    "value": fields.ordersAffected.map(String.init) ?? pending,
                ]),
            words(
                "md.item",
                ["name": words("postmortem.users_affected"), "value": fields.usersAffected.map(String.init) ?? pending]),
            words(
                "md.item",
                [
                    "name": words("postmortem.revenue_at_risk"),
                    "value": fields.revenueAtRisk.map(ValueUnit.yuan.format) ?? pending,
                ]),
        ]
    }

    private func howLines(_ text: PostMortemText) -> [String] {
        let words = text.words
        var lines = draft.how.steps.map {
            words(
                "md.how.step",
                [
                    "title": $0.title, "layer": words.layer($0.owner), "name": $0.doneBy ?? words("postmortem.unknown"),
                    "time": text.stamp($0.doneAt),
                ])
        }
        lines += draft.how.approvals.map { text.approval($0, key: "md.how.approval") }
        return lines.isEmpty ? [words("md.how.none")] : lines
    }

    private func findingLines(_ words: Localizer) -> [String] {
        let text = FindingText(words)
        return findings.flatMap { finding -> [String] in
            var lines = ["### \(text.question(finding.kind)) \(text.verdict(finding.verdict))", ""]
            lines += finding.facts.map { "- \(text.sentence($0))" }
            if let comment = postMortem.comments[finding.kind], !comment.isEmpty {
                lines += ["", words("md.team_comment", ["comment": comment])]
            }
            return lines + [""]
        }.dropLast()
    }

    private func followUpLines(_ text: PostMortemText) -> [String] {
        let words = text.words
        guard !followUps.isEmpty else {
            return [
                words("md.no_follow_ups")
                    + (postMortem.noActionReason.map { words("md.no_action", ["reason": $0]) } ?? "")
            ]
        }
        var lines = [words("md.follow_ups.header"), "|---|---|---|---|---|"]
        lines += followUps.map { item in
            let status =
                item.status == .wontDo
                ? words("md.wont_do", ["reason": item.reason ?? words("md.no_reason")])
                : words("follow_up.\(item.status.rawValue)")
            return
                "| \(words("md.kind.\(item.kind.rawValue)")) | \(Self.cell(item.description)) | \(item.owner) | \(text.day(item.dueAt)) | \(Self.cell(status)) |"
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
    fileprivate func orPending(_ words: Localizer) -> String { isBlank ? words("md.to_write") : (self ?? "") }
}
