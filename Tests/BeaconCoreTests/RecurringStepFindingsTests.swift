import BeaconCore
import Foundation
import Testing

/// "Did we respond fast?" and the weekly compliance judge every period of a recurring step (`every: 30m`).
///
/// The incident opens at 14:13:20 UTC and resolves 2h 10m later; the progress update is due every 30 minutes,
/// so its periods end at 14:43:20, 15:13:20, 15:43:20 and 16:13:20, and the fifth (to 16:43:20) had begun.
@Suite struct RecurringStepFindingsTests {
    typealias Script = PostMortemScript
    static let every: TimeInterval = 1_800

    var incident: Incident = {
        var incident = Script.incident
        incident.openedAt = Script.at(0)
        incident.acknowledgedAt = Script.at(60)
        incident.mitigatedAt = nil
        incident.resolvedAt = Script.at(7_800)
        return incident
    }()

    /// The progress step, done last at `lastDone`; the run keeps only that time.
    func steps(lastDone: TimeInterval?) -> [RunStep] {
        var step = RunStep(
            incidentID: Script.id, stepID: "progress", position: 0, playbookID: "payments",
            title: "Progress update", owner: .operation, state: .skipped, dueAt: nil, every: Self.every,
            approval: false, minSeverity: nil, message: nil)
        step.doneAt = lastDone.map(Script.at)
        step.doneBy = lastDone == nil ? nil : "alice"
        return [step]
    }

    /// The first period's deadline, as the planner stores it when the incident opens; the daemon was not running,
    /// so the later periods were never stored and are owed all the same.
    let deadlines = [
        Deadline(
            incidentID: Script.id, kind: .recurring, layer: .operation, stepID: "progress", dueAt: Script.at(1_800))
    ]

    /// The timeline of the progress step done at each of `seconds`, by alice, with Beacon's own step events around.
    func completions(_ seconds: [TimeInterval]) -> StepCompletions {
        var timeline = seconds.map { second in
            TimelineEvent(
                incidentID: Script.id, at: Script.at(second), actor: "alice",
                fact: .stepDone(step: "progress", by: "alice", note: second == 0 ? nil : "on track"))
        }
        timeline.append(
            TimelineEvent(
                incidentID: Script.id, at: Script.at(3_600), kind: .step, actor: TimelineEvent.system,
                message: "Recurring step progress not done this period; operation reminded"))
        return StepCompletions(timeline)
    }

    func finding(done seconds: [TimeInterval]) -> Finding {
        Findings.respondedFast(
            incident, deadlines: deadlines, steps: steps(lastDone: seconds.last), approvals: [],
            completions: completions(seconds))
    }

    @Test func aProgressUpdateInEveryPeriodIsFast() {
        let finding = finding(done: [1_500, 3_300, 5_000, 7_000])
        #expect(finding.verdict)
        #expect(
            finding.evidence == [
                "Step progress (operation), period 1 due 14:43:20 UTC: met, 5m early.",
                "Step progress (operation), period 2 due 15:13:20 UTC: met, 5m early.",
                "Step progress (operation), period 3 due 15:43:20 UTC: met, 6m 40s early.",
                "Step progress (operation), period 4 due 16:13:20 UTC: met, 3m 20s early.",
                "Step progress (operation), period 5 due 16:43:20 UTC: not yet due when it resolved.",
            ])
    }

    @Test func oneLatePeriodIsNotFastAndSaysHowLate() {
        // Nothing between 14:43:20 and 15:13:20; the next update came at 15:20:20, 7 minutes late, and it counts
        // for the third period.
        let finding = finding(done: [1_500, 4_020, 5_000, 7_000])
        #expect(!finding.verdict)
        #expect(
            Array(finding.evidence.prefix(3)) == [
                "Step progress (operation), period 1 due 14:43:20 UTC: met, 5m early.",
                "Step progress (operation), period 2 due 15:13:20 UTC: missed by 7m.",
                "Step progress (operation), period 3 due 15:43:20 UTC: met, 23m early.",
            ])
    }

    @Test func periodsNeverDoneAreMissedAndNeverAnswered() {
        let finding = finding(done: [1_500])
        #expect(!finding.verdict)
        #expect(
            Array(finding.evidence.dropFirst()) == [
                "Step progress (operation), period 2 due 15:13:20 UTC: missed, never answered.",
                "Step progress (operation), period 3 due 15:43:20 UTC: missed, never answered.",
                "Step progress (operation), period 4 due 16:13:20 UTC: missed, never answered.",
                "Step progress (operation), period 5 due 16:43:20 UTC: not yet due when it resolved.",
            ])
    }

    @Test func theLastDoneTimeAloneWouldHideAMissedPeriod() {
        // The run step says it was done at 16:10, within the fourth period; the first three were missed until then.
        let finding = finding(done: [7_000])
        #expect(!finding.verdict)
        #expect(
            Array(finding.evidence.prefix(4)) == [
                "Step progress (operation), period 1 due 14:43:20 UTC: missed by 1h 26m.",
                "Step progress (operation), period 2 due 15:13:20 UTC: missed by 56m 40s.",
                "Step progress (operation), period 3 due 15:43:20 UTC: missed by 26m 40s.",
                "Step progress (operation), period 4 due 16:13:20 UTC: met, 3m 20s early.",
            ])
    }

    @Test func periodsEndWhenTheIncidentIsMitigated() {
        incidentMitigated(at: 3_000) { finding in
            #expect(finding.verdict)
            #expect(
                finding.evidence == [
                    "Step progress (operation), period 1 due 14:43:20 UTC: met, 5m early.",
                    "Step progress (operation), period 2 due 15:13:20 UTC: not yet due when it was mitigated.",
                ])
        }
    }

    private func incidentMitigated(at seconds: TimeInterval, _ check: (Finding) -> Void) {
        var mitigated = incident
        mitigated.mitigatedAt = Script.at(seconds)
        check(
            Findings.respondedFast(
                mitigated, deadlines: deadlines, steps: steps(lastDone: 1_500), approvals: [],
                completions: completions([1_500])))
    }

    @Test func storedPeriodsAndTheirSecondNoticeAreNotCountedTwice() {
        let stored =
            deadlines + [
                Deadline(
                    incidentID: Script.id, kind: .recurring, layer: .operation, stepID: "progress", occurrence: 2,
                    dueAt: Script.at(3_600)),
                Deadline(
                    incidentID: Script.id, kind: .recurringEscalation, layer: .operation, stepID: "progress",
                    occurrence: 2, dueAt: Script.at(4_500)),
            ]
        let periods = DeadlineOutcome.watched(stored, incident: incident, steps: steps(lastDone: nil))
        #expect(periods.map(\.occurrence) == [1, 2, 3, 4, 5])
        #expect(periods.allSatisfy { $0.kind == .recurring })
    }

    @Test func aLiveIncidentsCurrentPeriodRunsAndItsPastOnesCount() {
        var live = incident
        live.resolvedAt = nil
        live.status = .acknowledged
        let now = Script.at(4_000)
        let outcomes = DeadlineOutcome.watched(deadlines, incident: live, steps: steps(lastDone: 1_500), at: now)
            .map {
                DeadlineOutcome.judge(
                    $0, of: live, steps: steps(lastDone: 1_500), approvals: [], completions: completions([1_500]),
                    at: now)
            }
        #expect(outcomes == [.met(margin: -300), .unanswered, .running])
    }

    @Test func weeklyComplianceCountsEveryPeriodForItsLayer() {
        let record = WeeklyReport.Record(
            incident: incident, deadlines: deadlines, steps: steps(lastDone: 7_000),
            completions: completions([1_500, 4_020, 5_000, 7_000]))
        let report = WeeklyReport.compute(
            week: ISOWeek(containing: incident.openedAt, in: WeeklyScript.calendar), calendar: WeeklyScript.calendar,
            inputs: WeeklyReport.Inputs(records: [record]), now: Script.at(86_400))
        let operation = report.deadlines.first { $0.layer == .operation }
        // Periods 1, 3 and 4 met; period 2 missed; 5 not owed, so counted neither way.
        #expect(operation.map { "\($0.met)/\($0.missed)/\($0.running)/\($0.notOwed)" } == "3/1/0/1")
        #expect(operation?.percentMet == 75)
    }

    @Test func onlyPeopleMarkingAStepDoneCount() {
        let timeline = [
            TimelineEvent(
                incidentID: Script.id, at: Script.at(10), kind: .step, actor: "bob",
                message: "Step progress done by bob: 2% of orders: affected"),
            TimelineEvent(
                incidentID: Script.id, at: Script.at(20), kind: .step, actor: TimelineEvent.system,
                message: "Step progress missed its deadline; operation reminded"),
            TimelineEvent(
                incidentID: Script.id, at: Script.at(30), kind: .step, actor: "bob",
                message: "Step progress activated at sev1"),
            TimelineEvent(
                incidentID: Script.id, at: Script.at(40), kind: .note, actor: "bob",
                message: "Step progress done by bob"),
            TimelineEvent(
                incidentID: Script.id, at: Script.at(50), kind: .step, actor: "carol",
                message: "Step confirm done by carol"),
        ]
        let completions = StepCompletions(timeline)
        #expect(completions["progress"] == [Script.at(10)])
        #expect(completions["confirm"] == [Script.at(50)])
        #expect(completions["other"].isEmpty)
    }
}
