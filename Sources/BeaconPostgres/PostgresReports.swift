public import BeaconCore
public import Foundation
import PostgresNIO

extension PostgresStore {
    /// The weekly report's reads in this store.
    public var reports: PostgresReports { PostgresReports(store: self) }
}

/// The weekly report in PostgreSQL: the same inputs as the SQLite store reads, in one repeatable-read
/// transaction, computed by `WeeklyReport.compute`.
public struct PostgresReports: ReportRepository {
    let store: PostgresStore

    public func weeklyReport(
        _ week: ISOWeek, calendar: Calendar, ruleTitles: [RuleID: String], holidays: HolidayCalendar, at now: Date
    ) async throws -> WeeklyReport {
        let logger = store.logger
        var inputs = try await store.transaction { connection in
            try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ", logger: logger)
            return try await Self.inputs(connection, week, calendar: calendar, ruleTitles: ruleTitles, at: now, logger)
        }
        inputs.holidays = holidays
        return WeeklyReport.compute(week: week, calendar: calendar, inputs: inputs, now: now)
    }

    private static func inputs(
        _ connection: PostgresConnection, _ week: ISOWeek, calendar: Calendar, ruleTitles: [RuleID: String],
        at now: Date, _ logger: Logger
    ) async throws -> WeeklyReport.Inputs {
        let start = week.start(in: calendar)
        let end = week.end(in: calendar)
        let previousStart = week.previous.start(in: calendar)
        func fetch<T: Decodable>(_ type: T.Type, _ query: PostgresQuery) async throws -> [T] {
            try await PostgresStore.fetch(type, query, on: connection, logger: logger)
        }
        let incidents = try await fetch(
            Incident.self,
            "SELECT * FROM incident WHERE opened_at >= \(previousStart) AND opened_at < \(end) ORDER BY opened_at")
        let deadlines = try await fetch(
            Deadline.self,
            """
            SELECT d.* FROM deadline d JOIN incident i ON i.id = d.incident_id
            WHERE i.opened_at >= \(start) AND i.opened_at < \(end)
            """)
        let steps = try await fetch(
            RunStep.self,
            """
            SELECT s.* FROM run_step s JOIN incident i ON i.id = s.incident_id
            WHERE i.opened_at >= \(start) AND i.opened_at < \(end)
            """)
        let approvals = try await fetch(
            Approval.self,
            """
            SELECT a.* FROM approval a JOIN incident i ON i.id = a.incident_id
            WHERE i.opened_at >= \(start) AND i.opened_at < \(end)
            """)
        let events = try await fetch(
            TimelineEvent.self,
            """
            SELECT e.* FROM timeline_event e JOIN incident i ON i.id = e.incident_id
            WHERE i.opened_at >= \(start) AND i.opened_at < \(end) AND e.kind IN ('step', 'acknowledged')
            ORDER BY e.id
            """)
        let stepEvents = events.filter { $0.kind == .step }
        let (deadlinesOf, stepsOf, approvalsOf, stepEventsOf) = (
            Dictionary(grouping: deadlines, by: \.incidentID), Dictionary(grouping: steps, by: \.incidentID),
            Dictionary(grouping: approvals, by: \.incidentID), Dictionary(grouping: stepEvents, by: \.incidentID)
        )
        let records = incidents.filter { $0.openedAt >= start }.compactMap { incident in
            incident.id.map { id in
                WeeklyReport.Record(
                    incident: incident, deadlines: deadlinesOf[id] ?? [],
                    steps: (stepsOf[id] ?? []).sorted { $0.position < $1.position },
                    approvals: (approvalsOf[id] ?? []).sorted { ($0.id?.rawValue ?? 0) < ($1.id?.rawValue ?? 0) }
                        .map(PostMortemApproval.init),
                    completions: StepCompletions(stepEventsOf[id] ?? []))
            }
        }
        var firstAcknowledger: [IncidentID: String] = [:]
        for event in events where event.kind == .acknowledged && firstAcknowledger[event.incidentID] == nil {
            firstAcknowledger[event.incidentID] = event.actor
        }
        let acknowledgements = records.compactMap { record -> WeeklyReport.Acknowledgement? in
            guard let id = record.incident.id, let person = firstAcknowledger[id],
                let at = record.incident.acknowledgedAt
            else { return nil }
            return WeeklyReport.Acknowledgement(person: person, seconds: at.timeIntervalSince(record.incident.openedAt))
        }
        let cutoff = min(end, now)
        let followUps = try await fetch(
            FollowUp.self,
            """
            SELECT * FROM follow_up
            WHERE (created_at >= \(start) AND created_at < \(end))
               OR (closed_at >= \(start) AND closed_at < \(end))
               OR (status = 'open' AND due_at < \(cutoff))
               OR (closed_at >= \(cutoff) AND due_at < \(cutoff))
            """)
        return WeeklyReport.Inputs(
            records: records, previousIncidents: incidents.filter { $0.openedAt < start }, followUps: followUps,
            ruleTitles: ruleTitles, pages: try await pages(connection, from: start, to: end, logger),
            acknowledgements: acknowledgements)
    }

    /// Everyone asked to act from `start` to `end`: the recipient of a personal notification, everyone a group
    /// message names; once per notice, however many channels it took (its base key).
    private static func pages(
        _ connection: PostgresConnection, from start: Date, to end: Date, _ logger: Logger
    ) async throws -> [WeeklyReport.PageReceived] {
        let asking = NotificationKind.allCases.filter(\.asksToAct).map(\.rawValue)
        let rows = try await connection.query(
            """
            SELECT base_key, created_at, recipient::text, (message -> 'mentions')::text FROM notification
            WHERE created_at >= \(start) AND created_at < \(end) AND kind = ANY(\(asking)) ORDER BY id
            """, logger: logger)
        let decoder = JSONDecoder()
        var seen = Set<String>()
        var pages: [WeeklyReport.PageReceived] = []
        for try await (baseKey, at, recipient, mentions) in rows.decode((String, Date, String, String?).self) {
            let people =
                if let mentions, mentions != "null" {
                    try decoder.decode([Recipient].self, from: Data(mentions.utf8))
                } else {
                    [try decoder.decode(Recipient.self, from: Data(recipient.utf8))]
                }
            for person in people where seen.insert("\(baseKey)|\(person.id.rawValue)").inserted {
                pages.append(WeeklyReport.PageReceived(person: person.id.rawValue, at: at))
            }
        }
        return pages
    }
}
