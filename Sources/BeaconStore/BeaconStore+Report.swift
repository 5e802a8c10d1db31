package import BeaconCore
package import Foundation
import GRDB

extension BeaconStore {
    /// The weekly report of `week`, read in one transaction with a fixed number of queries.
    ///
    /// It reads the incidents opened in the week and the week before (by the `opened_at` index), the deadlines,
    /// run steps, approvals and step timeline events of the week's incidents (joined, by their `incident_id`
    /// indexes; the events tell every period a recurring step was done in), and the follow-ups
    /// created, closed or overdue in the week (by the `follow_up` date indexes).
    /// - Parameters:
    ///   - calendar: the calendar whose time zone bounds the week (see `ISOWeek.calendar(in:)`).
    ///   - ruleTitles: the configured rules' titles by id, to name the rules that fired most.
    ///   - now: report time.
    package func weeklyReport(
        _ week: ISOWeek, calendar: Calendar, ruleTitles: [RuleID: String] = [:],
        holidays: HolidayCalendar = HolidayCalendar(), at now: Date
    ) throws -> WeeklyReport {
        var inputs = try writer.read { db in
            try Self.weeklyInputs(db, week, calendar: calendar, ruleTitles: ruleTitles, at: now)
        }
        inputs.holidays = holidays
        return WeeklyReport.compute(week: week, calendar: calendar, inputs: inputs, now: now)
    }

    private static func weeklyInputs(
        _ db: Database, _ week: ISOWeek, calendar: Calendar, ruleTitles: [RuleID: String], at now: Date
    ) throws -> WeeklyReport.Inputs {
        let start = week.start(in: calendar).timeIntervalSince1970
        let end = week.end(in: calendar).timeIntervalSince1970
        let previousStart = week.previous.start(in: calendar).timeIntervalSince1970
        let opened = Incident.StoreColumns.openedAt
        let incidents = try Incident.filter(opened >= previousStart && opened < end).order(opened).fetchAll(db)
        let inWeek =
            "JOIN incident ON incident.id = incident_id WHERE incident.opened_at >= ? AND incident.opened_at < ?"
        let range: StatementArguments = [start, end]
        let deadlines = try Deadline.fetchAll(db, sql: "SELECT deadline.* FROM deadline \(inWeek)", arguments: range)
        let steps = try RunStep.fetchAll(db, sql: "SELECT run_step.* FROM run_step \(inWeek)", arguments: range)
        let approvals = try Approval.fetchAll(db, sql: "SELECT approval.* FROM approval \(inWeek)", arguments: range)
        let stepEvents = try TimelineEvent.fetchAll(
            db, sql: "SELECT timeline_event.* FROM timeline_event \(inWeek) AND timeline_event.kind = 'step'",
            arguments: range)
        let (deadlinesOf, stepsOf, approvalsOf, stepEventsOf) = (
            Dictionary(grouping: deadlines, by: \.incidentID), Dictionary(grouping: steps, by: \.incidentID),
            Dictionary(grouping: approvals, by: \.incidentID), Dictionary(grouping: stepEvents, by: \.incidentID)
        )
        let records = incidents.filter { $0.openedAt.timeIntervalSince1970 >= start }.compactMap { incident in
            incident.id.map { id in
                WeeklyReport.Record(
                    incident: incident, deadlines: deadlinesOf[id] ?? [], steps: stepsOf[id] ?? [],
                    approvals: (approvalsOf[id] ?? []).map(PostMortemApproval.init),
                    completions: StepCompletions(stepEventsOf[id] ?? []))
            }
        }
        let acknowledgers = try Row.fetchAll(
            db,
            sql: """
                SELECT timeline_event.incident_id AS id, timeline_event.actor AS actor FROM timeline_event \(inWeek)
                AND timeline_event.kind = 'acknowledged' ORDER BY timeline_event.id
                """, arguments: range)
        var firstAcknowledger: [Int64: String] = [:]
        for row in acknowledgers where firstAcknowledger[row["id"]] == nil {
            firstAcknowledger[row["id"]] = row["actor"]
        }
        let acknowledgements = records.compactMap { record -> WeeklyReport.Acknowledgement? in
            guard let id = record.incident.id?.rawValue, let person = firstAcknowledger[id],
                let at = record.incident.acknowledgedAt
            else { return nil }
            return WeeklyReport.Acknowledgement(person: person, seconds: at.timeIntervalSince(record.incident.openedAt))
        }
        return WeeklyReport.Inputs(
            records: records, previousIncidents: incidents.filter { $0.openedAt.timeIntervalSince1970 < start },
            followUps: try followUps(db, from: start, to: end, cutoff: min(end, now.timeIntervalSince1970)),
            ruleTitles: ruleTitles, pages: try pages(db, from: start, to: end), acknowledgements: acknowledgements)
    }

    /// Everyone asked to act from `start` to `end`: the recipient of a personal notification, everyone a group
    /// message names; once per notice, however many channels it took (its base key).
    private static func pages(_ db: Database, from start: Double, to end: Double) throws -> [WeeklyReport.PageReceived]
    {
        let asking = NotificationKind.allCases.filter(\.asksToAct).map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT base_key, created_at, recipient, json_extract(message, '$.mentions') AS mentions
                FROM notification WHERE created_at >= ? AND created_at < ? AND kind IN (\(asking)) ORDER BY id
                """, arguments: [start, end])
        let decoder = JSONDecoder()
        var seen = Set<String>()
        var pages: [WeeklyReport.PageReceived] = []
        for row in rows {
            let at = Date(timeIntervalSince1970: row["created_at"])
            for recipient in try IncidentLedger.recipients(of: row, decoder) {
                let person = recipient.id.rawValue
                guard seen.insert("\(row["base_key"] as String)|\(person)").inserted else { continue }
                pages.append(WeeklyReport.PageReceived(person: person, at: at))
            }
        }
        return pages
    }

    /// Follow-ups created or closed in the week, or open at `cutoff` and due before it.
    private static func followUps(
        _ db: Database, from start: Double, to end: Double, cutoff: Double
    ) throws
        -> [FollowUp]
    {
        try FollowUp.fetchAll(
            db, sql: followUpsOfWeekSQL, arguments: ["start": start, "end": end, "cutoff": cutoff])
    }

    /// Each branch of the `OR` has its own index, so SQLite reads the union of four index ranges. No `ORDER BY`:
    /// ordering by id would make it scan the table; the report sorts what it shows.
    static let followUpsOfWeekSQL = """
        SELECT * FROM follow_up
        WHERE (created_at >= :start AND created_at < :end)
           OR (closed_at >= :start AND closed_at < :end)
           OR (status = 'open' AND due_at < :cutoff)
           OR (closed_at >= :cutoff AND due_at < :cutoff)
        """
}
