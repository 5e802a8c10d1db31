public import Foundation

/// Decides every change to an incident: from a rule, from Alertmanager, from a person or from time. Pure: the
/// current state, the command and the time in, a `Decision` (or an `IncidentError` a person can act on) out; the
/// store commits what it decides.
public struct IncidentDecider: Sendable {
    /// Plans playbook runs, paging and escalation; without it incidents are recorded and nobody is paged.
    public let planner: CommandPlanner?
    /// Where post-mortem due dates count working days: the configuration's calendar when there is a planner.
    public let calendar: Calendar

    public init(planner: CommandPlanner?, calendar: Calendar? = nil) {
        self.planner = planner
        self.calendar = calendar ?? planner?.config.calendar ?? Calendar(identifier: .iso8601)
    }

    /// What a rule's evaluator decided about one series, applied to its active incident (`nil`: none).
    /// - Returns: `nil` when there is nothing to change.
    public func apply(
        _ transition: Transition, rule: Rule, labels: Labels, to state: IncidentState?, at now: Date
    ) -> Decision? {
        switch (transition, state) {
        case (.open(let breach, let since), nil):
            return open(rule, labels, breach, since: since, at: now)
        case (.open(let breach, _), let state?), (.raise(_, let breach), let state?):
            guard breach.severity > state.incident.severity else { return nil }
            return raise(state, breach, at: now)
        case (.raise(_, let breach), nil):
            return open(rule, labels, breach, since: now, at: now)
        case (.ease(let severity, let observed), let state?):
            var incident = state.incident
            incident.record(observed.reading, peak: false, at: now)
            return Decision(
                incident: incident,
                events: [
                    TimelineEntry(.eased(reading: "\(observed.reading)", level: observed.severity, kept: severity))
                ])
        case (.recovering(_, let reading), let state?):
            var incident = state.incident
            incident.updatedAt = now
            return Decision(
                incident: incident,
                events: [TimelineEntry(.recovering(reading: reading, resolveAfter: rule.resolveAfter.seconds))])
        case (.peak(let breach), let state?):
            var incident = state.incident
            incident.record(breach.reading, peak: true, at: now)
            return Decision(incident: incident, events: [])
        case (.resolve(let healthyFor), let state?):
            var incident = state.incident
            incident.status = .resolved
            incident.resolvedAt = now
            incident.updatedAt = now
            return resolved(
                state, incident, TimelineEntry(.resolvedAutomatically(healthyFor: healthyFor.seconds)), at: now)
        case (.ease, nil), (.recovering, nil), (.peak, nil), (.resolve, nil):
            return nil
        }
    }

    /// An external alert firing or resolved, applied to its active incident (`nil`: none).
    ///
    /// Alerts that differ only in their `severity` label are tiers of one incident: a higher tier firing raises
    /// it, a tier resolving while a lower one fires is told and keeps the severity (nothing asked is silenced),
    /// and the incident resolves when its last tier does. A firing alert that started no later than the last
    /// resolution of the same alert (`lastResolvedAt`) is a replay and opens nothing.
    /// - Returns: `nil` when the alert changes nothing (a repeat, a replay, a resolved unknown alert).
    public func receive(
        _ alert: ExternalAlert, by actor: String, active state: IncidentState?, lastResolvedAt: Date? = nil,
        at now: Date
    )
        -> Decision?
    {
        switch (alert.firing, state) {
        case (true, nil):
            if let resolved = lastResolvedAt, let started = alert.startsAt, started <= resolved { return nil }
            var incident = Incident(
                fingerprint: Self.fingerprint(alert), ruleID: nil, title: alert.title, category: alert.category,
                severity: alert.severity, origin: .alertmanager, labels: alert.labels, value: alert.value,
                firstBreachAt: alert.startsAt, openedAt: now, declaredBy: actor, description: alert.description)
            incident.firingTiers = [alert.severity]
            return opened(incident, TimelineEntry(.openedByAlertmanager(severity: alert.severity)), at: now)
        case (true, let state?):
            var incident = state.incident
            var tiers = Set(incident.firingTiers ?? [incident.severity])
            let known = tiers.contains(alert.severity)
            tiers.insert(alert.severity)
            incident.firingTiers = tiers.sorted(by: >)
            if let value = alert.value { incident.value = value }
            if let description = alert.description { incident.description = description }
            guard alert.severity > incident.severity else {
                guard incident != state.incident else { return nil }
                incident.updatedAt = now
                return known ? nil : Decision(incident: incident, events: [])
            }
            let previous = incident.severity
            incident.severity = alert.severity
            incident.peakSeverity = max(incident.peakSeverity, alert.severity)
            incident.updatedAt = now
            let planner = planner
            return Decision(
                incident: incident, events: [TimelineEntry(.raisedByAlertmanager(from: previous, to: alert.severity))]
            ) { stored in planner?.raised(stored, from: previous, steps: state.steps, at: now) ?? CommandEffects() }
        case (false, let state?):
            var incident = state.incident
            var tiers = Set(incident.firingTiers ?? [incident.severity])
            guard tiers.remove(alert.severity) != nil else { return nil }
            incident.updatedAt = now
            if let firing = tiers.max() {
                incident.firingTiers = tiers.sorted(by: >)
                let fact = TimelineFact.easedByAlertmanager(
                    resolved: alert.severity, firing: firing, kept: incident.severity)
                return Decision(incident: incident, events: [TimelineEntry(fact)])
            }
            incident.firingTiers = []
            incident.status = .resolved
            incident.resolvedAt = now
            return resolved(state, incident, TimelineEntry(.resolvedByAlertmanager), at: now)
        case (false, nil):
            return nil
        }
    }

    /// The fingerprint of the incident an external alert opens.
    public static func fingerprint(_ alert: ExternalAlert) -> Fingerprint {
        Fingerprint(rawValue: "alertmanager:\(alert.fingerprint)")
    }

    /// `Product complaints per day (sku=A17)`.
    static func title(_ rule: Rule, _ labels: Labels) -> String {
        guard !labels.isEmpty else { return rule.title }
        return "\(rule.title) (\(labels.map { "\($0.name)=\($0.value)" }.joined(separator: ", ")))"
    }

    private func open(_ rule: Rule, _ labels: Labels, _ breach: Breach, since: Date, at now: Date) -> Decision {
        let incident = Incident(
            fingerprint: Fingerprint(rule: rule.id, labels: labels), ruleID: rule.id, title: Self.title(rule, labels),
            category: rule.category, severity: breach.severity, origin: .rule,
            labels: Labels(rule.labels.merging(labels.dictionary) { _, series in series }),
            value: breach.reading.value, threshold: breach.reading.level, firstBreachAt: since, openedAt: now)
        let held = now.timeIntervalSince(since)
        let fact = TimelineFact.opened(
            severity: breach.severity, reading: "\(breach.reading)", breachingFor: held >= 1 ? held.rounded() : nil)
        return opened(incident, TimelineEntry(fact), at: now)
    }

    /// A new incident: its event, and, once it has an id, its playbook run and pages.
    func opened(_ incident: Incident, _ event: TimelineEntry, at now: Date) -> Decision {
        let planner = planner
        return Decision(incident: incident, events: [event]) { stored in
            planner?.opened(stored, at: now) ?? CommandEffects()
        }
    }

    private func raise(_ state: IncidentState, _ breach: Breach, at now: Date) -> Decision {
        var incident = state.incident
        let previous = incident.severity
        incident.severity = breach.severity
        incident.peakSeverity = max(incident.peakSeverity, breach.severity)
        incident.record(breach.reading, peak: true, at: now)
        incident.threshold = breach.reading.level
        let planner = planner
        let fact = TimelineFact.raised(from: previous, to: breach.severity, reading: "\(breach.reading)")
        return Decision(incident: incident, events: [TimelineEntry(fact)]) { stored in
            planner?.raised(stored, from: previous, steps: state.steps, at: now) ?? CommandEffects()
        }
    }

    /// A resolution: whoever was paged is told, recurring steps end, and the post-mortem opens.
    func resolved(_ state: IncidentState, _ incident: Incident, _ event: TimelineEntry, at now: Date) -> Decision {
        let opening = state.postMortem == nil ? postMortemOpening(incident, at: now) : CommandEffects()
        let planner = planner
        return Decision(incident: incident, events: [event]) { stored in
            guard let planner else { return opening }
            return opening + planner.resolved(stored, steps: state.steps, paged: state.paged, at: now)
        }
    }

    /// Opens the post-mortem of an incident by hand (resolving opens it by itself).
    /// - Returns: `nil` when it already has one.
    public func openPostMortem(_ state: IncidentState, at now: Date) -> Decision? {
        guard state.postMortem == nil else { return nil }
        let opening = postMortemOpening(state.incident, at: now)
        return Decision(incident: state.incident, events: []) { _ in opening }
    }

    /// The post-mortem an incident opens, with the deadlines that chase it and its event; without a planner, the
    /// default policy and nobody reminded.
    private func postMortemOpening(_ incident: Incident, at now: Date) -> CommandEffects {
        guard let id = incident.id else { return CommandEffects() }
        var effects = CommandEffects()
        let postMortem: PostMortem
        if let planner {
            (postMortem, effects.deadlines) = planner.postMortem(for: incident, at: now)
        } else {
            let due = WorkingDays.add(PostMortem.defaultWorkingDays, to: now, in: calendar)
            postMortem = PostMortem(incidentID: id, dueAt: due, createdAt: now)
        }
        effects.postMortem = postMortem
        let due = LocalDay(postMortem.dueAt, in: planner?.config.calendar ?? calendar)
        effects.timeline = [TimelineEntry(.postMortemOpened(owner: postMortem.owner, due: due))]
        return effects
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
