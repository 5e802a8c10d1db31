package import BeaconCore
package import Foundation
import GRDB

extension BeaconStore {
    /// Appends samples of one series, creating the series on first use. A sample at an instant already
    /// stored replaces it.
    package func append(_ samples: [Sample], rule: RuleID, labels: Labels) throws {
        try append([(rule, labels, samples)])
    }

    /// Appends samples of many series in one transaction.
    package func append(_ batches: [(rule: RuleID, labels: Labels, samples: [Sample])]) throws {
        try writer.write { db in try Self.insert(db, batches) }
    }

    static func insert(_ db: Database, _ batches: [(rule: RuleID, labels: Labels, samples: [Sample])]) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO series_sample (series_id, at, value) VALUES (?, ?, ?)")
        for batch in batches {
            let series = try seriesID(db, rule: batch.rule, labels: batch.labels)
            for sample in batch.samples {
                try statement.execute(arguments: [series, milliseconds(sample.at), sample.value])
            }
        }
    }

    /// The samples of one series in `[from, to]`, oldest first.
    package func samples(rule: RuleID, labels: Labels, from: Date, to: Date) throws -> [Sample] {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT series_sample.at, series_sample.value FROM series_sample
                    JOIN series ON series.id = series_sample.series_id
                    WHERE series.rule_id = ? AND series.labels = ? AND series_sample.at BETWEEN ? AND ?
                    ORDER BY series_sample.at
                    """,
                arguments: [rule.rawValue, labels.description, Self.milliseconds(from), Self.milliseconds(to)])
            return rows.map { Sample(at: Date(timeIntervalSince1970: Double($0[0] as Int64) / 1_000), value: $0[1]) }
        }
    }

    /// Deletes samples older than `cutoff`, across every series.
    /// - Returns: the number deleted.
    @discardableResult
    package func pruneSamples(before cutoff: Date) throws -> Int {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM series_sample WHERE at < ?", arguments: [Self.milliseconds(cutoff)])
            return db.changesCount
        }
    }

    private static func seriesID(_ db: Database, rule: RuleID, labels: Labels) throws -> Int64 {
        let key = labels.description
        if let id = try Int64.fetchOne(
            db, sql: "SELECT id FROM series WHERE rule_id = ? AND labels = ?", arguments: [rule.rawValue, key])
        {
            return id
        }
        try db.execute(sql: "INSERT INTO series (rule_id, labels) VALUES (?, ?)", arguments: [rule.rawValue, key])
        return db.lastInsertedRowID
    }

    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1_000).rounded()) }
}
