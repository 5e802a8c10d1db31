public import Foundation

/// The rules an edit of a post-mortem obeys, whichever store keeps it: what the edit changes, checked against what
/// is stored. Pure; a store loads, asks, and writes what it is told.
public enum PostMortemRules {
    /// The post-mortem after `update`, and what changed.
    /// - Parameters:
    ///   - stored: the incident's follow-ups as stored.
    ///   - closed: whether the incident is closed: then only follow-ups move, and what let it close stays.
    ///   - base: what the editor started from; a different stored state means someone else saved meanwhile.
    /// - Throws: `StoreError` (`.conflict`) naming what is wrong; nothing is written then.
    public static func plan(
        _ update: PostMortemUpdate, of postMortem: PostMortem, stored: [FollowUp], closed: Bool,
        since base: PostMortemUpdate?, at now: Date
    ) throws(StoreError) -> (postMortem: PostMortem, changes: PostMortemChanges) {
        let id = postMortem.incidentID
        for item in update.followUps { try validate(item) }
        let current = PostMortemUpdate(postMortem, followUps: stored)
        if let base, base != current {
            throw StoreError(code: .conflict, key: "storage.edited_meanwhile", ["id": "\(id)"])
        }
        try checkIDs(update.followUps, of: id, stored: stored)
        let changes = PostMortemChanges(from: current, to: update)
        guard !changes.isEmpty else { return (postMortem, changes) }
        // A closed incident's post-mortem is read: its follow-ups are still tracked to their end, but what it
        // says changes only once the incident is reopened, with a reason.
        if closed,
            update.fields != current.fields || update.comments != current.comments
                || update.noActionReason != current.noActionReason
        {
            throw StoreError(code: .conflict, key: "storage.closed_postmortem", ["id": "\(id)"])
        }
        var edited = postMortem
        edited.fields = update.fields
        edited.comments = update.comments
        edited.noActionReason = update.noActionReason
        edited.updatedAt = now
        // Nor may it undo what let it close: its root cause, or its follow-ups or no-action reason.
        let missing = edited.missingForClose(followUps: stored + changes.added)
        if closed, !missing.isEmpty {
            throw StoreError(
                code: .conflict, key: "storage.closed_keeps",
                ["id": "\(id)", "missing": CloseNeed.list(missing, in: .english)])
        }
        return (edited, changes)
    }

    /// Refuses a follow-up without a description, or marked won't do without a reason.
    public static func validate(_ followUp: FollowUp) throws(StoreError) {
        guard !followUp.description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw StoreError(code: .conflict, key: "storage.follow_up_description")
        }
        if followUp.status == .wontDo && (followUp.reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw StoreError(code: .conflict, key: "storage.wont_do_reason")
        }
    }

    /// A follow-up as it is to be stored over `stored` (its earlier version, if any): stamped with when it was
    /// first stored and when it was closed (kept while it stays closed the same way, cleared when it reopens).
    public static func stamped(_ followUp: FollowUp, over stored: FollowUp?, at now: Date) -> FollowUp {
        var saved = followUp
        saved.createdAt = stored?.createdAt ?? saved.createdAt ?? now
        switch saved.status {
        case .open: saved.closedAt = nil
        case .done, .wontDo: saved.closedAt = stored?.status == saved.status ? stored?.closedAt ?? now : now
        }
        return saved
    }

    /// Refuses follow-up ids that are not this incident's, or that appear twice.
    private static func checkIDs(_ followUps: [FollowUp], of id: IncidentID, stored: [FollowUp]) throws(StoreError) {
        var seen: Set<Int64> = []
        for followUpID in followUps.compactMap(\.id) {
            guard stored.contains(where: { $0.id == followUpID }) else {
                throw StoreError(
                    code: .conflict, key: "storage.no_follow_up", ["id": "\(id)", "follow_up": "\(followUpID)"])
            }
            guard seen.insert(followUpID).inserted else {
                throw StoreError(code: .conflict, key: "storage.follow_up_twice", ["follow_up": "\(followUpID)"])
            }
        }
    }
}

extension PostMortemReport {
    /// The people asked to act on the incident while it was live, in the order first asked: its pages, raises,
    /// escalations, approval requests and step reminders, all queued before it resolved. What came with or after
    /// its resolution (the resolved notice, the post-mortem's reminders and overdue notice, follow-up reminders)
    /// and approval outcomes, which only inform, did not page anyone about the incident.
    public static func paged(_ notifications: [OutboxEntry], resolvedAt: Date?) -> [Recipient] {
        notifications.filter { entry in
            entry.kind.asksToAct && resolvedAt.map { entry.createdAt < $0 } ?? true
        }.flatMap(\.recipients)
    }
}

extension PostMortemApproval {
    /// An approval as the post-mortem and the weekly report read it.
    public init(_ approval: Approval) {
        self.init(
            title: approval.title, outcome: Outcome(rawValue: approval.state.rawValue) ?? .pending,
            requestedAt: approval.requestedAt, answeredBy: approval.answeredBy, answeredAt: approval.answeredAt)
    }
}

extension PostMortemUpdate {
    /// The update with every follow-up it lists belonging to incident `id`, whatever the editor sent.
    public func of(_ id: IncidentID) -> PostMortemUpdate {
        PostMortemUpdate(
            fields: fields, comments: comments, noActionReason: noActionReason,
            followUps: followUps.map { item in
                var item = item
                item.incidentID = id
                return item
            })
    }
}
