import BeaconCore
import Foundation
import Testing

/// Every fact has its English sentence, and facts survive a round trip through their stored form.
@Suite struct TimelineTextTests {
    static let attempt = NotificationAttempt(
        kind: .page, recipient: "Zhang Min", layer: .operation, channel: "sms", attempt: 2)
    static let due = LocalDay(year: 2026, month: 5, day: 11)

    /// One of every case, with the sentence it is told as.
    static let facts: [(TimelineFact, String)] = [
        (
            .opened(severity: .sev2, reading: "0.85", breachingFor: 120),
            "Opened at sev2 (major): 0.85, breaching for 2m"
        ),
        (.openedByAlertmanager(severity: .sev3), "Opened at sev3 (moderate) from Alertmanager"),
        (.raised(from: .sev3, to: .sev1, reading: "0.5"), "Severity raised from sev3 to sev1: 0.5"),
        (.raisedByAlertmanager(from: .sev3, to: .sev2), "Severity raised from sev3 to sev2 by Alertmanager"),
        (
            .eased(reading: "0.88", level: .sev3, kept: .sev2),
            "Value improved to 0.88 (sev3 level); severity stays sev2 until resolved"
        ),
        (.recovering(reading: "0.97", resolveAfter: 300), "Back to normal (0.97); resolves if healthy for 5m"),
        (.resolvedAutomatically(healthyFor: 300), "Resolved automatically: healthy for 5m"),
        (.resolvedByAlertmanager, "Resolved by Alertmanager"),
        (
            .declared(by: "zhangmin", severity: .sev1, category: .system),
            "Declared by zhangmin at sev1 (critical), category system"
        ),
        (.statusChanged(to: .acknowledged, by: "zhangmin", note: "on it"), "Acknowledged by zhangmin: on it"),
        (.stepDone(step: "confirm", by: "zhangmin", note: nil), "Step confirm done by zhangmin"),
        (
            .approvalAnswered(approved: false, by: "lina", title: "Compensate", comment: "too early"),
            "Rejected by lina: Compensate — too early"
        ),
        (.playbookStarted(playbook: "payment", active: 2, steps: 4), "Playbook payment started: 2 of 4 steps active"),
        (.noPlaybook, "No playbook applies to this incident"),
        (.stepActivated(step: "assess", severity: .sev2), "Step assess activated at sev2"),
        (.paged(layers: [.operation, .execution], severity: .sev2), "Paged operation, execution at sev2"),
        (.approvalAsked(title: "Compensate"), "Approval asked of decision: Compensate"),
        (
            .escalated(.notAcknowledged(within: 300), to: .execution),
            "Operation did not acknowledge within 5m: execution paged"
        ),
        (
            .escalated(.notAssessed(step: "Assess", within: 900), to: .decision),
            "Execution did not assess (Assess) within 15m: decision paged"
        ),
        (
            .escalated(.noInstruction(within: 1800), to: .decision),
            "Decision gave no instruction within 30m on a sev1: decision paged"
        ),
        (
            .escalated(.byPerson("wanglei", note: "call the CEO"), to: .decision),
            "Escalated by wanglei: call the CEO: decision paged"
        ),
        (.instructionMissed, "Missed: decision instruction deadline on a sev1"),
        (.stepMissed(step: "confirm", owner: .operation), "Step confirm missed its deadline; operation reminded"),
        (
            .recurringMissed(step: "progress", owner: .operation),
            "Recurring step progress not done this period; operation reminded"
        ),
        (
            .recurringEscalated(step: "progress", to: .execution),
            "Recurring step progress still not done: execution told"
        ),
        (.delivered(attempt, detail: "HTTP 200"), "Notified Zhang Min (operation) on sms, page, attempt 2: HTTP 200"),
        (
            .retrying(attempt, reason: "HTTP 503", retryIn: 0.25),
            "Failed page to Zhang Min on sms, attempt 2: HTTP 503; retrying in 250ms"
        ),
        (
            .gaveUp(attempt, reason: "HTTP 500", fallovers: []),
            "Gave up page to Zhang Min on sms, attempt 2: HTTP 500; Zhang Min has no other channel"
        ),
        (
            .gaveUp(attempt, reason: "HTTP 500", fallovers: ["mail"]),
            "Gave up page to Zhang Min on sms, attempt 2: HTTP 500; falling over to mail"
        ),
        (
            .postMortemOpened(owner: .execution, due: due),
            "Post-mortem opened: the execution layer writes it by Mon 11 May 2026"
        ),
        (
            .postMortemReminded(owner: .execution, due: due),
            "Post-mortem reminder sent to execution, due Mon 11 May 2026"
        ),
        (
            .postMortemOverdue(owner: .execution, due: due),
            "Post-mortem overdue since Mon 11 May 2026: decision told, execution reminded"
        ),
        (
            .postMortemEdited(
                by: "bob", changes: PostMortemEdit(fields: [.rootCause, .comment(.warnedEarly)], added: 2)),
            "Post-mortem edited by bob: root cause, comment on warned early; 2 follow-ups added"
        ),
        (
            .followUpOverdue(
                due: due, description: "Alert on errors", owner: "zhangmin", reminded: "Zhang Min", told: .execution),
            "Follow-up overdue since Mon 11 May 2026: Zhang Min reminded (Alert on errors)"
        ),
        (
            .followUpOverdue(due: due, description: "Alert on errors", owner: "ghost", reminded: nil, told: .execution),
            "Follow-up overdue since Mon 11 May 2026: owner ghost is not in the command chain; execution told (Alert on errors)"
        ),
        (.text("Something from before"), "Something from before"),
    ]

    @Test func everyFactHasItsEnglishSentence() {
        for (fact, sentence) in Self.facts {
            #expect(TimelineText.english.sentence(fact) == sentence)
        }
    }

    @Test func factsRoundTripThroughTheirStoredForm() throws {
        for (fact, _) in Self.facts {
            let data = try JSONEncoder().encode(fact)
            #expect(try JSONDecoder().decode(TimelineFact.self, from: data) == fact)
        }
    }
}
