import BeaconCore
import Foundation

/// `GET /`: open incidents by severity, post-mortems still to write, every rule's current value, failing sources.
struct DashboardPage {
    struct SeverityGroup {
        var severity: String
        var label: String
        var count: Int
        var incidents: [IncidentRow]
    }

    struct SeriesCard {
        /// `sku="A17"`, or nil for a rule's only series.
        var labels: String?
        var value: String
        var seen: String
        var breaching: Bool
        var spark: Sparkline
    }

    struct RuleCard {
        var id: String
        var title: String
        var category: String
        var condition: String
        var series: [SeriesCard]
        /// Series not shown, when a rule has many (one per product, say).
        var hiddenSeries: Int?
        var noSamples: Bool
        var breaching: Bool
        /// Why its source fails, when it does.
        var failing: String?
    }

    /// A resolved incident whose post-mortem is not written yet.
    struct PostMortemDue {
        var id: Int64
        var title: String
        var owner: String
        var due: String
        var overdue: Bool
    }

    struct FailingSource {
        var url: String
        var reason: String
        var rules: String
    }

    /// The most series of one rule shown; breaching ones first.
    static let seriesPerRule = 4
    /// How far back the sparklines reach.
    static let window: TimeInterval = 3_600

    var chrome: PageChrome
    var groups: [SeverityGroup]
    var openCount: Int
    var noIncidents: Bool
    var rules: [RuleCard]
    var noRules: Bool
    var failingSources: [FailingSource]
    var hasFailingSources: Bool
    var postMortems: [PostMortemDue]
    var hasPostMortems: Bool
    /// Active incidents on which no notification reached anybody: the banner at the top.
    var unreached: [Unreached]
    var hasUnreached: Bool
    /// Channels holding notifications back (rate limits, throttles, retries), with how many.
    var queued: [Queued]
    var hasQueued: Bool
    /// Who holds each layer now: `operation: Zhang Min until 20:00`.
    var holders: [Holder] = []

    struct Holder {
        var layer: String
        var layerName: String
        var who: String
        var until: String?
        var gap: Bool
    }

    struct Queued {
        var channel: String
        var count: Int
    }

    struct Unreached {
        var id: Int64
        var title: String
    }

    init(
        chrome: PageChrome, incidents: [Incident], acknowledgers: [IncidentID: String], rules: [Rule],
        series: [SeriesSamples], failing: [String: String],
        postMortems: [(incident: Incident, postMortem: PostMortem)] = [],
        unreached: [(id: IncidentID, title: String)] = [], queued: [String: Int] = [:], now: Date
    ) {
        self.chrome = chrome
        self.queued = queued.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map {
            Queued(channel: $0.key, count: $0.value)
        }
        hasQueued = !self.queued.isEmpty
        self.unreached = unreached.map { Unreached(id: $0.id.rawValue, title: $0.title) }
        hasUnreached = !unreached.isEmpty
        self.postMortems = postMortems.map { incident, postMortem in
            PostMortemDue(
                id: postMortem.incidentID.rawValue, title: incident.title,
                owner: ConsoleFormat.words.layer(postMortem.owner),
                due: ConsoleFormat.time(postMortem.dueAt, now: now), overdue: postMortem.dueAt < now)
        }
        hasPostMortems = !postMortems.isEmpty
        groups = Severity.worstFirst.compactMap { severity in
            let rows = incidents.filter { $0.severity == severity }.map { incident in
                IncidentRow(incident, acknowledgedBy: incident.id.flatMap { acknowledgers[$0] }, now: now)
            }
            guard !rows.isEmpty else { return nil }
            return SeverityGroup(
                severity: severity.rawValue, label: ConsoleFormat.words.label(severity), count: rows.count,
                incidents: rows)
        }
        openCount = incidents.count
        noIncidents = incidents.isEmpty
        let byRule = Dictionary(grouping: series, by: \.rule)
        self.rules = rules.map { rule in
            Self.card(rule, series: byRule[rule.id] ?? [], failing: failing[Source.redacted(rule.source.url)], now: now)
        }
        noRules = rules.isEmpty
        failingSources = failing.sorted { $0.key < $1.key }.map { url, reason in
            let users = rules.filter { Source.redacted($0.source.url) == url }.map(\.id)
            return FailingSource(url: url, reason: reason, rules: users.map(\.rawValue).joined(separator: ", "))
        }
        hasFailingSources = !failing.isEmpty
    }

    /// Where a sparkline starts: an hour back, or, when the series is younger, at its first sample (never less
    /// than 30 polls), so a minute of data is not squeezed into a few pixels.
    static func sparkStart(_ samples: [Sample], rule: Rule, now: Date) -> Date {
        let hourAgo = now.addingTimeInterval(-window)
        guard let first = samples.first?.at, first > hourAgo else { return hourAgo }
        let minimum = now.addingTimeInterval(-30 * rule.source.interval.seconds)
        return max(hourAgo, min(first, minimum))
    }

    static func card(_ rule: Rule, series: [SeriesSamples], failing: String?, now: Date) -> RuleCard {
        let threshold = thresholdLine(rule.condition)
        let cards = series.compactMap { one -> SeriesCard? in
            guard let latest = one.latest else { return nil }
            let labels = one.labels.isEmpty ? nil : String(one.labels.dropFirst().dropLast())
            return SeriesCard(
                labels: labels, value: rule.format(latest.value),
                seen: ConsoleFormat.t("console.ago", ["span": ConsoleFormat.span(now.timeIntervalSince(latest.at))]),
                breaching: breach(rule.condition, latest.value) != nil,
                spark: Sparkline(
                    one.samples, from: sparkStart(one.samples, rule: rule, now: now), to: now, threshold: threshold))
        }
        .sorted { ($0.breaching ? 0 : 1, $0.labels ?? "") < ($1.breaching ? 0 : 1, $1.labels ?? "") }
        let shown = Array(cards.prefix(seriesPerRule))
        return RuleCard(
            id: rule.id.rawValue, title: rule.title, category: ConsoleFormat.words.category(rule.category),
            condition: ConsoleFormat.condition(rule.condition), series: shown,
            hiddenSeries: cards.count > shown.count ? cards.count - shown.count : nil, noSamples: cards.isEmpty,
            breaching: shown.contains { $0.breaching } || failing != nil, failing: failing)
    }

    /// The most severe level a value meets, for threshold rules; other kinds need history the page lacks.
    static func breach(_ condition: Condition, _ value: Double) -> Severity? {
        guard case .threshold(let op, let levels) = condition else { return nil }
        return levels.filter { op.holds(value, $0.value) }.map(\.key).max()
    }

    /// The level where trouble starts (the least severe), drawn across the sparkline.
    static func thresholdLine(_ condition: Condition) -> Double? {
        guard case .threshold(_, let levels) = condition else { return nil }
        return levels.min { $0.key < $1.key }?.value
    }
}
