public import Foundation

/// Computes the three findings of a post-mortem from the record.
public enum Findings {
    /// How long after resolution a repeat of the same fingerprint means it was not fully solved.
    public static let recurrenceWindow: TimeInterval = 7 * 86_400
    /// How long before an incident a complaint or sentiment incident means people noticed first.
    public static let precedingWindow: TimeInterval = 86_400

    /// Whether Beacon warned before people noticed: opened by a rule, with no complaint or sentiment incident
    /// opened in the `precedingWindow` before it.
    /// - Parameters:
    ///   - earlier: incidents opened in the `precedingWindow` before this one (any category); complaint and
    ///     sentiment ones count against.
    public static func warnedEarly(_ incident: Incident, earlier: [Incident]) -> Finding {
        var evidence: [String] = []
        let byRule = incident.origin != .declared
        evidence.append(
            byRule
                ? "Opened by \(incident.ruleID.map { "rule \($0)" } ?? incident.origin.rawValue)."
                : "Declared by \(incident.declaredBy ?? "a person"); no rule saw it.")
        if let breach = incident.firstBreachAt {
            let wait = DurationText.render(incident.openedAt.timeIntervalSince(breach))
            evidence.append("The alert came \(wait) after the first breach.")
        }
        let voices = earlier.filter {
            ($0.category == .complaint || $0.category == .sentiment) && $0.openedAt < incident.openedAt
                && $0.id != incident.id
        }
        for voice in voices.sorted(by: { $0.openedAt < $1.openedAt }) {
            let lead = DurationText.render(incident.openedAt.timeIntervalSince(voice.openedAt))
            let number = voice.id.map(\.description) ?? "An incident"
            evidence.append("\(number) (\(voice.category.rawValue): \(voice.title)) opened \(lead) before it.")
        }
        if voices.isEmpty {
            let hours = Int(precedingWindow / 3_600)
            evidence.append("No complaint or sentiment incident opened in the \(hours) hours before it.")
        }
        return Finding(kind: .warnedEarly, verdict: byRule && voices.isEmpty, evidence: evidence)
    }

    /// Whether every deadline was met, and by how much each was met or missed: acknowledge, assess, instruct,
    /// each step's deadline and every period of each recurring step.
    /// - Parameters:
    ///   - completions: every time each step was done, which answers the periods of recurring steps.
    public static func respondedFast(
        _ incident: Incident, deadlines: [Deadline], steps: [RunStep], approvals: [PostMortemApproval],
        completions: StepCompletions = StepCompletions()
    ) -> Finding {
        let watched = DeadlineOutcome.watched(deadlines, incident: incident, steps: steps)
        guard !watched.isEmpty else {
            return Finding(kind: .respondedFast, verdict: true, evidence: ["No deadline applied."])
        }
        var allMet = true
        let evidence = watched.map { deadline -> String in
            let name = label(deadline)
            let outcome = DeadlineOutcome.judge(
                deadline, of: incident, steps: steps, approvals: approvals, completions: completions)
            if outcome.isMet == false { allMet = false }
            switch outcome {
            case .met(let margin): return "\(name): met, \(DurationText.render(margin)) early."
            case .notDueBeforeResolution: return "\(name): not yet due when it \(ended(deadline, incident))."
            case .late(let margin): return "\(name): missed by \(DurationText.render(margin))."
            case .unanswered, .running: return "\(name): missed, never answered."
            }
        }
        return Finding(kind: .respondedFast, verdict: allMet, evidence: evidence)
    }

    /// Whether the cause is known and dealt with: a root cause written, at least one follow-up and all of them
    /// settled, and the same fingerprint quiet for a week after resolution. An untouched review is never "yes".
    /// - Parameters:
    ///   - rootCause: what the post-mortem says caused it, if anything yet.
    ///   - noActionReason: why no follow-up is needed, when the team says so; it stands in for follow-ups.
    ///   - later: incidents opened after this one; a repeat of its fingerprint counts against.
    public static func fullySolved(
        _ incident: Incident, rootCause: String?, noActionReason: String? = nil, followUps: [FollowUp],
        later: [Incident]
    ) -> Finding {
        var evidence: [String] = []
        let known = !(rootCause ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        if !known { evidence.append("No root cause written yet.") }
        let open = followUps.filter { $0.status == .open }
        let noActionNeeded = !(noActionReason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        if followUps.isEmpty {
            evidence.append(noActionNeeded ? "No follow-ups: no action needed." : "No follow-ups yet.")
        } else {
            let done = followUps.count - open.count
            evidence.append("\(done) of \(followUps.count) follow-ups settled (done or won't do).")
            for item in open { evidence.append("Still open: \(item.description) (\(item.owner)).") }
        }
        var repeats: [Incident] = []
        if let resolved = incident.resolvedAt {
            repeats = later.filter {
                $0.fingerprint == incident.fingerprint && $0.id != incident.id && $0.openedAt > resolved
                    && $0.openedAt <= resolved.addingTimeInterval(recurrenceWindow)
            }
            for again in repeats {
                let after = DurationText.render(again.openedAt.timeIntervalSince(resolved))
                evidence.append("\(again.id.map(\.description) ?? "It") recurred \(after) after resolution.")
            }
            if repeats.isEmpty { evidence.append("No recurrence within 7 days of resolution.") }
        } else {
            evidence.append("Not resolved yet.")
        }
        let verdict =
            known && (!followUps.isEmpty || noActionNeeded) && open.isEmpty && repeats.isEmpty
            && incident.resolvedAt != nil
        return Finding(kind: .fullySolved, verdict: verdict, evidence: evidence)
    }

    private static func label(_ deadline: Deadline) -> String {
        switch deadline.kind {
        case .acknowledge: "Acknowledge (\(deadline.layer.rawValue))"
        case .assess: "Assess (\(deadline.layer.rawValue))"
        case .instruct: "Instruct (\(deadline.layer.rawValue))"
        case .step, .recurringEscalation: "Step \(deadline.stepID ?? "?") (\(deadline.layer.rawValue))"
        case .recurring:
            "Step \(deadline.stepID ?? "?") (\(deadline.layer.rawValue)), period \(deadline.occurrence) due "
                + MessageComposer.clockText(deadline.dueAt)
        case .postMortemReminder, .postMortemOverdue, .followUpOverdue: "Review (\(deadline.layer.rawValue))"
        }
    }

    /// How the incident stopped owing a deadline: a recurring step is no longer asked for once it is mitigated.
    private static func ended(_ deadline: Deadline, _ incident: Incident) -> String {
        guard deadline.kind == .recurring, let mitigated = incident.mitigatedAt,
            mitigated <= deadline.dueAt, mitigated < (incident.resolvedAt ?? .distantFuture)
        else { return "resolved" }
        return "was mitigated"
    }
}
