import Foundation

/// Tells timeline facts as sentences in one language: the one place each sentence is written.
public struct TimelineText: Sendable {
    private let render: @Sendable (TimelineFact) -> String

    /// English, as the console, the CLI, the API and the Markdown export speak it today.
    public static let english = TimelineText(render: TimelineText.englishSentence)

    /// The sentence for `fact`.
    public func sentence(_ fact: TimelineFact) -> String { render(fact) }

    /// `Mon 11 May 2026`, through Foundation's calendar and its English names (no hand-made tables).
    public static func englishDay(_ day: LocalDay) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0)!
        calendar.locale = Locale(identifier: "en_US_POSIX")
        let noon = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12))
        guard let noon else { return day.description }
        let weekday = calendar.shortWeekdaySymbols[calendar.component(.weekday, from: noon) - 1]
        let month = calendar.shortMonthSymbols[day.month - 1]
        return "\(weekday) \(day.day) \(month) \(day.year)"
    }

    /// `2026-12-08 20:00`, seconds since 1970 as a clock in the zone named `zone` shows them (UTC for a name
    /// this machine does not know).
    static func local(_ seconds: Seconds, in zone: String) -> String {
        let timeZone = TimeZone(identifier: zone) ?? TimeZone(secondsFromGMT: 0)!
        return LocalDateTime(Date(timeIntervalSince1970: seconds), in: timeZone).readable
    }

    /// `Operation did not acknowledge within 5m`: also the headline of the escalation message.
    public static func englishReason(_ reason: EscalationReason) -> String {
        switch reason {
        case .notAcknowledged(let within): "Operation did not acknowledge within \(duration(within))"
        case .notAssessed(let step, let within): "Execution did not assess (\(step)) within \(duration(within))"
        case .noInstruction(let within): "Decision gave no instruction within \(duration(within)) on a sev1"
        case .byPerson(let actor, let note): "Escalated by \(actor)" + (note.map { ": \($0)" } ?? "")
        }
    }

    private static func englishSentence(_ fact: TimelineFact) -> String {
        switch fact {
        case .opened(let severity, let reading, let held):
            "Opened at \(severity.rawValue) (\(severity.label)): \(reading)"
                + (held.map { ", breaching for \(duration($0))" } ?? "")
        case .openedByAlertmanager(let severity):
            "Opened at \(severity.rawValue) (\(severity.label)) from Alertmanager"
        case .raised(let from, let to, let reading):
            "Severity raised from \(from.rawValue) to \(to.rawValue): \(reading)"
        case .raisedByAlertmanager(let from, let to):
            "Severity raised from \(from.rawValue) to \(to.rawValue) by Alertmanager"
        case .easedByAlertmanager(let resolved, let firing, let kept):
            "Alertmanager: the \(resolved.rawValue) alert resolved, the \(firing.rawValue) one still fires; severity "
                + "stays \(kept.rawValue) until every alert has resolved"
        case .eased(let reading, let level, let kept):
            "Value improved to \(reading) (\(level.rawValue) level); severity stays \(kept.rawValue) until resolved"
        case .recovering(let reading, let after):
            "Back to normal (\(reading)); resolves if healthy for \(duration(after))"
        case .resolvedAutomatically(let healthyFor): "Resolved automatically: healthy for \(duration(healthyFor))"
        case .resolvedByAlertmanager: "Resolved by Alertmanager"
        default: englishPeople(fact)
        }
    }

    private static func englishPeople(_ fact: TimelineFact) -> String {
        switch fact {
        case .declared(let actor, let severity, let category):
            "Declared by \(actor) at \(severity.rawValue) (\(severity.label)), category \(category.rawValue)"
        case .statusChanged(let status, let actor, let note):
            "\(status.rawValue.capitalized) by \(actor)" + (note.map { ": \($0)" } ?? "")
        case .stepDone(let step, let actor, let note):
            "Step \(step) done by \(actor)" + (note.map { ": \($0)" } ?? "")
        case .approvalAnswered(let approved, let actor, let title, let comment):
            "\(approved ? "Approved" : "Rejected") by \(actor): \(title)" + (comment.map { " — \($0)" } ?? "")
        default: englishChain(fact)
        }
    }

    private static func englishChain(_ fact: TimelineFact) -> String {
        switch fact {
        case .playbookStarted(let playbook, let active, let steps):
            "Playbook \(playbook) started: \(active) of \(steps) steps active"
        case .noPlaybook: "No playbook applies to this incident"
        case .stepActivated(let step, let severity): "Step \(step) activated at \(severity.rawValue)"
        case .paged(let layers, let severity):
            "Paged \(layers.map(\.rawValue).joined(separator: ", ")) at \(severity.rawValue)"
        case .instructed(let by, let text): "Instruction from \(by): \(text)"
        case .reopened(let by, let reason): "Reopened by \(by), its post-mortem editable again: \(reason)"
        case .severityChanged(let from, let to, let by, let reason):
            "Severity \(to > from ? "raised" : "lowered") from \(from.rawValue) to \(to.rawValue) by \(by): \(reason)"
        case .rosterGap(let layer, let roster):
            "Nobody is on duty in roster \(roster): the whole \(layer.rawValue) layer is paged"
        case .rosterOverride(let roster, let person, let from, let to, let zone, let by, let reason, let removed):
            (removed ? "Override removed by \(by): " : "Override by \(by): ")
                + "\(person) on duty in roster \(roster) from \(local(from, in: zone)) to \(local(to, in: zone)) "
                + "(\(zone))" + (reason.map { ": \($0)" } ?? "")
        case .approvalAsked(let title): "Approval asked of decision: \(title)"
        case .escalated(let reason, let layer): "\(englishReason(reason)): \(layer.rawValue) paged"
        case .instructionMissed: "Missed: decision instruction deadline on a sev1"
        case .stepMissed(let step, let owner): "Step \(step) missed its deadline; \(owner.rawValue) reminded"
        case .recurringMissed(let step, let owner):
            "Recurring step \(step) not done this period; \(owner.rawValue) reminded"
        case .recurringEscalated(let step, let above): "Recurring step \(step) still not done: \(above.rawValue) told"
        default: englishOutbox(fact)
        }
    }

    private static func englishOutbox(_ fact: TimelineFact) -> String {
        switch fact {
        case .delivered(let attempt, let detail):
            "Notified \(attempt.recipient) (\(attempt.layer.rawValue)) on \(attempt.channel), "
                + "\(attempt.kind.rawValue), attempt \(attempt.attempt): \(detail)"
        case .retrying(let attempt, let reason, let wait):
            "Failed \(englishAttempt(attempt)): \(reason); retrying in \(retryWait(wait))"
        case .gaveUp(let attempt, let reason, let fallovers):
            "Gave up \(englishAttempt(attempt)): \(reason); "
                + (fallovers.isEmpty
                    ? "\(attempt.recipient) has no other channel"
                    : "falling over to \(fallovers.joined(separator: ", "))")
        default: englishPostMortem(fact)
        }
    }

    private static func englishPostMortem(_ fact: TimelineFact) -> String {
        switch fact {
        case .postMortemOpened(let owner, let due):
            "Post-mortem opened: the \(owner.rawValue) layer writes it by \(englishDay(due))"
        case .postMortemReminded(let owner, let due):
            "Post-mortem reminder sent to \(owner.rawValue), due \(englishDay(due))"
        case .postMortemOverdue(let owner, let due):
            "Post-mortem overdue since \(englishDay(due)): decision told, \(owner.rawValue) reminded"
        case .postMortemEdited(let actor, let changes):
            "Post-mortem edited by \(actor): \(englishSummary(changes))"
        case .followUpOverdue(let due, let description, let owner, let reminded, let told):
            if let reminded {
                "Follow-up overdue since \(englishDay(due)): \(reminded) reminded (\(description))"
            } else {
                "Follow-up overdue since \(englishDay(due)): owner \(owner) is not in the command chain; "
                    + "\(told.rawValue) told (\(description))"
            }
        case .text(let text): text
        default: ""
        }
    }

    /// `payment to Zhang Min on sms, attempt 2`.
    private static func englishAttempt(_ attempt: NotificationAttempt) -> String {
        "\(attempt.kind.rawValue) to \(attempt.recipient) on \(attempt.channel), attempt \(attempt.attempt)"
    }

    /// `root cause, trigger; 2 follow-ups added, 1 marked done`.
    public static func englishSummary(_ edit: PostMortemEdit) -> String {
        let counts = [
            (edit.added, "added"), (edit.markedDone, "marked done"), (edit.markedWontDo, "marked won't do"),
            (edit.reopened, "reopened"), (edit.edited, "changed"),
        ].filter { $0.0 > 0 }
        let followUps = counts.enumerated().map { index, entry in
            index == 0 ? "\(entry.0) follow-up\(entry.0 == 1 ? "" : "s") \(entry.1)" : "\(entry.0) \(entry.1)"
        }
        let fields = edit.fields.map(englishField).joined(separator: ", ")
        let parts = [fields, followUps.joined(separator: ", ")].filter { !$0.isEmpty }
        return parts.isEmpty ? "nothing" : parts.joined(separator: "; ")
    }

    /// `root cause`, `comment on warned early`.
    public static func englishField(_ field: PostMortemField) -> String {
        switch field {
        case .rootCause: "root cause"
        case .trigger: "trigger"
        case .ordersAffected: "orders affected"
        case .usersAffected: "users affected"
        case .revenueAtRisk: "revenue at risk"
        case .noActionReason: "no-action reason"
        case .comment(let kind): "comment on \(kind.label)"
        }
    }

    /// `5m`, `1h30m`.
    static func duration(_ seconds: Seconds) -> String { Duration.seconds(seconds).configText }

    /// `300ms` below a second, else whole seconds (`2s`).
    static func retryWait(_ seconds: Seconds) -> String {
        (seconds < 1 ? Duration.milliseconds(Int64(seconds * 1_000)) : .seconds(seconds.rounded())).configText
    }
}
