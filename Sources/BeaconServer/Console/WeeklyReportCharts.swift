import BeaconCore

/// The report's figures as bar charts.
enum WeeklyReportCharts {
    static func categories(_ report: WeeklyReport) -> BarChart {
        BarChart(
            id: "categories", title: ConsoleFormat.t("chart.by_category"),
            bars: report.byCategory.map {
                BarChart.Bar(
                    label: ConsoleFormat.words.category($0.category), parts: [("bar", Double($0.count))],
                    value: "\($0.count) · \(WeeklyReport.percentText($0.sharePercent))")
            })
    }

    static func severities(_ report: WeeklyReport) -> BarChart {
        BarChart(
            id: "severities", title: ConsoleFormat.t("chart.by_severity"),
            bars: report.bySeverity.map {
                BarChart.Bar(
                    label: "\($0.severity.rawValue) \(ConsoleFormat.words.label($0.severity))",
                    parts: [($0.severity.rawValue, Double($0.count))],
                    value: "\($0.count) · \(WeeklyReport.percentText($0.sharePercent))")
            })
    }

    static func mtta(_ report: WeeklyReport) -> BarChart {
        durations(
            id: "mtta", title: ConsoleFormat.t("chart.mtta"), report.responseTimes.map { ($0.severity, $0.acknowledge) }
        )
    }

    static func mttr(_ report: WeeklyReport) -> BarChart {
        durations(
            id: "mttr", title: ConsoleFormat.t("chart.mttr"), report.responseTimes.map { ($0.severity, $0.resolve) })
    }

    static func compliance(_ report: WeeklyReport) -> BarChart {
        BarChart(
            id: "deadlines", title: ConsoleFormat.t("chart.deadlines"),
            bars: report.deadlines.map {
                let percent =
                    $0.percentMet.map {
                        ConsoleFormat.t("chart.percent_met", ["percent": WeeklyReport.percentText($0)])
                    }
                    ?? ConsoleFormat.t("chart.none_due")
                return BarChart.Bar(
                    label: ConsoleFormat.words.layer($0.layer),
                    parts: [("met", Double($0.met)), ("missed", Double($0.missed))],
                    value: ConsoleFormat.t(
                        "chart.met_of", ["percent": percent, "met": "\($0.met)", "due": "\($0.met + $0.missed)"]))
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
                        ConsoleFormat.t(
                            "chart.mean_median",
                            [
                                "mean": ConsoleFormat.words.readable($0),
                                "median": row.durations.medianSeconds.map(ConsoleFormat.words.readable) ?? "—",
                            ])
                    } ?? ConsoleFormat.t("chart.none")
                return BarChart.Bar(
                    label: row.severity.rawValue,
                    parts: [(row.severity.rawValue, row.durations.meanSeconds ?? 0)], value: value)
            })
    }
}
