public import BeaconCore
public import Foundation
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
    public func recent(rule: RuleID, span: Double) async throws -> [String: [Sample]] {
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
                arguments: [rule.rawValue, Int64((span * 1_000).rounded(.up))])
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
    /// The incidents of this store, for those who read them.
    public var incidentReader: SQLiteIncidents { SQLiteIncidents(store: self) }
}

/// Incidents in SQLite, read. Reads in WAL mode never wait on a writer, so these run on the caller's thread.
public struct SQLiteIncidents: IncidentRepository {
    let store: BeaconStore

    public func incident(_ id: IncidentID) async throws -> Incident? { try store.incident(id) }
    public func incidents(_ ids: [IncidentID]) async throws -> [IncidentID: Incident] { try store.incidents(ids) }
    public func incidents(statuses: [IncidentStatus], since: Date?, limit: Int) async throws -> [Incident] {
        try store.incidents(statuses: statuses, since: since, limit: limit)
    }
    public func incidents(matching query: IncidentQuery) async throws -> [Incident] {
        try store.incidents(matching: query)
    }
    public func activeIncidents() async throws -> [Incident] {
        try store.incidents(statuses: IncidentStatus.active, limit: 100_000)
    }
    public func timeline(_ id: IncidentID) async throws -> [TimelineEvent] { try store.timeline(id) }
    public func runSteps(_ id: IncidentID) async throws -> [RunStep] { try store.runSteps(id) }
    public func deadlines(_ id: IncidentID) async throws -> [Deadline] { try store.deadlines(id) }
    public func notifications(_ id: IncidentID) async throws -> [OutboxEntry] { try store.notifications(id) }
    public func acknowledgers(_ ids: [IncidentID]) async throws -> [IncidentID: String] {
        try store.acknowledgers(ids)
    }
    public func approvals(_ id: IncidentID) async throws -> [Approval] { try store.approvals(id) }
    public func approval(_ id: ApprovalID) async throws -> Approval? { try store.approval(id) }
    public func pendingApprovals() async throws -> [Approval] { try store.pendingApprovals() }
    public func answeredApprovals(limit: Int) async throws -> [Approval] { try store.answeredApprovals(limit: limit) }
    public func recentSeries(from: Date, to: Date) async throws -> [SeriesSamples] {
        try store.recentSeries(from: from, to: to)
    }
    public func samples(rule: RuleID, labels: Labels, from: Date, to: Date) async throws -> [Sample] {
        try store.samples(rule: rule, labels: labels, from: from, to: to)
    }
}

extension BeaconStore {
    /// The weekly report's reads in this store.
    public var reports: SQLiteReports { SQLiteReports(store: self) }
}

/// The weekly report in SQLite: one read transaction with a fixed number of queries.
public struct SQLiteReports: ReportRepository {
    let store: BeaconStore

    public func weeklyReport(
        _ week: ISOWeek, calendar: Calendar, ruleTitles: [RuleID: String], holidays: HolidayCalendar, at now: Date
    )
        async throws -> WeeklyReport
    {
        try store.weeklyReport(week, calendar: calendar, ruleTitles: ruleTitles, holidays: holidays, at: now)
    }
}
