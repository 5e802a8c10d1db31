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
        let update = update.of(id)
        return try await ledger.store.writer.write { db in
            guard let postMortem = try PostMortem.fetchOne(db, key: id.rawValue) else { throw Self.noPostMortem(id) }
            let stored = try FollowUp.filter(Column("incident_id") == id.rawValue).order(Column("id")).fetchAll(db)
            let closed = try Incident.fetchOne(db, key: id.rawValue)?.status == .closed
            let (edited, changes) = try PostMortemRules.plan(
                update, of: postMortem, stored: stored, closed: closed, since: base, at: now)
            guard !changes.isEmpty else { return changes }
            try edited.update(db)
            for item in changes.added + changes.changed { _ = try Self.store(item, db, at: now) }
            var event = TimelineEvent(
                incidentID: id, at: now, actor: actor, fact: .postMortemEdited(by: actor, changes: changes.edit))
            try event.insert(db)
            return changes
        }
    }
}
