import Foundation

/// A post-mortem as a YAML document a person edits: what the team writes as values, and as comments above them
/// the read-only context an author needs (the 5W1H, each finding's computed verdict with its evidence, what keeps
/// the incident from closing).
///
/// Reading an unedited rendering back yields an update that changes nothing.
public struct PostMortemDocument: Sendable {
    /// The post-mortem as it is written now: the context shown and the follow-ups an edit must keep.
    public let report: PostMortemReport
    /// The language and zone of its comments; the keys and values are the same in every language.
    public let words: Localizer

    public init(_ report: PostMortemReport, words: Localizer = .english) {
        self.report = report
        self.words = words
    }

    /// The top-level keys of the document, in the order it is written.
    static let keys = ["root_cause", "trigger", "impact", "comments", "no_action_reason", "follow_ups"]
    static let impactKeys = ["orders_affected", "users_affected", "revenue_at_risk"]
    static let followUpKeys = ["id", "kind", "description", "owner", "due", "status", "reason"]

    /// `pm-12.yaml`: the name an edited copy goes by, which error messages quote.
    public var fileName: String { "pm-\(report.incidentID.rawValue).yaml" }

    /// The text to edit.
    public var text: String {
        let current = PostMortemUpdate(report)
        var lines = contextLines + [""]
        lines.append("root_cause:" + YAMLScalar.value(current.fields.rootCause, indent: 0))
        lines.append("trigger:" + YAMLScalar.value(current.fields.trigger, indent: 0))
        lines.append("impact:")
        lines.append("  orders_affected:" + YAMLScalar.value(current.fields.ordersAffected.map(String.init), indent: 2))
        lines.append("  users_affected:" + YAMLScalar.value(current.fields.usersAffected.map(String.init), indent: 2))
        lines.append(
            "  revenue_at_risk:"
                + YAMLScalar.value(current.fields.revenueAtRisk.map(PostMortemReport.number), indent: 2))
        lines.append("comments:")
        for kind in FindingKind.allCases {
            lines.append("  \(kind.rawValue):" + YAMLScalar.value(current.comments[kind], indent: 2))
        }
        lines.append("no_action_reason:" + YAMLScalar.value(current.noActionReason, indent: 0))
        lines += [""] + followUpLines(current.followUps)
        return lines.joined(separator: "\n") + "\n"
    }

    private func followUpLines(_ followUps: [FollowUp]) -> [String] {
        let kinds = FollowUpKind.allCases.map(\.rawValue).joined(separator: ", ")
        let statuses = FollowUpStatus.allCases.map(\.rawValue).joined(separator: ", ")
        var lines = [
            "# " + words("doc.follow_ups.kinds", ["kinds": kinds]),
            "# " + words("doc.follow_ups.statuses", ["statuses": statuses]),
            "# " + words("doc.follow_ups.never_deleted"),
            "follow_ups:",
        ]
        guard !followUps.isEmpty else {
            let example = DueDay.text(report.postMortem.dueAt)
            return lines + [
                "#  - kind: plan", "#    description: " + words("doc.example.description"),
                "#    owner: " + words("doc.example.owner"), "#    due: \(example)",
            ]
        }
        for item in followUps {
            lines.append("  - id:" + YAMLScalar.value(item.id.map(String.init), indent: 4))
            lines.append("    kind: \(item.kind.rawValue)")
            lines.append("    description:" + YAMLScalar.value(item.description, indent: 4))
            lines.append("    owner:" + YAMLScalar.value(item.owner, indent: 4))
            lines.append("    due: \(DueDay.text(item.dueAt))")
            lines.append("    status: \(item.status.rawValue)")
            lines.append("    reason:" + YAMLScalar.value(item.reason, indent: 4))
        }
        return lines
    }
}
