import BeaconCore
import Foundation
import Testing

/// A scripted sev1 payment incident: breach, alert, acknowledgement, assessment, approval, mitigation, resolution.
enum PostMortemScript {
    static let t0 = Date(timeIntervalSince1970: 1_790_000_000)
    static let id = IncidentID(7)

    static func at(_ seconds: TimeInterval) -> Date { t0.addingTimeInterval(seconds) }

    static var incident: Incident {
        var incident = Incident(
            id: id, fingerprint: Fingerprint(rawValue: "payment-success-rate{region=\"east\"}"),
            ruleID: "payment-success-rate", title: "Payment success rate low", category: .system, severity: .sev2,
            origin: .rule, labels: Labels(["region": "east"]), value: 88, threshold: 95, firstBreachAt: t0,
            openedAt: at(120))
        incident.peakSeverity = .sev1
        incident.peakValue = 82
        incident.acknowledgedAt = at(300)
        incident.mitigatedAt = at(1_800)
        incident.resolvedAt = at(3_600)
        incident.status = .resolved
        return incident
    }

    /// The response, then the review: erin writes the post-mortem and frank adds a note after it resolved.
    static var timeline: [TimelineEvent] {
        [
            event(120, .opened, TimelineEvent.system), event(300, .acknowledged, "alice"), event(900, .step, "bob"),
            event(1_200, .approval, "ceo"), event(1_800, .mitigated, "alice"), event(3_600, .resolved, "alice"),
            event(3_600, .postMortem, TimelineEvent.system), event(4_000, .postMortem, "erin"),
            event(5_000, .note, "frank"),
        ]
    }

    /// Alice and Bob are in the chain; the CEO is known only from the pages they got.
    static let chain = CommandChain(
        operation: ChainLayer(
            deadline: .seconds(300),
            people: [Person(name: "Alice Wu", login: "alice", role: "On-call lead", channels: ["hook"])]),
        execution: ChainLayer(
            deadline: .seconds(900), people: [Person(name: "Bob Li", login: "bob", channels: ["mail"])]),
        decision: ChainLayer(deadline: .seconds(1_800), people: []))

    /// Who was asked to act, in the order asked: alice twice (paged, then reminded of a step).
    static var paged: [Recipient] {
        [
            Recipient(name: "Alice Wu", login: "alice", role: "On-call lead", layer: .operation),
            Recipient(name: "Dan Wu", login: "dan", layer: .operation),
            Recipient(name: "Chen Ying", login: "ceo", role: "CEO", layer: .decision),
            Recipient(name: "Bob Li", login: "bob", layer: .execution),
            Recipient(name: "Alice Wu", login: "alice", role: "On-call lead", layer: .operation),
        ]
    }

    static var steps: [RunStep] {
        [
            step("page", 0, "Page on-call", .operation, doneBy: "alice", at: 240),
            step("assess", 1, "Assess impact", .execution, doneBy: "bob", at: 900),
            step("status", 2, "Post a status update", .operation, doneBy: nil, at: nil),
        ]
    }

    static var approvals: [PostMortemApproval] {
        [
            PostMortemApproval(
                title: "Switch payment provider", outcome: .approved, requestedAt: at(1_000), answeredBy: "ceo",
                answeredAt: at(1_200))
        ]
    }

    /// Acknowledge, assess and instruct met; the status step never done.
    static var deadlines: [Deadline] {
        [
            Deadline(incidentID: id, kind: .acknowledge, layer: .operation, dueAt: at(420)),
            Deadline(incidentID: id, kind: .assess, layer: .execution, dueAt: at(1_020)),
            Deadline(incidentID: id, kind: .instruct, layer: .decision, dueAt: at(1_320)),
            Deadline(incidentID: id, kind: .step, layer: .operation, stepID: "status", dueAt: at(2_000)),
        ]
    }

    static func event(_ seconds: TimeInterval, _ kind: TimelineKind, _ actor: String) -> TimelineEvent {
        TimelineEvent(
            incidentID: id, at: at(seconds), kind: kind, actor: actor, message: "\(kind.rawValue) by \(actor)")
    }

    static func step(
        _ stepID: StepID, _ position: Int, _ title: String, _ owner: Layer, doneBy: String?, at seconds: TimeInterval?
    ) -> RunStep {
        var step = RunStep(
            incidentID: id, stepID: stepID, position: position, playbookID: "payments", title: title, owner: owner,
            state: seconds == nil ? .missed : .done, dueAt: nil, every: nil, approval: false, minSeverity: nil,
            message: nil)
        step.doneBy = doneBy
        step.doneAt = seconds.map(at)
        return step
    }

    static func other(
        _ number: Int64, _ category: Category, opened seconds: TimeInterval, fingerprint: String = "other"
    ) -> Incident {
        Incident(
            id: IncidentID(number), fingerprint: Fingerprint(rawValue: fingerprint), ruleID: nil,
            title: "Incident \(number)", category: category, severity: .sev3, origin: .rule, openedAt: at(seconds))
    }

    static var draft: PostMortemDraft {
        PostMortemDraft.prefill(
            incident: incident, timeline: timeline, steps: steps, approvals: approvals, paged: paged, chain: chain)
    }
}

@Suite struct PostMortemDraftTests {
    let draft = PostMortemScript.draft

    @Test func whatComesFromTheIncident() {
        #expect(draft.what.title == "Payment success rate low")
        #expect(draft.what.ruleID == "payment-success-rate")
        #expect(draft.what.category == .system)
        #expect(draft.what.peakSeverity == .sev1)
        #expect(draft.what.peakValue == 82)
        #expect(draft.what.threshold == 95)
    }

    @Test func whenListsEveryMilestoneInOrderWithDurations() {
        #expect(
            draft.when.milestones.map(\.name) == [
                "Impact started", "Detected", "Acknowledged", "Assessed",
                "Approval answered (Switch payment provider)", "Mitigated", "Resolved",
            ])
        #expect(draft.when.milestones.map(\.at) == [0, 120, 300, 900, 1_200, 1_800, 3_600].map(PostMortemScript.at))
        #expect(draft.when.timeToDetect == 120)
        #expect(draft.when.timeToAcknowledge == 180)
        #expect(draft.when.timeToMitigate == 1_680)
        #expect(draft.when.timeToResolve == 3_480)
    }

    /// A playbook whose assessment (`assessment: true`) is the execution layer's second step: the post-mortem
    /// judges the step the escalation watched, not the first one.
    @Test func theMarkedAssessmentStepIsTheOneJudged() throws {
        var steps = PostMortemScript.steps
        steps.insert(
            PostMortemScript.step("root-cause", 1, "Report the cause", .execution, doneBy: "bob", at: 600), at: 1)
        steps[2].position = 2
        steps[2].assessment = true
        steps[2].doneAt = PostMortemScript.at(1_500)
        let draft = PostMortemDraft.prefill(
            incident: PostMortemScript.incident, timeline: PostMortemScript.timeline, steps: steps,
            approvals: PostMortemScript.approvals, paged: PostMortemScript.paged, chain: PostMortemScript.chain)
        #expect(draft.when.milestones.first { $0.name == "Assessed" }?.at == PostMortemScript.at(1_500))
        let assess = try #require(PostMortemScript.deadlines.first { $0.kind == .assess })
        #expect(
            DeadlineOutcome.judge(assess, of: PostMortemScript.incident, steps: steps, approvals: [])
                == .late(margin: 480), "assessed at 1,500 s, due at 1,020 s")
        #expect(RunStep.assessment(in: PostMortemScript.steps)?.stepID == "assess", "unmarked: the first one")
    }

    @Test func whoIsPeopleWhoActedUntilItResolvedNotBeaconAndLayersInChainOrder() {
        #expect(draft.who.people == ["alice", "bob", "ceo"], "not erin and frank, who came after it resolved")
        #expect(draft.who.layersPaged == [.operation, .execution, .decision])
    }

    @Test func whoGivesEachPersonTheirNameLayerAndRole() {
        #expect(
            draft.who.acted.map(\.text) == [
                "Alice Wu (alice; operation, On-call lead)", "Bob Li (bob; execution)",
                "Chen Ying (ceo; decision, CEO)",
            ])
        #expect(
            draft.who.paged.map(\.text) == [
                "operation (on-call leads): Alice Wu, On-call lead; Dan Wu", "execution (directors): Bob Li",
                "decision (executives): Chen Ying, CEO",
            ])
        let stranger = PostMortemDraft.prefill(
            incident: PostMortemScript.incident, timeline: [PostMortemScript.event(300, .note, "mallory")], steps: [],
            approvals: [], paged: [], chain: PostMortemScript.chain)
        #expect(stranger.who.acted.map(\.text) == ["mallory"])
        #expect(stranger.who.acted.first?.layer == nil)
    }

    @Test func whereIsTheSeriesLabels() {
        #expect(draft.whereAffected.labels == Labels(["region": "east"]))
    }

    @Test func howListsDoneStepsAndApprovals() {
        #expect(draft.how.steps.map(\.title) == ["Page on-call", "Assess impact"])
        #expect(draft.how.steps.map(\.doneBy) == ["alice", "bob"])
        #expect(draft.how.approvals.map(\.outcome) == [.approved])
    }

    @Test func missingDataLeavesMilestonesOut() {
        var incident = PostMortemScript.incident
        incident.firstBreachAt = nil
        incident.mitigatedAt = nil
        let draft = PostMortemDraft.prefill(incident: incident, timeline: [], steps: [], approvals: [], paged: [])
        #expect(draft.when.milestones.map(\.name) == ["Detected", "Acknowledged", "Resolved"])
        #expect(draft.when.timeToDetect == nil)
        #expect(draft.who.people.isEmpty)
    }

    @Test func dueDateSkipsTheWeekend() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        // 2026-11-27 is a Friday; five working days later is the next Friday.
        let friday = try #require(calendar.date(from: DateComponents(year: 2026, month: 11, day: 27, hour: 10)))
        let due = WorkingDays.add(5, to: friday, in: calendar)
        #expect(due == calendar.date(from: DateComponents(year: 2026, month: 12, day: 4, hour: 10)))
    }

    @Test func dueDateSkipsHolidaysAndCountsMakeUpWorkdays() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "Asia/Shanghai"))
        // Friday 5 February 2027; 8–12 February off, Sunday the 14th worked instead (an example calendar).
        let holidays = HolidayCalendar(
            holidays: Set(
                ["2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11", "2027-02-12"].compactMap {
                    LocalDay(parsing: $0)
                }),
            workdays: [try #require(LocalDay(parsing: "2027-02-14"))])
        let friday = try #require(calendar.date(from: DateComponents(year: 2027, month: 2, day: 5, hour: 10)))
        let due = WorkingDays.add(5, to: friday, in: calendar, holidays: holidays)
        // Sunday 14th, Monday 15th … Thursday 18th.
        #expect(due == calendar.date(from: DateComponents(year: 2027, month: 2, day: 18, hour: 10)))
    }
}
