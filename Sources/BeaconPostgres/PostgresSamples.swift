public import BeaconCore
import Foundation
import PostgresNIO

extension PostgresStore {
    /// The series samples of this store: the change rules' history, shared by every node, so a source's new
    /// owner is not blind.
    public var samples: PostgresSamples { PostgresSamples(store: self) }
}

/// Series samples in PostgreSQL: milliseconds and values, clustered by series.
public struct PostgresSamples: SampleRepository {
    let store: PostgresStore

    public func append(_ batches: [SeriesBatch]) async throws {
        guard !batches.isEmpty else { return }
        try await store.transaction { connection in
            for batch in batches where !batch.samples.isEmpty {
                let series = try await Self.seriesID(connection, rule: batch.rule, labels: batch.labels, store.logger)
                let at = batch.samples.map { Self.milliseconds($0.at) }
                let values = batch.samples.map(\.value)
                try await connection.query(
                    """
                    INSERT INTO series_sample (series_id, at, value)
                    SELECT \(series), at, value FROM unnest(\(at)::bigint[], \(values)::float8[]) AS s(at, value)
                    ON CONFLICT (series_id, at) DO UPDATE SET value = excluded.value
                    """, logger: store.logger)
            }
        }
    }

    public func recent(rule: RuleID, span: Double) async throws -> [String: [Sample]] {
        let rows = try await store.client.query(
            """
            SELECT series.labels, series_sample.at, series_sample.value FROM series
            JOIN series_sample ON series_sample.series_id = series.id
            WHERE series.rule_id = \(rule.rawValue) AND series_sample.at >= (
                SELECT max(at) FROM series_sample WHERE series_id = series.id) - \(Int64((span * 1_000).rounded(.up)))
            ORDER BY series.id, series_sample.at
            """, logger: store.logger)
        var samples: [String: [Sample]] = [:]
        for try await (labels, at, value) in rows.decode((String, Int64, Double).self) {
            samples[labels, default: []].append(Sample(at: Self.date(at), value: value))
        }
        return samples
    }

    /// The samples of one series in `[from, to]`, oldest first.
    func samples(rule: RuleID, labels: Labels, from: Date, to: Date) async throws -> [Sample] {
        let rows = try await store.client.query(
            """
            SELECT series_sample.at, series_sample.value FROM series_sample
            JOIN series ON series.id = series_sample.series_id
            WHERE series.rule_id = \(rule.rawValue) AND series.labels = \(labels.description)
              AND series_sample.at BETWEEN \(Self.milliseconds(from)) AND \(Self.milliseconds(to))
            ORDER BY series_sample.at
            """, logger: store.logger)
        var samples: [Sample] = []
        for try await (at, value) in rows.decode((Int64, Double).self) {
            samples.append(Sample(at: Self.date(at), value: value))
        }
        return samples
    }

    /// Every series with samples in `[from, to]`, each with those samples, oldest first; series by rule, then
    /// labels.
    func recentSeries(from: Date, to: Date) async throws -> [SeriesSamples] {
        let rows = try await store.client.query(
            """
            SELECT series.rule_id, series.labels, series_sample.at, series_sample.value FROM series
            JOIN series_sample ON series_sample.series_id = series.id
            WHERE series_sample.at BETWEEN \(Self.milliseconds(from)) AND \(Self.milliseconds(to))
            ORDER BY series.rule_id, series.labels, series_sample.at
            """, logger: store.logger)
        var all: [SeriesSamples] = []
        for try await (rule, labels, at, value) in rows.decode((String, String, Int64, Double).self) {
            let sample = Sample(at: Self.date(at), value: value)
            if let last = all.last, last.rule.rawValue == rule, last.labels == labels {
                all[all.count - 1].samples.append(sample)
            } else {
                all.append(SeriesSamples(rule: RuleID(rule), labels: labels, samples: [sample]))
            }
        }
        return all
    }

    /// The series' id, made on first use; two nodes making it at once agree on one.
    private static func seriesID(
        _ connection: PostgresConnection, rule: RuleID, labels: Labels, _ logger: Logger
    ) async throws -> Int64 {
        let rows = try await connection.query(
            """
            WITH made AS (
                INSERT INTO series (rule_id, labels) VALUES (\(rule.rawValue), \(labels.description))
                ON CONFLICT (rule_id, labels) DO NOTHING RETURNING id)
            SELECT id FROM made
            UNION ALL SELECT id FROM series WHERE rule_id = \(rule.rawValue) AND labels = \(labels.description)
            LIMIT 1
            """, logger: logger)
        for try await id in rows.decode(Int64.self) { return id }
        throw StoreError(code: .conflict, key: "storage.not_stored")
    }

    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1_000).rounded()) }
    static func date(_ milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1_000) }
}
