public import Foundation

/// Tells a post-mortem's parts in one language and zone: milestones, people, times.
public struct PostMortemText: Sendable {
    public let words: Localizer

    public init(_ words: Localizer) { self.words = words }

    /// The reader's zone as an offset, for a heading of times (`UTC`, `UTC+8`).
    public var zone: String { Localizer.offsetName(words.timeZone.secondsFromGMT()) }

    /// `2026-12-04 11:15` in the reader's zone.
    public func stamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = words.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0)
    }

    /// `2026-12-04` in the reader's zone.
    public func day(_ date: Date) -> String { String(stamp(date).prefix(10)) }

    /// A milestone of the draft (`Acknowledged`, `Approval answered (…)`) in the reader's words.
    public func milestone(_ milestone: PostMortemDraft.Milestone) -> String {
        guard milestone.kind == .approvalAnswered else { return words("milestone.\(milestone.kind.rawValue)") }
        return words("milestone.approval", ["title": milestone.approval ?? ""])
    }

    /// `Wang Lei (wanglei; execution, CS director)`.
    public func participant(_ person: PostMortemDraft.Participant) -> String {
        var details = words.list([person.layer.map(words.layer), person.role].compactMap { $0 })
        if person.name != person.handle { details = details.isEmpty ? person.handle : "\(person.handle); \(details)" }
        return details.isEmpty ? person.name : words("md.participant", ["name": person.name, "details": details])
    }

    /// `execution (directors): Wang Lei, CS director; Sun Li`.
    public func paged(_ paged: PostMortemDraft.PagedLayer) -> String {
        words(
            "md.paged_layer",
            [
                "layer": words.layer(paged.layer), "duty": words("duty.\(paged.layer.rawValue)"),
                "people": paged.people.map(\.nameAndRole).joined(separator: words("edit.separator")),
            ])
    }

    /// `approval "Refund": approved by lina at 2026-12-04 11:15`, by the catalog's `key` (`title`, `outcome`,
    /// `answer`).
    public func approval(_ approval: PostMortemApproval, key: String) -> String {
        let answer =
            approval.answeredAt.map {
                words(
                    "md.how.answered",
                    ["name": approval.answeredBy ?? words("postmortem.unknown"), "time": stamp($0)])
            } ?? ""
        return words(
            key, ["title": approval.title, "outcome": words("approval.\(approval.outcome.rawValue)"), "answer": answer])
    }
}
