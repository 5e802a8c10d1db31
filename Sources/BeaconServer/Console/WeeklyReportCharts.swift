import BeaconCore

/// The report's figures as bar charts.
enum WeeklyReportCharts {
    static func categories(_ report: WeeklyReport) -> BarChart {
        BarChart(
            id: "categories", title: "Incidents by category",
            bars: report.byCategory.map {
                BarChart.Bar(
                    label: $0.category.rawValue, parts: [("bar", Double($0.count))],
                    value: "\($0.count) · \(WeeklyReport.percentText($0.sharePercent))")
            })
    }

    static func severities(_ report: WeeklyReport) -> BarChart {
        BarChart(
            id: "severities", title: "Incidents by peak severity",
            bars: report.bySeverity.map {
                BarChart.Bar(
                    label: "\($0.severity.rawValue) \($0.severity.label)",
                    parts: [($0.severity.rawValue, Double($0.count))],
                    value: "\($0.count) · \(WeeklyReport.percentText($0.sharePercent))")
            })
    }

    static func mtta(_ report: WeeklyReport) -> BarChart {
        durations(
            id: "mtta", title: "Mean time to acknowledge", report.responseTimes.map { ($0.severity, $0.acknowledge) })
    }

    static func mttr(_ report: WeeklyReport) -> BarChart {
        durations(id: "mttr", title: "Mean time to resolve", report.responseTimes.map { ($0.severity, $0.resolve) })
    }

    static func compliance(_ report: WeeklyReport) -> BarChart {
        BarChart(
            id: "deadlines", title: "Deadlines met and missed by layer",
            bars: report.deadlines.map {
                let percent = $0.percentMet.map { "\(WeeklyReport.percentText($0)) met" } ?? "none due"
                return BarChart.Bar(
                    label: $0.layer.rawValue, parts: [("met", Double($0.met)), ("missed", Double($0.missed))],
                    value: "\(percent) (\($0.met) of \($0.met + $0.missed))")
            })
    }

    private static func durations(
        id: String, title: String, _ rows: [(severity: Severity, durations: WeeklyReport.Durations)]
    ) -> BarChart {
        BarChart(
            id: id, title: title,
            bars: rows.map { row in
                let value =
                    row.durations.meanSeconds.map {
                        "mean \(DurationText.render($0)) · median \(WeeklyReport.duration(row.durations.medianSeconds))"
                    } ?? "none"
                return BarChart.Bar(
                    label: row.severity.rawValue,
                    parts: [(row.severity.rawValue, row.durations.meanSeconds ?? 0)], value: value)
            })
    }
}
