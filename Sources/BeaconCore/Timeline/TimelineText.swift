import Foundation

/// Tells timeline facts as sentences in one language, from its catalog: the one place each sentence is chosen.
public struct TimelineText: Sendable {
    public let words: Localizer

    public init(_ words: Localizer) { self.words = words }

    /// English, as the API and the raw rows speak.
    public static let english = TimelineText(.english)

    /// The sentence for `fact`.
    public func sentence(_ fact: TimelineFact) -> String {
        switch fact {
        case .opened(let severity, let reading, let held):
            words("timeline.opened", ["severity": words.severity(severity), "reading": reading])
                + (held.map { words("timeline.opened.breaching", ["span": words.duration($0)]) } ?? "")
        case .openedByAlertmanager(let severity):
            words("timeline.opened_by_alertmanager", ["severity": words.severity(severity)])
        case .raised(let from, let to, let reading):
            words("timeline.raised", ["from": from.rawValue, "to": to.rawValue, "reading": reading])
        case .raisedByAlertmanager(let from, let to):
            words("timeline.raised_by_alertmanager", ["from": from.rawValue, "to": to.rawValue])
        case .easedByAlertmanager(let resolved, let firing, let kept):
            words(
                "timeline.eased_by_alertmanager",
                ["resolved": resolved.rawValue, "firing": firing.rawValue, "kept": kept.rawValue])
        case .eased(let reading, let level, let kept):
            words("timeline.eased", ["reading": reading, "level": level.rawValue, "kept": kept.rawValue])
        case .recovering(let reading, let after):
            words("timeline.recovering", ["reading": reading, "span": words.duration(after)])
        case .resolvedAutomatically(let healthyFor):
            words("timeline.resolved_automatically", ["span": words.duration(healthyFor)])
        case .resolvedByAlertmanager: words("timeline.resolved_by_alertmanager")
        default: people(fact)
        }
    }

    /// `: note`, or nothing.
    private func note(_ note: String?) -> String { note.map { words("timeline.note", ["note": $0]) } ?? "" }

    private func people(_ fact: TimelineFact) -> String {
        switch fact {
        case .declared(let actor, let severity, let category):
            words(
                "timeline.declared",
                ["actor": actor, "severity": words.severity(severity), "category": words.category(category)])
        case .statusChanged(let status, let actor, let text):
            words("timeline.status.\(status.rawValue)", ["actor": actor]) + note(text)
        case .stepDone(let step, let actor, let text):
            words("timeline.step_done", ["step": step.rawValue, "actor": actor]) + note(text)
        case .approvalAnswered(let approved, let actor, let title, let comment):
            words(approved ? "timeline.approved" : "timeline.rejected", ["actor": actor, "title": title])
                + (comment.map { words("timeline.comment", ["comment": $0]) } ?? "")
        default: chain(fact)
        }
    }

    private func chain(_ fact: TimelineFact) -> String {
        switch fact {
        case .playbookStarted(let playbook, let active, let steps):
            words("timeline.playbook_started", ["playbook": playbook, "active": "\(active)", "steps": "\(steps)"])
        case .noPlaybook: words("timeline.no_playbook")
        case .stepActivated(let step, let severity):
            words("timeline.step_activated", ["step": step.rawValue, "severity": severity.rawValue])
        case .paged(let layers, let severity):
            words("timeline.paged", ["layers": words.list(layers.map(words.layer)), "severity": severity.rawValue])
        case .instructed(let by, let text): words("timeline.instructed", ["actor": by, "text": text])
        case .reopened(let by, let reason): words("timeline.reopened", ["actor": by, "reason": reason])
        case .severityChanged(let from, let to, let by, let reason):
            words(
                to > from ? "timeline.severity_raised" : "timeline.severity_lowered",
                ["from": from.rawValue, "to": to.rawValue, "actor": by, "reason": reason])
        case .rosterGap(let layer, let roster):
            words("timeline.roster_gap", ["roster": roster, "layer": words.layer(layer)])
        case .rosterOverride(let roster, let person, let from, let to, let zone, let by, let reason, let removed):
            words(
                removed ? "timeline.override_removed" : "timeline.override",
                [
                    "actor": by, "person": person, "roster": roster, "from": Self.local(from, in: zone),
                    "to": Self.local(to, in: zone), "zone": zone,
                ]) + note(reason)
        case .approvalAsked(let title): words("timeline.approval_asked", ["title": title])
        case .escalated(let reason, let layer):
            words("timeline.escalated", ["reason": self.reason(reason), "layer": words.layer(layer)])
        case .instructionMissed: words("timeline.instruction_missed")
        case .stepMissed(let step, let owner):
            words("timeline.step_missed", ["step": step.rawValue, "layer": words.layer(owner)])
        case .recurringMissed(let step, let owner):
            words("timeline.recurring_missed", ["step": step.rawValue, "layer": words.layer(owner)])
        case .recurringEscalated(let step, let above):
            words("timeline.recurring_escalated", ["step": step.rawValue, "layer": words.layer(above)])
        default: outbox(fact)
        }
    }

    private func outbox(_ fact: TimelineFact) -> String {
        switch fact {
        case .delivered(let attempt, let detail):
            words(
                "timeline.delivered",
                [
                    "recipient": attempt.recipient, "layer": words.layer(attempt.layer), "channel": attempt.channel,
                    "kind": words("kind.\(attempt.kind.rawValue)"), "attempt": "\(attempt.attempt)", "detail": detail,
                ])
        case .retrying(let attempt, let reason, let wait):
            words("timeline.retrying", ["attempt": self.attempt(attempt), "reason": reason, "wait": retryWait(wait)])
        case .gaveUp(let attempt, let reason, let fallovers):
            words("timeline.gave_up", ["attempt": self.attempt(attempt), "reason": reason])
                + (fallovers.isEmpty
                    ? words("timeline.gave_up.no_other", ["recipient": attempt.recipient])
                    : words("timeline.gave_up.falling_over", ["channels": words.list(fallovers)]))
        default: postMortem(fact)
        }
    }

    private func postMortem(_ fact: TimelineFact) -> String {
        switch fact {
        case .postMortemOpened(let owner, let due):
            words("timeline.postmortem_opened", ["layer": words.layer(owner), "due": words.day(due)])
        case .postMortemReminded(let owner, let due):
            words("timeline.postmortem_reminded", ["layer": words.layer(owner), "due": words.day(due)])
        case .postMortemOverdue(let owner, let due):
            words("timeline.postmortem_overdue", ["layer": words.layer(owner), "due": words.day(due)])
        case .postMortemEdited(let actor, let changes):
            words("timeline.postmortem_edited", ["actor": actor, "changes": summary(changes)])
        case .followUpOverdue(let due, let description, let owner, let reminded, let told):
            if let reminded {
                words(
                    "timeline.follow_up_overdue",
                    ["due": words.day(due), "reminded": reminded, "description": description])
            } else {
                words(
                    "timeline.follow_up_overdue.outside",
                    ["due": words.day(due), "owner": owner, "layer": words.layer(told), "description": description])
            }
        case .text(let text): text
        default: ""
        }
    }

    /// `Operation did not acknowledge within 5m`: also the headline of the escalation message.
    public func reason(_ reason: EscalationReason) -> String {
        switch reason {
        case .notAcknowledged(let within): words("escalation.not_acknowledged", ["span": words.duration(within)])
        case .notAssessed(let step, let within):
            words("escalation.not_assessed", ["step": step, "span": words.duration(within)])
        case .noInstruction(let within): words("escalation.no_instruction", ["span": words.duration(within)])
        case .byPerson(let actor, let text): words("escalation.by_person", ["actor": actor]) + note(text)
        }
    }

    /// `payment to Zhang Min on sms, attempt 2`.
    private func attempt(_ attempt: NotificationAttempt) -> String {
        words(
            "timeline.attempt",
            [
                "kind": words("kind.\(attempt.kind.rawValue)"), "recipient": attempt.recipient,
                "channel": attempt.channel, "attempt": "\(attempt.attempt)",
            ])
    }

    /// `Notified 5 people on 3 channels: all delivered · 1 fell over to sms · 1 retrying`.
    public func tally(_ tally: NotificationTally) -> String {
        var parts = [
            tally.delivered == tally.outcomes
                ? words("tally.all_delivered") : words("tally.delivered", ["count": "\(tally.delivered)"])
        ]
        if tally.fellOver > 0 {
            parts.append(
                words(
                    "tally.fell_over",
                    ["count": "\(tally.fellOver)", "channels": words.list(tally.falloverChannels)]))
        }
        if tally.retrying > 0 { parts.append(words("tally.retrying", ["count": "\(tally.retrying)"])) }
        if tally.unreached > 0 { parts.append(words("tally.unreached", ["count": "\(tally.unreached)"])) }
        return words(
            "tally.notified",
            [
                "people": words.count("tally.people", tally.people),
                "channels": words.count(
                    "tally.channels", tally.channels),
            ]) + parts.joined(separator: " · ")
    }

    /// `root cause, trigger; 2 follow-ups added, 1 marked done`.
    public func summary(_ edit: PostMortemEdit) -> String {
        let counts = [
            (edit.added, "added"), (edit.markedDone, "marked_done"), (edit.markedWontDo, "marked_wont_do"),
            (edit.reopened, "reopened"), (edit.edited, "changed"),
        ].filter { $0.0 > 0 }
        let followUps = counts.enumerated().map { index, entry in
            index == 0
                ? words.count("edit.follow_ups.\(entry.1)", entry.0)
                : words("edit.\(entry.1)", ["count": "\(entry.0)"])
        }
        let fields = words.list(edit.fields.map(field))
        let parts = [fields, words.list(followUps)].filter { !$0.isEmpty }
        return parts.isEmpty ? words("edit.nothing") : parts.joined(separator: words("edit.separator"))
    }

    /// `root cause`, `comment on warned early`.
    public func field(_ field: PostMortemField) -> String {
        switch field {
        case .comment(let kind): words("field.comment", ["finding": words("finding.\(kind.rawValue)")])
        default: words("field.\(field.key)")
        }
    }

    /// `2026-12-08 20:00`, seconds since 1970 as a clock in the zone named `zone` shows them (UTC for a name
    /// this machine does not know).
    static func local(_ seconds: Seconds, in zone: String) -> String {
        let timeZone = TimeZone(identifier: zone) ?? TimeZone(secondsFromGMT: 0)!
        return LocalDateTime(Date(timeIntervalSince1970: seconds), in: timeZone).readable
    }

    /// `300ms` below a second, else whole seconds (`2s`).
    func retryWait(_ seconds: Seconds) -> String {
        seconds < 1 ? Duration.milliseconds(Int64(seconds * 1_000)).configText : words.duration(seconds.rounded())
    }
}

extension PostMortemField {
    /// The field's catalog key under `field.`.
    fileprivate var key: String {
        switch self {
        case .rootCause: "root_cause"
        case .trigger: "trigger"
        case .ordersAffected: "orders_affected"
        case .usersAffected: "users_affected"
        case .revenueAtRisk: "revenue_at_risk"
        case .noActionReason: "no_action_reason"
        case .comment: "comment"
        }
    }
}
