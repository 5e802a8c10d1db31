public import Foundation

extension IncidentDecider {
    /// A deadline passed: escalations, reminders, missed steps, post-mortem reminders. The deadline is returned
    /// fired, for the store to record with what it causes.
    public func fire(_ deadline: Deadline, of state: IncidentState, at now: Date) -> (Deadline, Decision) {
        var fired = deadline
        fired.firedAt = now
        let effects =
            planner?.fire(
                deadline, incident: state.incident, steps: state.steps, decisionActed: state.decisionActed,
                postMortem: state.postMortem, at: now) ?? CommandEffects()
        return (fired, Decision(incident: state.incident, events: []) { _ in effects })
    }

    /// The `occurrence`th reminder of a follow-up open past its due date, recorded as a fired deadline so that it
    /// goes out once.
    /// - Returns: `nil` when the follow-up is no longer open and overdue, or there is no one to remind.
    public func remind(
        _ followUp: FollowUp, of state: IncidentState, occurrence: Int, every: TimeInterval, at now: Date
    ) -> (Deadline, Decision)? {
        guard let planner, let followUpID = followUp.id, followUp.status == .open, followUp.dueAt <= now,
            let postMortem = state.postMortem
        else { return nil }
        var deadline = Deadline(
            incidentID: followUp.incidentID, kind: .followUpOverdue, layer: postMortem.owner,
            stepID: StepID("follow-up:\(followUpID)"), occurrence: occurrence,
            dueAt: followUp.dueAt.addingTimeInterval(Double(occurrence - 1) * every))
        deadline.firedAt = now
        let effects = planner.followUpOverdue(
            followUp, incident: state.incident, postMortemOwner: postMortem.owner, occurrence: occurrence, at: now)
        return (deadline, Decision(incident: state.incident, events: []) { _ in effects })
    }
}
