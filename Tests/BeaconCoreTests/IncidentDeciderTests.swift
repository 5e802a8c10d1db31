import BeaconCore
import BeaconTestSupport
import Foundation
import Testing

/// The decider on plain values: no database, no clock; what a change is, or why a person cannot make it.
@Suite struct IncidentDeciderTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)
    let config = BeaconConfig(
        publicURL: "https://beacon.example.com",
        channels: [Channel(id: "hook", type: .webhook, url: "http://127.0.0.1:9/hook", audience: .personal)],
        chain: TestChain.chain(channels: ["hook"]),
        playbooks: [
            Playbook(
                id: "payments", title: "Payments failing", appliesTo: PlaybookScope(categories: [.system]),
                steps: [
                    PlaybookStep(id: "confirm", title: "Confirm the failure", owner: .operation, within: .seconds(300)),
                    PlaybookStep(
                        id: "compensation", title: "Approve compensation", owner: .decision, approval: true,
                        minSeverity: .sev2),
                ])
        ])
    var decider: IncidentDecider { IncidentDecider(planner: CommandPlanner(config: config)) }

    /// A stored sev2 incident and the run its playbook started.
    func state(status: IncidentStatus = .open) -> IncidentState {
        var incident = Incident(
            fingerprint: Fingerprint(rawValue: "declared:1"), ruleID: nil, title: "Card payments failing",
            category: .system, severity: .sev2, origin: .declared, labels: Labels(), openedAt: now,
            declaredBy: "zhangmin")
        incident.id = IncidentID(7)
        incident.status = status
        return IncidentState(incident: incident, steps: decider.planner?.opened(incident, at: now).steps ?? [])
    }

    @Test func aBreachWithNoIncidentOpensOneThatPagesOnceItHasAnID() throws {
        let rule = Rule(
            id: "payment-success-rate", title: "Payment success rate", category: .system,
            source: Source(url: "http://127.0.0.1:9/metrics", format: .prometheus, interval: .seconds(1)),
            condition: .threshold(op: .below, levels: [.sev2: 0.9]), forDuration: .zero, resolveAfter: .seconds(30))
        let breach = Breach(severity: .sev2, reading: Reading(value: 0.8, level: 0.9, description: "0.8 < 0.9"))
        let decision = try #require(
            decider.apply(.open(breach, since: now), rule: rule, labels: Labels(), to: nil, at: now))
        #expect(decision.incident.id == nil, "a new incident, for the store to insert")
        #expect(decision.events.map(\.fact) == [.opened(severity: .sev2, reading: "0.8 < 0.9", breachingFor: nil)])
        var stored = decision.incident
        stored.id = IncidentID(42)
        let effects = decision.effects(stored)
        #expect(effects.notifications.map(\.idempotencyKey).contains("incident-42/page/zhangmin/hook"))
        #expect(effects.timeline.map(\.fact).contains(.playbookStarted(playbook: "payments", active: 2, steps: 2)))
    }

    @Test func aStepOfAnotherLayerIsRefusedWithTheReason() {
        #expect(
            throws: IncidentError(
                code: .forbidden, message: "Step \"confirm\" belongs to the operation layer; wanglei is in execution.")
        ) {
            try decider.completeStep("confirm", of: state(), by: "wanglei", layer: .execution, at: now)
        }
    }

    @Test func closingWithoutAPostMortemNamesWhatIsMissing() {
        #expect(
            throws: IncidentError(
                code: .invalidTransition, message: "Incident #7 cannot close: it has no post-mortem yet.")
        ) {
            try decider.perform(.close, on: state(status: .resolved), by: "wanglei", at: now)
        }
    }

    @Test func resolvingOpensThePostMortemAndTellsWhoWasPaged() throws {
        var resolving = state()
        resolving.paged = [Recipient(TestChain.zhangMin(["hook"]), layer: .operation)]
        let decision = try decider.perform(.resolve, on: resolving, by: "zhangmin", note: "rolled back", at: now)
        #expect(decision.incident.status == .resolved && decision.incident.resolvedAt == now)
        #expect(decision.events.map(\.fact) == [.statusChanged(to: .resolved, by: "zhangmin", note: "rolled back")])
        let effects = decision.effects(decision.incident)
        #expect(effects.postMortem?.incidentID == IncidentID(7))
        #expect(effects.notifications.map(\.recipient.login) == ["zhangmin"])
    }

    @Test func anExpiredApprovalIsMarkedSoAndRefused() throws {
        let approval = Approval(
            id: 3, incidentID: IncidentID(7), stepID: "compensation", title: "Approve compensation", state: .pending,
            requestedAt: now, expiresAt: now.addingTimeInterval(60))
        let decision = try decider.answer(
            approval, of: state(), approve: true, by: "lina", layer: .decision, at: now.addingTimeInterval(61))
        #expect(decision.approval?.state == .expired)
        #expect(decision.refusal?.message == "Approval 3 has expired.")
        #expect(decision.events.isEmpty)
    }
}
