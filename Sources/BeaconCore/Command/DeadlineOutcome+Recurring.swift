public import Foundation

extension DeadlineOutcome {
    /// The most periods of one recurring step that are judged, so that a step of a few seconds on an incident left
    /// open for weeks stays cheap to judge.
    public static let periodLimit = 2_000

    /// Every period of each recurring step that its layer owed, as one `recurring` deadline each (`occurrence` 1,
    /// 2, …, due at the end of its period).
    ///
    /// A step's periods run back to back from its first recurring deadline, one per `every`, for as long as the
    /// incident was live: a period that began before the incident was mitigated or resolved (or, for a live one,
    /// before `now`) was owed. The store holds the periods the daemon reached; this also counts those it did not
    /// reach while it was down, since the layer owed them all the same. A step that never got a recurring deadline
    /// (its layer was never paged) owed nothing.
    /// - Parameter now: the time of the judgement, for an incident still live; `nil` for a finished record.
    public static func periods(
        of deadlines: [Deadline], incident: Incident, steps: [RunStep], at now: Date? = nil
    ) -> [Deadline] {
        let recurring = deadlines.filter { $0.kind == .recurring && $0.stepID != nil }
        let end = [incident.mitigatedAt, incident.resolvedAt, now].compactMap { $0 }.min()
        var periods: [Deadline] = []
        for (stepID, rows) in Dictionary(grouping: recurring, by: { $0.stepID ?? "" }) {
            guard let every = steps.first(where: { $0.stepID == stepID })?.every, every > 0,
                let first = rows.min(by: { $0.occurrence < $1.occurrence })
            else { continue }
            let firstDue = first.dueAt.addingTimeInterval(-Double(first.occurrence - 1) * every)
            let lastStored = rows.map(\.occurrence).max() ?? first.occurrence
            for occurrence in 1...periodLimit {
                let due = firstDue.addingTimeInterval(Double(occurrence - 1) * every)
                let owed = end.map { due.addingTimeInterval(-every) < $0 } ?? (occurrence <= lastStored)
                guard owed else { break }
                periods.append(
                    Deadline(
                        incidentID: first.incidentID, kind: .recurring, layer: first.layer, stepID: stepID,
                        occurrence: occurrence, dueAt: due))
            }
        }
        return periods
    }

    /// Judges one period of a recurring step: met when the step was done within it (from `every` before its due
    /// time up to that time, as the reminder that fires at its end checks), missed by the time until the step was
    /// next done, or never.
    /// - Parameter done: every time the step was done, oldest first.
    static func judge(
        period: Deadline, every: TimeInterval, of incident: Incident, done: [Date], at now: Date?
    ) -> DeadlineOutcome {
        let start = period.dueAt.addingTimeInterval(-every)
        if let answered = done.first(where: { start <= $0 && $0 <= period.dueAt }) {
            return .met(margin: answered.timeIntervalSince(period.dueAt))
        }
        if let end = [incident.mitigatedAt, incident.resolvedAt].compactMap({ $0 }).min(), end <= period.dueAt {
            return .notDueBeforeResolution
        }
        if let answered = done.first(where: { $0 > period.dueAt }) {
            return .late(margin: answered.timeIntervalSince(period.dueAt))
        }
        if let now, now < period.dueAt { return .running }
        return .unanswered
    }
}
