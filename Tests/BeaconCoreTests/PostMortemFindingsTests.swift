import BeaconCore
import Foundation
import Testing

@Suite struct PostMortemFindingsTests {
    typealias Script = PostMortemScript

    @Test func ruleAlertWithNoEarlierComplaintsWarnedEarly() {
        let finding = Findings.warnedEarly(Script.incident, earlier: [Script.other(3, .traffic, opened: 0)])
        #expect(finding.verdict)
        #expect(finding.evidence.contains("The alert came 2m after the first breach."))
    }

    @Test func complaintOpenedBeforeMeansNotWarnedEarly() {
        let finding = Findings.warnedEarly(Script.incident, earlier: [Script.other(5, .complaint, opened: 60)])
        #expect(!finding.verdict)
        #expect(finding.evidence.contains("#5 (complaint: Incident 5) opened 1m before it."))
    }

    @Test func declaredIncidentWasNotWarnedEarly() {
        var incident = Script.incident
        incident.origin = .declared
        incident.declaredBy = "carol"
        let finding = Findings.warnedEarly(incident, earlier: [])
        #expect(!finding.verdict)
        #expect(finding.evidence.first == "Declared by carol; no rule saw it.")
    }

    @Test func missedStepMeansNotFast() {
        let finding = Findings.respondedFast(
            Script.incident, deadlines: Script.deadlines, steps: Script.steps, approvals: Script.approvals)
        #expect(!finding.verdict)
        #expect(
            finding.evidence == [
                "Acknowledge (operation): met, 2m early.", "Assess (execution): met, 2m early.",
                "Instruct (decision): met, 2m early.", "Step status (operation): missed, never answered.",
            ])
    }

    @Test func lateAcknowledgementIsMissedByItsMargin() {
        var incident = Script.incident
        incident.acknowledgedAt = Script.at(600)
        let finding = Findings.respondedFast(
            incident, deadlines: Array(Script.deadlines.prefix(1)), steps: Script.steps, approvals: Script.approvals)
        #expect(!finding.verdict)
        #expect(finding.evidence == ["Acknowledge (operation): missed by 3m."])
    }

    @Test func deadlineNotYetDueAtResolutionDoesNotCount() {
        var incident = Script.incident
        incident.resolvedAt = Script.at(1_900)
        let finding = Findings.respondedFast(
            incident, deadlines: Script.deadlines, steps: Script.steps, approvals: Script.approvals)
        #expect(finding.verdict)
        #expect(finding.evidence.last == "Step status (operation): not yet due when it resolved.")
    }

    @Test func allDeadlinesMetIsFast() {
        let finding = Findings.respondedFast(
            Script.incident, deadlines: Array(Script.deadlines.prefix(3)), steps: Script.steps,
            approvals: Script.approvals)
        #expect(finding.verdict)
    }

    @Test func settledFollowUpsAndNoRecurrenceIsFullySolved() {
        let followUps = [
            FollowUp(
                incidentID: Script.id, kind: .plan, description: "Add fallback provider", owner: "bob",
                dueAt: Script.at(86_400), status: .done)
        ]
        let recurredLater = Script.other(
            9, .system, opened: 3_600 + 8 * 86_400, fingerprint: "payment-success-rate{region=\"east\"}")
        let finding = Findings.fullySolved(
            Script.incident, rootCause: "The provider's pool ran dry", followUps: followUps, later: [recurredLater])
        #expect(finding.verdict)
        #expect(finding.evidence.contains("No recurrence within 7 days of resolution."))
    }

    @Test func recurrenceWithinAWeekIsNotFullySolved() {
        let again = Script.other(
            8, .system, opened: 3_600 + 2 * 86_400, fingerprint: "payment-success-rate{region=\"east\"}")
        let finding = Findings.fullySolved(
            Script.incident, rootCause: "cause", followUps: [], later: [again])
        #expect(!finding.verdict)
        #expect(finding.evidence.contains("#8 recurred 2d after resolution."))
    }

    @Test func openFollowUpIsNotFullySolved() {
        let open = FollowUp(
            incidentID: Script.id, kind: .training, description: "Drill the failover", owner: "alice",
            dueAt: Script.at(86_400))
        let finding = Findings.fullySolved(
            Script.incident, rootCause: "cause", followUps: [open], later: [])
        #expect(!finding.verdict)
        #expect(finding.evidence.contains("Still open: Drill the failover (alice)."))
    }

    @Test func anUntouchedReviewIsNeverFullySolved() {
        let untouched = Findings.fullySolved(Script.incident, rootCause: nil, followUps: [], later: [])
        #expect(!untouched.verdict)
        #expect(untouched.evidence.prefix(2) == ["No root cause written yet.", "No follow-ups yet."])
        let causeOnly = Findings.fullySolved(Script.incident, rootCause: "Pool ran dry", followUps: [], later: [])
        #expect(!causeOnly.verdict, "a cause with nothing done about it is not solved")
        let noActionNeeded = Findings.fullySolved(
            Script.incident, rootCause: "Provider outage", noActionReason: "Theirs, already fixed", followUps: [],
            later: [])
        #expect(noActionNeeded.verdict)
    }
}

@Suite struct PostMortemListedOnceTests {
    typealias Script = PostMortemScript

    /// The assess step flagged `assessment: true`, done at 900 s, with its own `within` besides assess_within.
    var steps: [RunStep] {
        Script.steps.map { step in
            var step = step
            step.assessment = step.stepID == "assess"
            return step
        }
    }

    @Test func theAssessmentStepIsJudgedOnceInRespondedFast() {
        let deadlines =
            Script.deadlines + [
                Deadline(
                    incidentID: Script.id, kind: .step, layer: .execution, stepID: "assess", dueAt: Script.at(1_020))
            ]
        let finding = Findings.respondedFast(
            Script.incident, deadlines: deadlines, steps: steps, approvals: Script.approvals)
        #expect(finding.evidence.filter { $0.contains("execution") }.count == 1, "\(finding.evidence)")
        #expect(finding.evidence.contains { $0.hasPrefix("Assess (execution): met") })
    }

    @Test func anAnsweredApprovalIsListedOnceInHow() {
        var approvalStep = Script.step(
            "compensation", 3, "Switch payment provider", .decision, doneBy: "ceo", at: 1_200)
        approvalStep.approval = true
        let draft = PostMortemDraft.prefill(
            incident: Script.incident, timeline: Script.timeline, steps: Script.steps + [approvalStep],
            approvals: Script.approvals, paged: Script.paged, chain: Script.chain)
        #expect(!draft.how.steps.contains { $0.title == "Switch payment provider" })
        #expect(draft.how.approvals.map(\.title) == ["Switch payment provider"])
    }
}
