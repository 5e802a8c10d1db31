public import Foundation

/// The samples of one series over a window, for a sparkline.
public struct SeriesSamples: Sendable, Hashable {
    public var rule: RuleID
    /// The series' labels as stored: `{sku="A17"}`, or empty for a rule's only series.
    public var labels: String
    /// Oldest first; never empty.
    public var samples: [Sample]

    public init(rule: RuleID, labels: String, samples: [Sample]) {
        self.rule = rule
        self.labels = labels
        self.samples = samples
    }

    /// The newest sample.
    public var latest: Sample? { samples.last }
}

/// What the console's incident list asks for; every empty filter lets everything through.
public struct IncidentQuery: Sendable, Hashable {
    public var statuses: [IncidentStatus]
    public var severities: [Severity]
    public var categories: [Category]
    /// Words the title contains, case-insensitively (ASCII).
    public var text: String
    /// Opened at or after this time.
    public var since: Date?
    /// Newest by number first, rather than by opening time: the order a paging cursor counts in.
    public var byNumber: Bool
    /// Only incidents numbered below this one: the page after the one that ended with it (with `byNumber`).
    public var before: IncidentID?
    public var limit: Int

    public init(
        statuses: [IncidentStatus] = [], severities: [Severity] = [], categories: [Category] = [], text: String = "",
        since: Date? = nil, byNumber: Bool = false, before: IncidentID? = nil, limit: Int = 200
    ) {
        self.byNumber = byNumber
        self.since = since
        self.before = before
        self.statuses = statuses
        self.severities = severities
        self.categories = categories
        self.text = text
        self.limit = limit
    }
}
