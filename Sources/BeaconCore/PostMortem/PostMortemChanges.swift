/// What an edit changes in a post-mortem, and the sentence the timeline records for it.
public struct PostMortemChanges: Sendable, Hashable {
    /// The written parts that changed, as people name them (`root cause`, `comment on warned early`).
    public var fields: [String]
    /// Follow-ups the edit adds.
    public var added: [FollowUp]
    /// Existing follow-ups the edit changes, as they will be.
    public var changed: [FollowUp]
    /// Of `changed`: how many become done, won't do, open again, or change without a new status.
    public var markedDone = 0
    public var markedWontDo = 0
    public var reopened = 0
    public var edited = 0

    /// Compares an edit with what is written now; follow-ups are matched by `id`.
    public init(from current: PostMortemUpdate, to update: PostMortemUpdate) {
        let labelled: [(String, Bool)] =
            [
                ("root cause", current.fields.rootCause != update.fields.rootCause),
                ("trigger", current.fields.trigger != update.fields.trigger),
                ("orders affected", current.fields.ordersAffected != update.fields.ordersAffected),
                ("users affected", current.fields.usersAffected != update.fields.usersAffected),
                ("revenue at risk", current.fields.revenueAtRisk != update.fields.revenueAtRisk),
            ]
            + FindingKind.allCases.map { kind in
                ("comment on \(kind.label)", current.comments[kind] != update.comments[kind])
            } + [("no-action reason", current.noActionReason != update.noActionReason)]
        fields = labelled.filter(\.1).map(\.0)
        added = update.followUps.filter { $0.id == nil }
        changed = []
        let stored = Dictionary(current.followUps.compactMap { item in item.id.map { ($0, item) } }) { first, _ in first
        }
        for item in update.followUps {
            guard let id = item.id, let before = stored[id], !Self.same(before, item) else { continue }
            changed.append(item)
            switch (before.status, item.status) {
            case (let old, let new) where old == new: edited += 1
            case (_, .done): markedDone += 1
            case (_, .wontDo): markedWontDo += 1
            case (_, .open): reopened += 1
            }
        }
    }

    /// Whether the edit changes nothing at all.
    public var isEmpty: Bool { fields.isEmpty && added.isEmpty && changed.isEmpty }

    /// `Post-mortem edited by bob: root cause, trigger; 2 follow-ups added, 1 marked done`.
    public func message(by actor: String) -> String { "Post-mortem edited by \(actor): \(summary)" }

    /// `root cause, trigger; 2 follow-ups added, 1 marked done`: what changed, in a few words.
    public var summary: String {
        let counts = [
            (added.count, "added"), (markedDone, "marked done"), (markedWontDo, "marked won't do"),
            (reopened, "reopened"), (edited, "changed"),
        ].filter { $0.0 > 0 }
        let followUps = counts.enumerated().map { index, entry in
            index == 0 ? "\(entry.0) follow-up\(entry.0 == 1 ? "" : "s") \(entry.1)" : "\(entry.0) \(entry.1)"
        }
        let parts = [fields.joined(separator: ", "), followUps.joined(separator: ", ")].filter { !$0.isEmpty }
        return parts.isEmpty ? "nothing" : parts.joined(separator: "; ")
    }

    private static func same(_ a: FollowUp, _ b: FollowUp) -> Bool {
        a.kind == b.kind && a.description == b.description && a.owner == b.owner && a.dueAt == b.dueAt
            && a.status == b.status && a.reason == b.reason
    }
}

extension FindingKind {
    /// The finding in a few words: `warned early`.
    public var label: String { rawValue.replacingOccurrences(of: "_", with: " ") }
}
