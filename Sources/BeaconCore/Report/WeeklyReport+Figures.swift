public import Foundation

extension WeeklyReport {
    /// How many incidents opened, how they came, and where they stand at report time.
    ///
    /// `active + resolved + closed == incidents`, and `byRule + fromAlertmanager + declared == incidents`.
    public struct Totals: Sendable, Hashable, Codable {
        public var incidents: Int
        /// Opened by one of Beacon's rules.
        public var byRule: Int
        /// Received from Prometheus Alertmanager.
        public var fromAlertmanager: Int
        /// Declared by a person.
        public var declared: Int
        /// Still open, acknowledged or mitigated at report time.
        public var active: Int
        /// Resolved, their post-mortem not yet done, at report time.
        public var resolved: Int
        /// Closed (post-mortem done) at report time.
        public var closed: Int

        public init(_ incidents: [Incident]) {
            self.incidents = incidents.count
            byRule = incidents.count { $0.origin == .rule }
            fromAlertmanager = incidents.count { $0.origin == .alertmanager }
            declared = incidents.count { $0.origin == .declared }
            active = incidents.count { $0.status.isActive }
            resolved = incidents.count { $0.status == .resolved }
            closed = incidents.count { $0.status == .closed }
        }

        enum CodingKeys: String, CodingKey {
            case incidents, declared, active, resolved, closed
            case byRule = "by_rule"
            case fromAlertmanager = "from_alertmanager"
        }
    }

    /// The previous week's totals, for comparison.
    public struct Comparison: Sendable, Hashable, Codable {
        public var week: ISOWeek
        public var totals: Totals

        public init(week: ISOWeek, totals: Totals) {
            self.week = week
            self.totals = totals
        }
    }

    /// Incidents of one category: how many, and their share of the week's incidents.
    public struct CategoryCount: Sendable, Hashable, Codable {
        public var category: Category
        public var count: Int
        /// Percent of the week's incidents, to one decimal; 0 when there were none.
        public var sharePercent: Double

        enum CodingKeys: String, CodingKey {
            case category, count
            case sharePercent = "share_percent"
        }
    }

    /// Incidents whose worst severity was this one.
    public struct SeverityCount: Sendable, Hashable, Codable {
        public var severity: Severity
        public var count: Int
        /// Percent of the week's incidents, to one decimal; 0 when there were none.
        public var sharePercent: Double

        enum CodingKeys: String, CodingKey {
            case severity, count
            case sharePercent = "share_percent"
        }
    }

    /// Mean time to acknowledge and to resolve, for the incidents of one peak severity.
    public struct ResponseTimes: Sendable, Hashable, Codable {
        public var severity: Severity
        /// Opened → acknowledged (MTTA).
        public var acknowledge: Durations
        /// Opened → resolved (MTTR).
        public var resolve: Durations
    }

    /// Summary of one milestone's delays.
    public struct Durations: Sendable, Hashable, Codable {
        /// How many incidents reached the milestone: what the mean and median are over.
        public var count: Int
        /// How many have not reached it (or skipped it, like an incident resolved without acknowledgement).
        public var missing: Int
        /// In seconds; `nil` when `count` is 0.
        public var meanSeconds: Double?
        public var medianSeconds: Double?

        /// - Parameters:
        ///   - seconds: the delay of each incident that reached the milestone.
        ///   - of: how many incidents there were in all.
        public init(_ seconds: [TimeInterval], of total: Int) {
            count = seconds.count
            missing = total - seconds.count
            let sorted = seconds.sorted()
            meanSeconds = sorted.isEmpty ? nil : sorted.reduce(0, +) / Double(sorted.count)
            let middle = sorted.count / 2
            medianSeconds =
                sorted.isEmpty
                ? nil : sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }

        enum CodingKeys: String, CodingKey {
            case count, missing
            case meanSeconds = "mean_seconds"
            case medianSeconds = "median_seconds"
        }
    }

    /// Whether one layer answered its deadlines in time, over the week's incidents.
    public struct Compliance: Sendable, Hashable, Codable {
        public var layer: Layer
        /// Answered in time.
        public var met: Int
        /// Answered late, or due and never answered.
        public var missed: Int
        /// Not answered and not yet due at report time; counted neither way.
        public var running: Int
        /// Never owed: the incident resolved (or, for a recurring step, was mitigated) before it was due; counted
        /// neither way, so a quickly solved incident does not flatter its layers.
        public var notOwed: Int
        /// `met / (met + missed)` in percent, to one decimal; `nil` when nothing was due.
        public var percentMet: Double?

        public init(layer: Layer, outcomes: [DeadlineOutcome]) {
            self.layer = layer
            notOwed = outcomes.count { $0 == .notDueBeforeResolution }
            met = outcomes.count { $0.isMet == true } - notOwed
            missed = outcomes.count { $0.isMet == false }
            running = outcomes.count { $0.isMet == nil }
            percentMet = met + missed == 0 ? nil : WeeklyReport.percent(met, of: met + missed)
        }

        enum CodingKeys: String, CodingKey {
            case layer, met, missed, running
            case notOwed = "not_owed"
            case percentMet = "percent_met"
        }
    }

    /// A rule and how many of the week's incidents it opened.
    public struct RuleCount: Sendable, Hashable, Codable {
        public var ruleID: RuleID
        public var title: String
        public var count: Int

        enum CodingKeys: String, CodingKey {
            case title, count
            case ruleID = "rule_id"
        }
    }

    /// Follow-up actions: opened and closed in the week, and overdue when it ended.
    public struct FollowUpFigures: Sendable, Hashable, Codable {
        /// Created during the week.
        public var opened: Int
        /// Marked done or won't do during the week.
        public var closed: Int
        /// When overdue is counted: the week's end, or report time when the week is not over.
        public var overdueAt: Date
        /// Still open at `overdueAt` and due before it, oldest due first.
        public var overdue: [FollowUp]

        enum CodingKeys: String, CodingKey {
            case opened, closed, overdue
            case overdueAt = "overdue_at"
        }
    }
}
