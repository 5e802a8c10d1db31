package import BeaconCore
package import Foundation
import GRDB

extension BeaconStore {
    /// Every series with samples in `[from, to]`, each with those samples, oldest first; series ordered by
    /// rule, then labels.
    ///
    /// One range read per series on the `(series_id, at)` key, so the cost follows the window, not the
    /// days of samples kept.
    package func recentSeries(from: Date, to: Date) throws -> [SeriesSamples] {
        try writer.read { db in
            let series = try Row.fetchAll(db, sql: "SELECT id, rule_id, labels FROM series ORDER BY rule_id, labels")
            let statement = try db.cachedStatement(
                sql: "SELECT at, value FROM series_sample WHERE series_id = ? AND at BETWEEN ? AND ? ORDER BY at")
            return try series.compactMap { row -> SeriesSamples? in
                let samples = try Row.fetchAll(
                    statement, arguments: [row[0] as Int64, Self.milliseconds(from), Self.milliseconds(to)]
                ).map { Sample(at: Date(timeIntervalSince1970: Double($0[0] as Int64) / 1_000), value: $0[1]) }
                guard !samples.isEmpty else { return nil }
                return SeriesSamples(rule: RuleID(row[1] as String), labels: row[2], samples: samples)
            }
        }
    }

    /// Who acknowledged each of these incidents: the actor of its latest `acknowledged` event.
    package func acknowledgers(_ ids: [IncidentID]) throws -> [IncidentID: String] {
        guard !ids.isEmpty else { return [:] }
        return try writer.read { db in
            let rows = try Row.fetchAll(
                db,
                TimelineEvent.filter(ids.map(\.rawValue).contains(TimelineEvent.StoreColumns.incidentID))
                    .filter(Column("kind") == TimelineKind.acknowledged.rawValue)
                    .select(TimelineEvent.StoreColumns.incidentID, Column("actor"))
                    .order(TimelineEvent.StoreColumns.at, TimelineEvent.StoreColumns.id))
            var actors: [IncidentID: String] = [:]
            for row in rows { actors[IncidentID(row[0] as Int64)] = row[1] }
            return actors
        }
    }

    /// Incidents matching a console query, newest first.
    package func incidents(matching query: IncidentQuery) throws -> [Incident] {
        try writer.read { db in
            var request =
                !query.byNumber
                ? Incident.order(Incident.StoreColumns.openedAt.desc, Incident.StoreColumns.id.desc)
                : Incident.order(Incident.StoreColumns.id.desc)
            if !query.statuses.isEmpty {
                request = request.filter(query.statuses.map(\.rawValue).contains(Incident.StoreColumns.status))
            }
            if let since = query.since {
                request = request.filter(Incident.StoreColumns.openedAt >= since.timeIntervalSince1970)
            }
            if let before = query.before { request = request.filter(Incident.StoreColumns.id < before.rawValue) }
            if !query.severities.isEmpty {
                request = request.filter(query.severities.map(\.rawValue).contains(Column("severity")))
            }
            if !query.categories.isEmpty {
                request = request.filter(query.categories.map(\.rawValue).contains(Column("category")))
            }
            let words = query.text.split(whereSeparator: \.isWhitespace)
            for word in words {
                // LIKE with an escape character, so `%` and `_` typed by a person match themselves.
                let pattern = "%" + Self.likeEscaped(String(word)) + "%"
                request = request.filter(sql: "title LIKE ? ESCAPE '\\'", arguments: [pattern])
            }
            return try request.limit(query.limit).fetchAll(db)
        }
    }

    /// Approvals answered (approved or rejected) most recently first.
    package func answeredApprovals(limit: Int) throws -> [Approval] {
        try writer.read { db in
            try Approval.filter(["approved", "rejected"].contains(Column("state")))
                .order(Column("answered_at").desc, Column("id").desc).limit(limit).fetchAll(db)
        }
    }

    /// The incidents with these ids, by id.
    package func incidents(_ ids: [IncidentID]) throws -> [IncidentID: Incident] {
        guard !ids.isEmpty else { return [:] }
        return try writer.read { db in
            let found = try Incident.filter(ids.map(\.rawValue).contains(Incident.StoreColumns.id)).fetchAll(db)
            return Dictionary(found.compactMap { incident in incident.id.map { ($0, incident) } }) { first, _ in first }
        }
    }

    private static func likeEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
