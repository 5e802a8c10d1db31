import BeaconCore
import Foundation

/// The weekly report page: links to the weeks around it, SVG charts and the report's tables.
struct WeeklyReportPage {
    struct SummaryRow {
        var label: String
        var current: Int
        var previous: Int
    }

    struct ShareRow {
        var label: String
        var count: Int
        var share: String
    }

    struct ResponseRow {
        var severity: String
        var acknowledgeMean: String
        var acknowledgeMedian: String
        var acknowledged: String
        var resolveMean: String
        var resolveMedian: String
        var resolved: String
    }

    struct ComplianceRow {
        var layer: String
        var met: Int
        var missed: Int
        var percent: String
        var running: Int
        var notOwed: Int
    }

    struct RuleRow {
        var ruleID: String
        var title: String
        var count: Int
    }

    struct OverdueRow {
        var incidentID: Int64
        var description: String
        var owner: String
        var due: String
    }

    struct WorkloadRow {
        var person: String
        var pages: Int
        var workingHours: Int
        var offHours: Int
        var nights: Int
        var acknowledged: Int
        var medianAcknowledge: String
    }

    var chrome: PageChrome
    var week: String
    var firstDay: String
    var lastDay: String
    var timeZone: String
    var generated: String
    var previousWeek: String
    /// `nil` while the next week has not begun.
    var nextWeek: String?
    var summary: [SummaryRow]
    var categories: [ShareRow]
    var severities: [ShareRow]
    var responses: [ResponseRow]
    var deadlines: [ComplianceRow]
    var rules: [RuleRow]
    var noRules: Bool
    var followUpsOpened: Int
    var followUpsClosed: Int
    var overdueAt: String
    var overdueCount: Int
    var hasOverdue: Bool
    var overdue: [OverdueRow]
    /// Pages and acknowledgements per person.
    var workload: [WorkloadRow]
    var noWorkload: Bool
    var categoryChart: BarChart
    var severityChart: BarChart
    var mttaChart: BarChart
    var mttrChart: BarChart
    var deadlineChart: BarChart

    init(chrome: PageChrome, report: WeeklyReport, calendar: Calendar, now: Date) {
        self.chrome = chrome
        week = report.week.description
        (firstDay, lastDay, timeZone) = (report.firstDay, report.lastDay, report.timeZone)
        generated = report.stamp(report.generatedAt)
        previousWeek = report.week.previous.description
        nextWeek = report.week.next.start(in: calendar) <= now ? report.week.next.description : nil
        summary = Self.summary(report)
        categories = report.byCategory.map {
            ShareRow(
                label: ConsoleFormat.words.category($0.category), count: $0.count,
                share: WeeklyReport.percentText($0.sharePercent))
        }
        severities = report.bySeverity.map {
            ShareRow(
                label: "\($0.severity.rawValue) \(ConsoleFormat.words.label($0.severity))", count: $0.count,
                share: WeeklyReport.percentText($0.sharePercent))
        }
        responses = report.responseTimes.map(Self.response)
        deadlines = report.deadlines.map {
            ComplianceRow(
                layer: ConsoleFormat.words.layer($0.layer), met: $0.met, missed: $0.missed,
                percent: $0.percentMet.map(WeeklyReport.percentText) ?? "—", running: $0.running,
                notOwed: $0.notOwed)
        }
        rules = report.topRules.map { RuleRow(ruleID: $0.ruleID.rawValue, title: $0.title, count: $0.count) }
        noRules = rules.isEmpty
        workload = report.workload.map {
            WorkloadRow(
                person: $0.person, pages: $0.pages, workingHours: $0.workingHours, offHours: $0.offHours,
                nights: $0.nights, acknowledged: $0.acknowledgements.count,
                medianAcknowledge: ($0.acknowledgements.medianSeconds).map(ConsoleFormat.words.readable) ?? "—")
        }
        noWorkload = report.workload.isEmpty
        followUpsOpened = report.followUps.opened
        followUpsClosed = report.followUps.closed
        overdueAt = report.stamp(report.followUps.overdueAt)
        overdueCount = report.followUps.overdue.count
        overdue = report.followUps.overdue.map {
            OverdueRow(
                incidentID: $0.incidentID.rawValue, description: $0.description, owner: $0.owner,
                due: report.stamp($0.dueAt))
        }
        hasOverdue = !overdue.isEmpty
        categoryChart = WeeklyReportCharts.categories(report)
        severityChart = WeeklyReportCharts.severities(report)
        mttaChart = WeeklyReportCharts.mtta(report)
        mttrChart = WeeklyReportCharts.mttr(report)
        deadlineChart = WeeklyReportCharts.compliance(report)
    }

    private static func summary(_ report: WeeklyReport) -> [SummaryRow] {
        let (now, before) = (report.totals, report.previousWeek.totals)
        return [
            SummaryRow(label: ConsoleFormat.t("report.opened"), current: now.incidents, previous: before.incidents),
            SummaryRow(label: ConsoleFormat.t("report.by_rule"), current: now.byRule, previous: before.byRule),
            SummaryRow(
                label: ConsoleFormat.t("report.from_alertmanager"), current: now.fromAlertmanager,
                previous: before.fromAlertmanager),
            SummaryRow(label: ConsoleFormat.t("report.declared"), current: now.declared, previous: before.declared),
            SummaryRow(label: ConsoleFormat.t("report.active"), current: now.active, previous: before.active),
            SummaryRow(label: ConsoleFormat.t("report.resolved"), current: now.resolved, previous: before.resolved),
            SummaryRow(label: ConsoleFormat.t("report.closed"), current: now.closed, previous: before.closed),
        ]
    }

    private static func response(_ row: WeeklyReport.ResponseTimes) -> ResponseRow {
        let (ack, fix) = (row.acknowledge, row.resolve)
        return ResponseRow(
            severity: row.severity.rawValue,
            acknowledgeMean: (ack.meanSeconds).map(ConsoleFormat.words.readable) ?? "—",
            acknowledgeMedian: (ack.medianSeconds).map(ConsoleFormat.words.readable) ?? "—",
            acknowledged: ConsoleFormat.t("report.of", ["count": "\(ack.count)", "all": "\(ack.count + ack.missing)"]),
            resolveMean: (fix.meanSeconds).map(ConsoleFormat.words.readable) ?? "—",
            resolveMedian: (fix.medianSeconds).map(ConsoleFormat.words.readable) ?? "—",
            resolved: ConsoleFormat.t("report.of", ["count": "\(fix.count)", "all": "\(fix.count + fix.missing)"]))
    }
}
