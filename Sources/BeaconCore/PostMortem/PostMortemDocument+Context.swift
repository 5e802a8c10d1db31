import Foundation

extension PostMortemDocument {
    /// The read-only context at the top of the document, as YAML comments, in the document's language.
    var contextLines: [String] {
        let (pm, words) = (report.postMortem, self.words)
        let findingText = FindingText(words)
        var lines = [
            words("doc.title", ["id": "\(report.incidentID)", "title": report.draft.what.title]),
            words(
                "doc.owner",
                ["layer": words.layer(pm.owner), "due": PostMortemText(words).stamp(pm.dueAt), "zone": zone]),
            "", words("doc.edit"), words("doc.ignored"), "", words("doc.record"),
        ]
        lines += fiveW1H.map { "  " + $0 }
        lines += ["", words("doc.findings")]
        for finding in report.findings {
            lines.append(
                "  \(findingText.question(finding.kind)) \(findingText.verdict(finding.verdict)) (\(finding.kind.rawValue))"
            )
            lines += finding.facts.map { "    - \(findingText.sentence($0))" }
        }
        lines.append("")
        if report.missingForClose.isEmpty {
            lines.append(words("doc.can_close"))
        } else {
            let missing = report.missingForClose.map { $0.text(in: words) }
            lines.append(words("doc.cannot_close", ["missing": missing.joined(separator: words("list.and"))]))
        }
        return lines.map { $0.isEmpty ? "#" : "# " + Self.commentSafe($0) }
    }

    /// `UTC`, `UTC+8`: the zone the document's times are in.
    private var zone: String { PostMortemText(words).zone }

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
        let (draft, words) = (report.draft, self.words)
        let text = PostMortemText(words)
        let what = draft.what
        var whatLine = words("doc.what", ["title": what.title, "category": words.category(what.category)])
        whatLine += what.ruleID.map { words("cli.detail.rule", ["rule": $0.rawValue]) } ?? words("doc.declared")
        whatLine += words("doc.peak", ["severity": words.severity(what.peakSeverity)])
        if let peak = what.peakValue {
            whatLine += words("doc.peak_value", ["value": PostMortemReport.number(peak)])
            whatLine +=
                what.threshold.map { words("postmortem.vs_threshold", ["threshold": PostMortemReport.number($0)]) }
                ?? ""
        }
        var lines = [whatLine, words("doc.when", ["zone": zone])]
        lines += draft.when.milestones.map { "  \(text.stamp($0.at))  \(text.milestone($0))" }
        let durations: [(String, TimeInterval?)] = [
            ("doc.detect", draft.when.timeToDetect), ("doc.acknowledge", draft.when.timeToAcknowledge),
            ("doc.mitigate", draft.when.timeToMitigate), ("doc.resolve", draft.when.timeToResolve),
        ]
        let took = durations.compactMap { key, value in
            value.map { words(key, ["span": words.readable($0)]) }
        }
        if !took.isEmpty { lines.append("  " + words("doc.time_to", ["spans": words.list(took)])) }
        let acted = draft.who.acted.isEmpty ? words("md.who.none") : words.list(draft.who.acted.map(text.participant))
        lines.append(words("doc.who", ["people": acted]))
        lines.append(words(draft.who.paged.isEmpty ? "doc.paged_none" : "doc.paged"))
        lines += draft.who.paged.map { "  \(text.paged($0))" }
        let labels = draft.whereAffected.labels
        lines.append(words("doc.where", ["labels": labels.isEmpty ? words("md.where.no_labels") : labels.description]))
        lines.append(words("doc.how"))
        lines += draft.how.steps.map {
            "  "
                + words(
                    "doc.step",
                    [
                        "title": $0.title, "layer": words.layer($0.owner),
                        "name": $0.doneBy ?? words("postmortem.unknown"), "time": text.stamp($0.doneAt),
                    ])
        }
        lines += draft.how.approvals.map { "  " + text.approval($0, key: "doc.approval") }
        if draft.how.steps.isEmpty && draft.how.approvals.isEmpty { lines.append("  " + words("doc.no_steps")) }
        return lines
    }
}
