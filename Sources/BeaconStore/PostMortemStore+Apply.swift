public import BeaconCore
public import Foundation
import GRDB

extension PostMortemStore {
    /// Applies an edit of a post-mortem in one transaction (see `PostMortemRepository.apply`). Nothing is ever
    /// deleted.
    @discardableResult
    public func apply(
        _ update: PostMortemUpdate, to id: IncidentID, by actor: String, at now: Date, since base: PostMortemUpdate?
    ) async throws -> PostMortemChanges {
        let update = PostMortemUpdate(
            fields: update.fields, comments: update.comments, noActionReason: update.noActionReason,
            followUps: update.followUps.map { item in
                var item = item
                item.incidentID = id
                return item
            })
        for item in update.followUps { try Self.check(item) }
        return try await ledger.store.writer.write { db in
            guard var postMortem = try PostMortem.fetchOne(db, key: id.rawValue) else { throw Self.noPostMortem(id) }
            let stored = try FollowUp.filter(Column("incident_id") == id.rawValue).order(Column("id")).fetchAll(db)
            let current = PostMortemUpdate(postMortem, followUps: stored)
            if let base, base != current {
                throw StoreError(code: .conflict, key: "storage.edited_meanwhile", ["id": "\(id)"])
            }
            try Self.checkIDs(update.followUps, of: id, stored: stored)
            let changes = PostMortemChanges(from: current, to: update)
            guard !changes.isEmpty else { return changes }
            try Self.checkOnlyFollowUpsMove(current, update, of: id, db)
            postMortem.fields = update.fields
            postMortem.comments = update.comments
            postMortem.noActionReason = update.noActionReason
            postMortem.updatedAt = now
            try Self.checkStillClosable(postMortem, followUps: stored + changes.added, of: id, db)
            try postMortem.update(db)
            for item in changes.added + changes.changed { _ = try Self.store(item, db, at: now) }
            var event = TimelineEvent(
                incidentID: id, at: now, actor: actor, fact: .postMortemEdited(by: actor, changes: changes.edit))
            try event.insert(db)
            return changes
        }
    }

    /// A closed incident's post-mortem is read: its follow-ups are still tracked to their end, but what it says
    /// changes only once the incident is reopened, with a reason.
    private static func checkOnlyFollowUpsMove(
        _ current: PostMortemUpdate, _ update: PostMortemUpdate, of id: IncidentID, _ db: Database
    ) throws {
        guard try Incident.fetchOne(db, key: id.rawValue)?.status == .closed else { return }
        guard update.fields == current.fields, update.comments == current.comments,
            update.noActionReason == current.noActionReason
        else {
            throw StoreError(code: .conflict, key: "storage.closed_postmortem", ["id": "\(id)"])
        }
    }

    /// Refuses to undo what let a closed incident close: its root cause, or its follow-ups or no-action reason.
    private static func checkStillClosable(
        _ postMortem: PostMortem, followUps: [FollowUp], of id: IncidentID, _ db: Database
    ) throws {
        guard try Incident.fetchOne(db, key: id.rawValue)?.status == .closed else { return }
        let missing = postMortem.missingForClose(followUps: followUps)
        guard missing.isEmpty else {
            throw StoreError(
                code: .conflict, key: "storage.closed_keeps",
                ["id": "\(id)", "missing": CloseNeed.list(missing, in: .english)])
        }
    }

    /// Refuses follow-up ids that are not this incident's, or that appear twice.
    private static func checkIDs(_ followUps: [FollowUp], of id: IncidentID, stored: [FollowUp]) throws {
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
