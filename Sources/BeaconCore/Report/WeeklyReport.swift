public import Foundation

/// The weekly statistics the emergency plan asks for, and more: the incidents opened in one ISO week by how they
/// came, category and severity; how fast they were acknowledged and resolved; whether each layer met its
/// deadlines; the rules that fired most; and the follow-up actions opened, closed and overdue.
///
/// Everything is computed by `compute(week:calendar:inputs:now:)` from the record, with no I/O.
public struct WeeklyReport: Sendable, Hashable, Codable {
    public var week: ISOWeek
    /// The time zone whose midnights bound the week (`Asia/Shanghai`).
    public var timeZone: String
    /// The week's Monday and Sunday, `2026-11-16` and `2026-11-22`.
    public var firstDay: String
    public var lastDay: String
    /// Monday 00:00, and the next Monday 00:00 (not included).
    public var startsAt: Date
    public var endsAt: Date
    /// When the report was computed: statuses, running deadlines and missing milestones are as of then.
    public var generatedAt: Date
    public var totals: Totals
    public var previousWeek: Comparison
    /// Every category, most incidents first.
    public var byCategory: [CategoryCount]
    /// By peak severity, `sev1` to `sev4`.
    public var bySeverity: [SeverityCount]
    /// MTTA and MTTR by peak severity, `sev1` to `sev4`.
    public var responseTimes: [ResponseTimes]
    /// Deadline compliance by layer: operation, execution, decision; every period of a recurring step counts.
    public var deadlines: [Compliance]
    /// The rules that opened the most incidents, at most `topRulesShown`.
    public var topRules: [RuleCount]
    public var followUps: FollowUpFigures
    /// Pages and acknowledgements per person, most pages first.
    public var workload: [PersonWorkload]

    /// How many rules `topRules` lists.
    public static let topRulesShown = 10

    /// One incident with the parts of its record the report reads.
    public struct Record: Sendable, Hashable {
        public var incident: Incident
        public var deadlines: [Deadline]
        public var steps: [RunStep]
        public var approvals: [PostMortemApproval]
        /// Every time each step was done, which answers the periods of recurring steps.
        public var completions: StepCompletions

        public init(
            incident: Incident, deadlines: [Deadline] = [], steps: [RunStep] = [],
            approvals: [PostMortemApproval] = [], completions: StepCompletions = StepCompletions()
        ) {
            self.incident = incident
            self.deadlines = deadlines
            self.steps = steps
            self.approvals = approvals
            self.completions = completions
        }
    }

    /// What the report is computed from. Anything outside the week is ignored, so a caller may pass more.
    public struct Inputs: Sendable, Hashable {
        /// The incidents opened in the week, with their deadlines, steps and approvals.
        public var records: [Record]
        /// The incidents opened in the week before, for the comparison.
        public var previousIncidents: [Incident]
        /// Follow-ups created or closed in the week, or open and due before it ended.
        public var followUps: [FollowUp]
        /// The configured rules' titles by rule id; a rule no longer configured is named by its latest incident.
        public var ruleTitles: [RuleID: String]
        /// Everyone asked to act in the week, once a page.
        public var pages: [PageReceived]
        /// Who acknowledged the week's incidents, and how fast.
        public var acknowledgements: [Acknowledgement]
        /// Whose working days count as working hours.
        public var holidays: HolidayCalendar

        public init(
            records: [Record], previousIncidents: [Incident] = [], followUps: [FollowUp] = [],
            ruleTitles: [RuleID: String] = [:], pages: [PageReceived] = [], acknowledgements: [Acknowledgement] = [],
            holidays: HolidayCalendar = HolidayCalendar()
        ) {
            self.pages = pages
            self.acknowledgements = acknowledgements
            self.holidays = holidays
            self.records = records
            self.previousIncidents = previousIncidents
            self.followUps = followUps
            self.ruleTitles = ruleTitles
        }
    }

    /// Computes the report of `week` from the record as it stands at `now`.
    /// - Parameters:
    ///   - calendar: the calendar whose time zone bounds the week (see `ISOWeek.calendar(in:)`).
    ///   - now: report time: incidents are counted active or resolved, and deadlines running, as of then.
    public static func compute(week: ISOWeek, calendar: Calendar, inputs: Inputs, now: Date) -> WeeklyReport {
        let (start, end) = (week.start(in: calendar), week.end(in: calendar))
        let records = inputs.records.filter { start <= $0.incident.openedAt && $0.incident.openedAt < end }
            .sorted { $0.incident.openedAt < $1.incident.openedAt }
        let incidents = records.map(\.incident)
        let previousStart = week.previous.start(in: calendar)
        let previous = inputs.previousIncidents.filter { previousStart <= $0.openedAt && $0.openedAt < start }
        return WeeklyReport(
            week: week, timeZone: calendar.timeZone.identifier, firstDay: week.days.first, lastDay: week.days.last,
            startsAt: start, endsAt: end, generatedAt: now, totals: Totals(incidents),
            previousWeek: Comparison(week: week.previous, totals: Totals(previous)),
            byCategory: categories(incidents), bySeverity: severities(incidents),
            responseTimes: responseTimes(incidents), deadlines: compliance(records, now: now),
            topRules: topRules(incidents, titles: inputs.ruleTitles),
            followUps: followUps(inputs.followUps, from: start, to: end, now: now),
            workload: workload(
                pages: inputs.pages, acknowledgements: inputs.acknowledgements, holidays: inputs.holidays,
                zone: calendar.timeZone, from: start, to: end))
    }

    /// `part` of `whole` in percent, to one decimal; 0 of nothing is 0.
    static func percent(_ part: Int, of whole: Int) -> Double {
        whole == 0 ? 0 : (Double(part) * 1_000 / Double(whole)).rounded() / 10
    }

    private static func categories(_ incidents: [Incident]) -> [CategoryCount] {
        let counts = Category.allCases.map { category in
            CategoryCount(
                category: category, count: incidents.count { $0.category == category },
                sharePercent: percent(incidents.count { $0.category == category }, of: incidents.count))
        }
        // A stable sort keeps the declaration order among equal counts.
        return counts.enumerated().sorted { ($1.element.count, $0.offset) < ($0.element.count, $1.offset) }
            .map(\.element)
    }

    private static func severities(_ incidents: [Incident]) -> [SeverityCount] {
        Severity.worstFirst.map { severity in
            let count = incidents.count { $0.peakSeverity == severity }
            return SeverityCount(severity: severity, count: count, sharePercent: percent(count, of: incidents.count))
        }
    }

    private static func responseTimes(_ incidents: [Incident]) -> [ResponseTimes] {
        Severity.worstFirst.map { severity in
            let group = incidents.filter { $0.peakSeverity == severity }
            let acknowledged = group.compactMap { incident in
                incident.acknowledgedAt.map { $0.timeIntervalSince(incident.openedAt) }
            }
            let resolved = group.compactMap { incident in
                incident.resolvedAt.map { $0.timeIntervalSince(incident.openedAt) }
            }
            return ResponseTimes(
                severity: severity, acknowledge: Durations(acknowledged, of: group.count),
                resolve: Durations(resolved, of: group.count))
        }
    }

    private static func compliance(_ records: [Record], now: Date) -> [Compliance] {
        var outcomes: [Layer: [DeadlineOutcome]] = [:]
        for record in records {
            for deadline in DeadlineOutcome.watched(
                record.deadlines, incident: record.incident, steps: record.steps, at: now)
            {
                let outcome = DeadlineOutcome.judge(
                    deadline, of: record.incident, steps: record.steps, approvals: record.approvals,
                    completions: record.completions, at: now)
                outcomes[deadline.layer, default: []].append(outcome)
            }
        }
        return Layer.allCases.map { Compliance(layer: $0, outcomes: outcomes[$0] ?? []) }
    }

    private static func topRules(_ incidents: [Incident], titles: [RuleID: String]) -> [RuleCount] {
        // Incidents are oldest first, so the last one seen names a rule no longer configured.
        var counts: [RuleID: RuleCount] = [:]
        for incident in incidents {
            guard let ruleID = incident.ruleID else { continue }
            let title = titles[ruleID] ?? incident.title
            counts[ruleID, default: RuleCount(ruleID: ruleID, title: title, count: 0)].count += 1
            counts[ruleID]?.title = title
        }
        return counts.values.sorted { ($1.count, $0.ruleID) < ($0.count, $1.ruleID) }.prefix(topRulesShown)
            .map { $0 }
    }

    private static func followUps(_ items: [FollowUp], from start: Date, to end: Date, now: Date) -> FollowUpFigures {
        let cutoff = min(end, now)
        let inWeek = { (date: Date?) in date.map { start <= $0 && $0 < end } ?? false }
        let overdue = items.filter { item in
            // Closed at or after the cutoff means it was still open then; a legacy row without dates counts as old.
            let openAtCutoff = item.status == .open || (item.closedAt.map { $0 >= cutoff } ?? false)
            return openAtCutoff && (item.createdAt ?? .distantPast) < cutoff && item.dueAt < cutoff
        }
        return FollowUpFigures(
            opened: items.count { inWeek($0.createdAt) },
            closed: items.count { $0.status != .open && inWeek($0.closedAt) }, overdueAt: cutoff,
            overdue: overdue.sorted { ($0.dueAt, $0.id ?? 0) < ($1.dueAt, $1.id ?? 0) })
    }

    enum CodingKeys: String, CodingKey {
        case week, totals, deadlines
        case timeZone = "time_zone"
        case firstDay = "first_day"
        case lastDay = "last_day"
        case startsAt = "starts_at"
        case endsAt = "ends_at"
        case generatedAt = "generated_at"
        case previousWeek = "previous_week"
        case byCategory = "by_category"
        case bySeverity = "by_severity"
        case responseTimes = "response_times"
        case topRules = "top_rules"
        case followUps = "follow_ups"
        case workload
    }
}
