import Foundation

extension PostMortemDocument {
    /// The read-only context at the top of the document, as YAML comments.
    var contextLines: [String] {
        let pm = report.postMortem
        var lines = [
            "Post-mortem of incident \(report.incidentID): \(report.draft.what.title)",
            "Owner: \(pm.owner.rawValue) layer, due \(PostMortemReport.stamp(pm.dueAt)) UTC",
            "",
            "Edit the values below, save and quit. Lines starting with # are context from the record and are",
            "ignored; leave a value empty to clear it.",
            "",
            "What the record says (5W1H):",
        ]
        lines += fiveW1H.map { "  " + $0 }
        lines += [
            "", "Findings, computed from the record. A verdict cannot be set; say what you think under comments:",
        ]
        for finding in report.findings {
            lines.append("  \(finding.kind.question) \(finding.verdict ? "Yes" : "No") (\(finding.kind.rawValue))")
            lines += finding.evidence.map { "    - \($0)" }
        }
        lines.append("")
        if report.missingForClose.isEmpty {
            lines.append("Nothing keeps the incident from closing.")
        } else {
            lines.append("The incident cannot close until it has \(report.missingForClose.joined(separator: " and ")).")
        }
        return lines.map { $0.isEmpty ? "#" : "# " + Self.commentSafe($0) }
    }

    /// One comment line: line breaks as spaces, characters YAML refuses as U+FFFD.
    private static func commentSafe(_ text: String) -> String {
        var safe = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" {
                safe.append(" ")
            } else {
                safe.append(YAMLScalar.isPrintable(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return String(safe)
    }

    private var fiveW1H: [String] {
        let draft = report.draft
        let what = draft.what
        var whatLine = "What: \(what.title); \(what.category.rawValue)"
        whatLine += what.ruleID.map { ", rule \($0)" } ?? ", declared"
        whatLine += ", peak \(what.peakSeverity.rawValue) (\(what.peakSeverity.label))"
        if let peak = what.peakValue {
            whatLine += ", peak value \(PostMortemReport.number(peak))"
            whatLine += what.threshold.map { " vs threshold \(PostMortemReport.number($0))" } ?? ""
        }
        var lines = [whatLine, "When (UTC):"]
        lines += draft.when.milestones.map { "  \(PostMortemReport.stamp($0.at))  \($0.name)" }
        let durations: [(String, TimeInterval?)] = [
            ("detect", draft.when.timeToDetect), ("acknowledge", draft.when.timeToAcknowledge),
            ("mitigate", draft.when.timeToMitigate), ("resolve", draft.when.timeToResolve),
        ]
        let took = durations.compactMap { name, value in value.map { "\(name) \(DurationText.render($0))" } }
        if !took.isEmpty { lines.append("  Time to " + took.joined(separator: ", ")) }
        let acted = draft.who.acted.isEmpty ? "none recorded" : draft.who.acted.map(\.text).joined(separator: ", ")
        lines.append("Who acted: \(acted)")
        lines.append("Layers paged:" + (draft.who.paged.isEmpty ? " none" : ""))
        lines += draft.who.paged.map { "  \($0.text)" }
        lines.append(
            "Where: " + (draft.whereAffected.labels.isEmpty ? "(no labels)" : draft.whereAffected.labels.description))
        lines.append("How:")
        lines += draft.how.steps.map {
            "  step \"\($0.title)\" (\($0.owner.rawValue)) done by \($0.doneBy ?? "unknown") at \(PostMortemReport.stamp($0.doneAt))"
        }
        lines += draft.how.approvals.map { approval in
            let answer = approval.answeredAt.map {
                " by \(approval.answeredBy ?? "unknown") at \(PostMortemReport.stamp($0))"
            }
            return "  approval \"\(approval.title)\": \(approval.outcome.rawValue)\(answer ?? "")"
        }
        if draft.how.steps.isEmpty && draft.how.approvals.isEmpty { lines.append("  no steps or approvals recorded") }
        return lines
    }
}
