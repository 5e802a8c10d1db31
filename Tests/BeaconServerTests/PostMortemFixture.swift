import BeaconCore
import BeaconStore
import Foundation
import Testing

@testable import BeaconServer

/// Incidents worked through to resolution, with their post-mortems, on a `ConsoleFixture`'s store.
extension ConsoleFixture {
    var ledger: IncidentLedger { IncidentLedger(store, planner: CommandPlanner(config: Self.config)) }

    var postMortems: PostMortemStore { PostMortemStore(ledger, calendar: Calendar.current) }

    /// Resolves the fixture's declared incident, opening its post-mortem unless told not to.
    /// Resolves the declared incident, which opens its post-mortem; without one, it is as if it resolved before
    /// post-mortems existed.
    func resolveDeclared(openPostMortem: Bool = true) async throws {
        try await ledger.perform(.resolve, on: incidentID, by: "zhangmin", at: now.addingTimeInterval(-10))
        if !openPostMortem { try dropPostMortem(incidentID) }
    }

    func dropPostMortem(_ id: IncidentID) throws {
        try store.writer.write {
            try $0.execute(sql: "DELETE FROM post_mortem WHERE incident_id = ?", arguments: [id.rawValue])
        }
    }

    /// An incident opened by the payment rule for `region=east` and worked the whole way: the breach began a
    /// minute before it opened at sev2, it was raised to sev1 at 0.71, acknowledged, assessed, approved,
    /// mitigated and resolved; its post-mortem is open.
    /// - Parameters:
    ///   - opened: when the incident opened; the rest follows within two minutes.
    ///   - postMortemOpened: when the post-mortem opened, which sets its due date; at resolution unless told
    ///     otherwise.
    func workedRuleIncident(
        opened: Date = ConsoleFixture.start.addingTimeInterval(10), postMortemOpened: Date? = nil
    ) async throws -> IncidentID {
        let rule = try #require(Self.config.rules.first { $0.id == "payment-success-rate" })
        func breach(_ severity: Severity, _ value: Double, _ level: Double) -> Breach {
            Breach(
                severity: severity, reading: Reading(value: value, level: level, description: "\(value) < \(level)"))
        }
        let labels = Labels(["region": "east"])
        let change = try #require(
            try await ledger.commit(
                .open(breach(.sev2, 0.85, 0.9), since: opened.addingTimeInterval(-60)), rule: rule, labels: labels,
                at: opened))
        let id = try #require(change.incident.id)
        try await ledger.commit(
            .raise(from: .sev2, to: breach(.sev1, 0.71, 0.8)), rule: rule, labels: labels, at: opened + 5)
        try await ledger.perform(.acknowledge, on: id, by: "zhangmin", at: opened + 20)
        try await ledger.completeStep(
            "confirm", of: id, by: "zhangmin", layer: .operation, note: "gateway down", at: opened + 30)
        try await ledger.completeStep(
            "root-cause", of: id, by: "wanglei", layer: .execution, note: "bad deploy", at: opened + 40)
        let approval = try #require(try store.approvals(id).first?.id)
        try await ledger.answer(approval, approve: true, by: "lina", layer: .decision, comment: "yes", at: opened + 50)
        try await ledger.perform(.mitigate, on: id, by: "wanglei", at: opened + 60)
        try await ledger.perform(.resolve, on: id, by: "wanglei", at: opened + 90)
        if let postMortemOpened {
            try dropPostMortem(id)
            try await postMortems.openPostMortem(id, at: postMortemOpened)
        }
        return id
    }

    /// Gives the post-mortem what closing needs: a root cause and a follow-up.
    func completePostMortem(_ id: IncidentID) throws {
        try postMortems.edit(id, at: now) { $0.fields.rootCause = "A deploy dropped the gateway's retry setting." }
        try postMortems.save(
            FollowUp(
                incidentID: id, kind: .plan, description: "Check retry settings in the deploy checklist",
                owner: "Wang Lei", dueAt: now.addingTimeInterval(7 * 86_400)), at: now)
    }
}
