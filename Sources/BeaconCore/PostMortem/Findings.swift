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
        var evidence: [Evidence] = []
        let byRule = incident.origin != .declared
        evidence.append(
            byRule
                ? .openedBy(rule: incident.ruleID?.rawValue, origin: incident.origin.rawValue)
                : .declaredBy(incident.declaredBy))
        if let breach = incident.firstBreachAt {
            evidence.append(.alertAfterBreach(incident.openedAt.timeIntervalSince(breach)))
        }
        let voices = earlier.filter {
            ($0.category == .complaint || $0.category == .sentiment) && $0.openedAt < incident.openedAt
                && $0.id != incident.id
        }
        for voice in voices.sorted(by: { $0.openedAt < $1.openedAt }) {
            evidence.append(
                .voiceBefore(
                    id: voice.id, category: voice.category, title: voice.title,
                    lead: incident.openedAt.timeIntervalSince(voice.openedAt)))
        }
        if voices.isEmpty { evidence.append(.noVoices(hours: Int(precedingWindow / 3_600))) }
        return Finding(kind: .warnedEarly, verdict: byRule && voices.isEmpty, facts: evidence)
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
            return Finding(kind: .respondedFast, verdict: true, facts: [.noDeadline])
        }
        var allMet = true
        let evidence = watched.map { deadline -> Evidence in
            let name = Evidence.DeadlineName(
                kind: deadline.kind, layer: deadline.layer, stepID: deadline.stepID?.rawValue,
                occurrence: deadline.occurrence,
                dueAt: deadline.dueAt)
            let outcome = DeadlineOutcome.judge(
                deadline, of: incident, steps: steps, approvals: approvals, completions: completions)
            if outcome.isMet == false { allMet = false }
            switch outcome {
            case .met(let margin): return .deadline(name, .met(margin: margin))
            case .notDueBeforeResolution: return .deadline(name, .notDue(mitigated: mitigated(deadline, incident)))
            case .late(let margin): return .deadline(name, .late(margin: margin))
            case .unanswered, .running: return .deadline(name, .unanswered)
            }
        }
        return Finding(kind: .respondedFast, verdict: allMet, facts: evidence)
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
        var evidence: [Evidence] = []
        let known = !(rootCause ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        if !known { evidence.append(.noRootCause) }
        let open = followUps.filter { $0.status == .open }
        let noActionNeeded = !(noActionReason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        if followUps.isEmpty {
            evidence.append(noActionNeeded ? .noFollowUpsNoAction : .noFollowUpsYet)
        } else {
            evidence.append(.settled(done: followUps.count - open.count, of: followUps.count))
            for item in open { evidence.append(.stillOpen(description: item.description, owner: item.owner)) }
        }
        var repeats: [Incident] = []
        if let resolved = incident.resolvedAt {
            repeats = later.filter {
                $0.fingerprint == incident.fingerprint && $0.id != incident.id && $0.openedAt > resolved
                    && $0.openedAt <= resolved.addingTimeInterval(recurrenceWindow)
            }
            for again in repeats {
                evidence.append(.recurred(id: again.id, after: again.openedAt.timeIntervalSince(resolved)))
            }
            if repeats.isEmpty { evidence.append(.noRecurrence(days: Int(recurrenceWindow / 86_400))) }
        } else {
            evidence.append(.notResolved)
        }
        let verdict =
            known && (!followUps.isEmpty || noActionNeeded) && open.isEmpty && repeats.isEmpty
            && incident.resolvedAt != nil
        return Finding(kind: .fullySolved, verdict: verdict, facts: evidence)
    }

    /// Whether the incident stopped owing a recurring deadline by being mitigated (it is no longer asked for),
    /// rather than by resolving.
    private static func mitigated(_ deadline: Deadline, _ incident: Incident) -> Bool {
        guard deadline.kind == .recurring, let mitigated = incident.mitigatedAt else { return false }
        return mitigated <= deadline.dueAt && mitigated < (incident.resolvedAt ?? .distantFuture)
    }
}
