public import BeaconCore
public import Foundation
import GRDB

/// Commits incident changes: each transition, and the timeline events that describe it, in one transaction.
public struct IncidentLedger: Sendable {
    public let store: BeaconStore
    /// Plans playbook runs, paging and escalation; without it incidents are recorded and nobody is paged.
    public let planner: CommandPlanner?
    /// Where post-mortem due dates count working days: the configuration's calendar when there is a planner.
    public let calendar: Calendar

    public init(_ store: BeaconStore, planner: CommandPlanner? = nil, calendar: Calendar? = nil) {
        self.store = store
        self.planner = planner
        self.calendar = calendar ?? planner?.config.calendar ?? Calendar(identifier: .iso8601)
    }

    /// Applies what the evaluator decided about one series of one rule.
    /// - Returns: the change made, or `nil` when there was nothing to change (a note on an incident that a
    ///   person already resolved, say).
    @discardableResult
    public func apply(_ transition: Transition, rule: Rule, labels: Labels, at now: Date) throws -> IncidentChange? {
        try store.writer.write { db in try apply(db, transition, rule: rule, labels: labels, at: now) }
    }

    /// Applies what the evaluator decided, waiting for the database without blocking the calling thread.
    /// - Returns: the change made, or `nil` when there was nothing to change.
    @discardableResult
    public func commit(
        _ transition: Transition, rule: Rule, labels: Labels, at now: Date
    ) async throws
        -> IncidentChange?
    {
        try await store.writer.write { db in try apply(db, transition, rule: rule, labels: labels, at: now) }
    }

    private func apply(
        _ db: Database, _ transition: Transition, rule: Rule, labels: Labels, at now: Date
    ) throws
        -> IncidentChange?
    {
        let fingerprint = Fingerprint(rule: rule.id, labels: labels)
        let active = try BeaconStore.activeIncident(db, fingerprint)
        switch (transition, active) {
        case (.open(let breach, let since), nil):
            return try open(db, rule, labels, breach, since: since, at: now)
        case (.open(let breach, _), let incident?), (.raise(_, let breach), let incident?):
            guard breach.severity > incident.severity else { return nil }
            return try raise(db, incident, breach, at: now)
        case (.raise(_, let breach), nil):
            return try open(db, rule, labels, breach, since: now, at: now)
        case (.ease(let severity, let observed), var incident?):
            incident.record(observed.reading, peak: false, at: now)
            let fact = TimelineFact.eased(reading: "\(observed.reading)", level: observed.severity, kept: severity)
            return try change(db, incident, fact, at: now)
        case (.recovering(_, let reading), let incident?):
            let fact = TimelineFact.recovering(reading: reading, resolveAfter: rule.resolveAfter.seconds)
            return try change(db, incident, fact, at: now)
        case (.peak(let breach), var incident?):
            incident.record(breach.reading, peak: true, at: now)
            try incident.update(db)
            return nil
        case (.resolve(let healthyFor), var incident?):
            incident.status = .resolved
            incident.resolvedAt = now
            var resolved = try change(db, incident, .resolvedAutomatically(healthyFor: healthyFor.seconds), at: now)
            resolved.notificationsQueued = try planResolved(db, resolved.incident, at: now)
            return resolved
        case (.ease, nil), (.recovering, nil), (.peak, nil), (.resolve, nil):
            return nil
        }
    }

    private func open(
        _ db: Database, _ rule: Rule, _ labels: Labels, _ breach: Breach, since: Date, at now: Date
    ) throws
        -> IncidentChange
    {
        var incident = Incident(
            fingerprint: Fingerprint(rule: rule.id, labels: labels), ruleID: rule.id, title: Self.title(rule, labels),
            category: rule.category, severity: breach.severity, origin: .rule,
            labels: Labels(rule.labels.merging(labels.dictionary) { _, series in series }),
            value: breach.reading.value, threshold: breach.reading.level, firstBreachAt: since, openedAt: now)
        try incident.insert(db)
        let held = now.timeIntervalSince(since)
        let fact = TimelineFact.opened(
            severity: breach.severity, reading: "\(breach.reading)", breachingFor: held >= 1 ? held.rounded() : nil)
        var change = try record(db, incident, fact, at: now)
        change.notificationsQueued = try planOpened(db, incident, at: now)
        return change
    }

    private func raise(_ db: Database, _ incident: Incident, _ breach: Breach, at now: Date) throws -> IncidentChange {
        var incident = incident
        let previous = incident.severity
        incident.severity = breach.severity
        incident.peakSeverity = max(incident.peakSeverity, breach.severity)
        incident.record(breach.reading, peak: true, at: now)
        incident.threshold = breach.reading.level
        let fact = TimelineFact.raised(from: previous, to: breach.severity, reading: "\(breach.reading)")
        var raised = try change(db, incident, fact, at: now)
        if let planner, let id = incident.id {
            let effects = planner.raised(raised.incident, from: previous, steps: try Self.steps(db, id), at: now)
            raised.notificationsQueued = try Self.persist(db, effects, incidentID: id, at: now)
        }
        return raised
    }

    private func change(
        _ db: Database, _ incident: Incident, _ fact: TimelineFact, at now: Date
    ) throws
        -> IncidentChange
    {
        var incident = incident
        incident.updatedAt = now
        try incident.update(db)
        return try record(db, incident, fact, at: now)
    }

    func record(_ db: Database, _ incident: Incident, _ fact: TimelineFact, at now: Date) throws -> IncidentChange {
        guard let id = incident.id else { throw StoreError(code: .notFound, message: "The incident was never stored.") }
        var event = TimelineEvent(incidentID: id, at: now, actor: TimelineEvent.system, fact: fact)
        try event.insert(db)
        return IncidentChange(incident: incident, event: event)
    }

    func planOpened(_ db: Database, _ incident: Incident, at now: Date) throws -> Int {
        guard let planner, let id = incident.id else { return 0 }
        return try Self.persist(db, planner.opened(incident, at: now), incidentID: id, at: now)
    }

    /// Tells whoever was paged, ends recurring steps and opens the post-mortem.
    func planResolved(_ db: Database, _ incident: Incident, at now: Date) throws -> Int {
        try Self.openPostMortem(db, incident, planner: planner, calendar: calendar, at: now)
        guard let planner, let id = incident.id else { return 0 }
        let effects = planner.resolved(
            incident, steps: try Self.steps(db, id), paged: try Self.pagedRecipients(db, id), at: now)
        return try Self.persist(db, effects, incidentID: id, at: now)
    }

    /// `Product complaints per day (sku=A17)`.
    static func title(_ rule: Rule, _ labels: Labels) -> String {
        guard !labels.isEmpty else { return rule.title }
        return "\(rule.title) (\(labels.map { "\($0.name)=\($0.value)" }.joined(separator: ", ")))"
    }
}

/// An incident as changed, and the timeline event that says how.
public struct IncidentChange: Sendable, Hashable {
    public var incident: Incident
    public var event: TimelineEvent
    /// Notifications the change queued in the outbox; the dispatcher can be woken when there are any.
    public var notificationsQueued = 0

    public init(incident: Incident, event: TimelineEvent, notificationsQueued: Int = 0) {
        self.incident = incident
        self.event = event
        self.notificationsQueued = notificationsQueued
    }
}

extension Incident {
    /// Takes a new reading as the current value and, when the evaluator found it worse than any before, the peak.
    mutating func record(_ reading: Reading, peak: Bool, at now: Date) {
        value = reading.value
        if peak, let newValue = reading.value { peakValue = newValue }
        updatedAt = now
    }
}
