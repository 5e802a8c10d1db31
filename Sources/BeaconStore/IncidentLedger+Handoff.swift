import BeaconCore
public import Foundation
import GRDB

extension IncidentLedger {
    /// Where the last handoff check ended, in the `setting` table.
    static let handoffCheckpoint = "handoffs.checked_through"

    /// Queues the messages of every shift change since the last check, up to `now`: the incoming person's list
    /// of the open incidents their layer holds, and the outgoing one's confirmation.
    ///
    /// The first check only sets the checkpoint; a change longer ago than `BeaconConfig.handoffLookback` is not
    /// told. The checkpoint and the messages commit together, and each message's key names the roster and the
    /// instant, so a restart or a second node never sends one twice.
    /// - Returns: how many notifications were queued.
    public func announceHandoffs(at now: Date) async throws -> Int {
        guard let planner, !planner.config.rosters.isEmpty else { return 0 }
        let config = planner.config
        return try await store.writer.write { db -> Int in
            let checked = try Double.fetchOne(
                db, sql: "SELECT CAST(value AS REAL) FROM setting WHERE key = ?", arguments: [Self.handoffCheckpoint])
            try db.execute(
                sql:
                    "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: [Self.handoffCheckpoint, now.timeIntervalSince1970])
            guard let checked else { return 0 }
            let from = max(Date(timeIntervalSince1970: checked), now.addingTimeInterval(-BeaconConfig.handoffLookback))
            guard now > from else { return 0 }
            let overrides = try RosterOverride.filter(
                sql: "removed_at IS NULL AND to_at > ? AND from_at <= ?",
                arguments: [from.timeIntervalSince1970, now.timeIntervalSince1970 + 14 * 86_400]
            ).fetchAll(db)
            let handoffs = config.handoffs(after: from, through: now, overrides: overrides)
            guard !handoffs.isEmpty else { return 0 }
            let planner = CommandPlanner(config: config, overrides: overrides)
            var queued = 0
            for handoff in handoffs {
                let held = try Self.incidents(db, heldBy: handoff.layer, paging: planner)
                for planned in PlannedNotification.grouped(planner.handoff(handoff, holding: held, at: now)) {
                    var entry = OutboxEntry(planned, approvalID: nil, at: now)
                    try entry.insert(db, onConflict: .ignore)
                    queued += db.changesCount
                }
            }
            return queued
        }
    }

    /// The open incidents a layer holds: those whose severity pages it, and those it was paged on since (an
    /// escalation, a raise), most severe first, then oldest.
    static func incidents(_ db: Database, heldBy layer: Layer, paging planner: CommandPlanner) throws -> [Incident] {
        let active = IncidentStatus.active.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let open = try Incident.filter(sql: "status IN (\(active))").fetchAll(db)
        let paged = try Set(
            Int64.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT n.incident_id FROM notification n JOIN incident i ON i.id = n.incident_id
                    WHERE i.status IN (\(active)) AND n.layer = ? AND n.kind IN ('page', 'raised', 'escalation')
                    """, arguments: [layer.rawValue]))
        return open.filter { incident in
            planner.paged(incident.severity).contains(layer) || incident.id.map { paged.contains($0.rawValue) } == true
        }.sorted { $0.severity != $1.severity ? $0.severity > $1.severity : $0.openedAt < $1.openedAt }
    }
}
