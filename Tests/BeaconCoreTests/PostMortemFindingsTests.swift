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
        let finding = Findings.fullySolved(Script.incident, followUps: followUps, later: [recurredLater])
        #expect(finding.verdict)
        #expect(finding.evidence.contains("No recurrence within 7 days of resolution."))
    }

    @Test func recurrenceWithinAWeekIsNotFullySolved() {
        let again = Script.other(
            8, .system, opened: 3_600 + 2 * 86_400, fingerprint: "payment-success-rate{region=\"east\"}")
        let finding = Findings.fullySolved(Script.incident, followUps: [], later: [again])
        #expect(!finding.verdict)
        #expect(finding.evidence.contains("#8 recurred 2d after resolution."))
    }

    @Test func openFollowUpIsNotFullySolved() {
        let open = FollowUp(
            incidentID: Script.id, kind: .training, description: "Drill the failover", owner: "alice",
            dueAt: Script.at(86_400))
        let finding = Findings.fullySolved(Script.incident, followUps: [open], later: [])
        #expect(!finding.verdict)
        #expect(finding.evidence.contains("Still open: Drill the failover (alice)."))
    }
}
