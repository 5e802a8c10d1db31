public import Foundation

/// A fact from the record that supports a finding, typed: told in a language at the edges.
public enum Evidence: Sendable, Hashable {
    /// Opened by a rule (its id), or by another origin (`alertmanager`).
    case openedBy(rule: String?, origin: String)
    case declaredBy(String?)
    case alertAfterBreach(TimeInterval)
    /// A complaint or sentiment incident that opened `lead` before this one.
    case voiceBefore(id: IncidentID?, category: Category, title: String, lead: TimeInterval)
    case noVoices(hours: Int)
    case noDeadline
    case deadline(DeadlineName, DeadlineVerdict)
    case noRootCause
    case noFollowUpsNoAction
    case noFollowUpsYet
    case settled(done: Int, of: Int)
    case stillOpen(description: String, owner: String)
    case recurred(id: IncidentID?, after: TimeInterval)
    case noRecurrence(days: Int)
    case notResolved
    /// A sentence read back from JSON, whose facts are gone.
    case text(String)

    /// A deadline as the findings name it.
    public struct DeadlineName: Sendable, Hashable {
        public var kind: DeadlineKind
        public var layer: Layer
        public var stepID: String?
        public var occurrence: Int
        public var dueAt: Date
    }

    /// How a deadline went.
    public enum DeadlineVerdict: Sendable, Hashable {
        case met(margin: TimeInterval)
        /// Not yet due when the incident resolved, or (a recurring step) when it was mitigated.
        case notDue(mitigated: Bool)
        case late(margin: TimeInterval)
        case unanswered
    }
}

/// Tells findings' evidence in one language.
public struct FindingText: Sendable {
    public let words: Localizer

    public init(_ words: Localizer) { self.words = words }

    public static let english = FindingText(.english)

    /// `Were we warned early?`, `预警是否及时？`
    public func question(_ kind: FindingKind) -> String { words("finding.\(kind.rawValue).question") }

    /// `Yes`, `是`.
    public func verdict(_ yes: Bool) -> String { words(yes ? "postmortem.yes" : "postmortem.no") }

    public func sentence(_ evidence: Evidence) -> String {
        switch evidence {
        case .openedBy(let rule, let origin):
            rule.map { words("evidence.opened_by_rule", ["rule": $0]) }
                ?? words("evidence.opened_by", ["origin": words("origin.\(origin)")])
        case .declaredBy(let who):
            words("evidence.declared_by", ["name": who ?? words("evidence.a_person")])
        case .alertAfterBreach(let wait): words("evidence.alert_after", ["span": words.readable(wait)])
        case .voiceBefore(let id, let category, let title, let lead):
            words(
                "evidence.voice_before",
                [
                    "id": id.map(\.description) ?? words("evidence.an_incident"),
                    "category": words.category(category), "title": title, "span": words.readable(lead),
                ])
        case .noVoices(let hours): words("evidence.no_voices", ["hours": "\(hours)"])
        case .noDeadline: words("evidence.no_deadline")
        case .deadline(let name, let verdict): deadline(name, verdict)
        default: solved(evidence)
        }
    }

    private func solved(_ evidence: Evidence) -> String {
        switch evidence {
        case .noRootCause: words("evidence.no_root_cause")
        case .noFollowUpsNoAction: words("evidence.no_follow_ups_no_action")
        case .noFollowUpsYet: words("evidence.no_follow_ups_yet")
        case .settled(let done, let all): words("evidence.settled", ["done": "\(done)", "all": "\(all)"])
        case .stillOpen(let description, let owner):
            words("evidence.still_open", ["description": description, "owner": owner])
        case .recurred(let id, let after):
            words(
                "evidence.recurred",
                ["id": id.map(\.description) ?? words("evidence.it"), "span": words.readable(after)])
        case .noRecurrence(let days): words("evidence.no_recurrence", ["days": "\(days)"])
        case .notResolved: words("evidence.not_resolved")
        case .text(let text): text
        default: ""
        }
    }

    private func deadline(_ name: Evidence.DeadlineName, _ verdict: Evidence.DeadlineVerdict) -> String {
        let label = self.name(name)
        return switch verdict {
        case .met(let margin): words("evidence.met", ["name": label, "span": words.readable(margin)])
        case .notDue(let mitigated):
            words(mitigated ? "evidence.not_due_mitigated" : "evidence.not_due_resolved", ["name": label])
        case .late(let margin): words("evidence.late", ["name": label, "span": words.readable(margin)])
        case .unanswered: words("evidence.unanswered", ["name": label])
        }
    }

    /// `Acknowledge (operation)`, `Step confirm (operation), period 2 due 03:15:48 UTC`.
    private func name(_ name: Evidence.DeadlineName) -> String {
        let layer = words.layer(name.layer)
        let step = name.stepID ?? "?"
        return switch name.kind {
        case .acknowledge: words("evidence.deadline.acknowledge", ["layer": layer])
        case .assess: words("evidence.deadline.assess", ["layer": layer])
        case .instruct: words("evidence.deadline.instruct", ["layer": layer])
        case .step, .recurringEscalation: words("evidence.deadline.step", ["step": step, "layer": layer])
        case .recurring:
            words(
                "evidence.deadline.recurring",
                [
                    "step": step, "layer": layer, "period": "\(name.occurrence)",
                    "time": words.time(name.dueAt, now: name.dueAt),
                ])
        case .postMortemReminder, .postMortemOverdue, .followUpOverdue:
            words("evidence.deadline.review", ["layer": layer])
        }
    }
}
