public import BeaconCore
import Foundation
import GRDB

extension BeaconStore {
    /// The series samples of this store, as the monitor keeps them.
    public var samples: SQLiteSamples { SQLiteSamples(store: self) }
}

/// Series samples in SQLite: milliseconds and values, clustered by series.
public struct SQLiteSamples: SampleRepository {
    let store: BeaconStore

    /// The samples of every series of `rule` within `span` seconds of the series' newest, oldest first, by the
    /// series' labels as text (`{region="east"}`, the form fingerprints use).
    public func recent(rule: String, span: Double) async throws -> [String: [Sample]] {
        try await store.writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT series.labels, series_sample.at, series_sample.value FROM series
                    JOIN series_sample ON series_sample.series_id = series.id
                    WHERE series.rule_id = ? AND series_sample.at >= (
                        SELECT MAX(at) FROM series_sample WHERE series_id = series.id) - ?
                    ORDER BY series.id, series_sample.at
                    """,
                arguments: [rule, Int64((span * 1_000).rounded(.up))])
            var samples: [String: [Sample]] = [:]
            for row in rows {
                let at = Date(timeIntervalSince1970: Double(row[1] as Int64) / 1_000)
                samples[row[0], default: []].append(Sample(at: at, value: row[2]))
            }
            return samples
        }
    }

    public func append(_ batches: [SeriesBatch]) async throws {
        try await store.writer.write { db in try BeaconStore.insert(db, batches) }
    }
}

extension BeaconStore {
    /// The incidents of this store, for those who only read them.
    public var incidentReader: SQLiteIncidents { SQLiteIncidents(store: self) }
}

/// Incidents in SQLite, read.
public struct SQLiteIncidents: IncidentRepository {
    let store: BeaconStore

    public func activeIncidents() async throws -> [Incident] {
        try await store.writer.read { db in
            try Incident.filter(IncidentStatus.active.map(\.rawValue).contains(Incident.StoreColumns.status))
                .order(Incident.StoreColumns.openedAt.desc, Incident.StoreColumns.id.desc).fetchAll(db)
        }
    }
}
