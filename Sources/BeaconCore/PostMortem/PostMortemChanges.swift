/// What an edit changes in a post-mortem, and the sentence the timeline records for it.
public struct PostMortemChanges: Sendable, Hashable {
    /// The written parts that changed.
    public var fields: [PostMortemField]
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
        let labelled: [(PostMortemField, Bool)] =
            [
                (.rootCause, current.fields.rootCause != update.fields.rootCause),
                (.trigger, current.fields.trigger != update.fields.trigger),
                (.ordersAffected, current.fields.ordersAffected != update.fields.ordersAffected),
                (.usersAffected, current.fields.usersAffected != update.fields.usersAffected),
                (.revenueAtRisk, current.fields.revenueAtRisk != update.fields.revenueAtRisk),
            ]
            + FindingKind.allCases.map { kind in
                (.comment(kind), current.comments[kind] != update.comments[kind])
            } + [(.noActionReason, current.noActionReason != update.noActionReason)]
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

    /// What changed, as the timeline records it.
    public var edit: PostMortemEdit {
        PostMortemEdit(
            fields: fields, added: added.count, markedDone: markedDone, markedWontDo: markedWontDo,
            reopened: reopened, edited: edited)
    }

    /// `root cause, trigger; 2 follow-ups added, 1 marked done`: what changed, in a few words.
    public var summary: String { TimelineText.english.summary(edit) }

    private static func same(_ a: FollowUp, _ b: FollowUp) -> Bool {
        a.kind == b.kind && a.description == b.description && a.owner == b.owner && a.dueAt == b.dueAt
            && a.status == b.status && a.reason == b.reason
    }
}

extension FindingKind {
    /// The finding in a few words: `warned early`.
    public var label: String { rawValue.replacingOccurrences(of: "_", with: " ") }
}
