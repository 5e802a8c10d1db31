public import BeaconCore
public import Foundation
import GRDB

extension IncidentLedger {
    /// Reopens a closed incident on a person's word, with their reason.
    @discardableResult
    public func reopen(
        _ id: IncidentID, reason: String, by actor: String, layer: Layer, at now: Date
    ) async throws -> IncidentChange {
        try await personChange(id, at: now) { decider, state in
            try decider.reopen(state, reason: reason, by: actor, layer: layer, at: now)
        }
    }

    /// Sets an incident's severity on a person's word; a raise pages the layers it adds.
    public func changeSeverity(
        _ id: IncidentID, to severity: Severity, reason: String, by actor: String, layer: Layer, at now: Date
    ) async throws -> IncidentChange {
        try await personChange(id, at: now) { decider, state in
            try decider.changeSeverity(state, to: severity, reason: reason, by: actor, layer: layer, at: now)
        }
    }

    /// Records an instruction from the decision layer and sends it to the execution layer.
    /// - Throws: `IncidentError` when the incident does not exist, is no longer active, or the person is not of
    ///   the decision layer.
    public func instruct(
        _ id: IncidentID, text: String, by actor: String, layer: Layer, at now: Date
    ) async throws -> IncidentChange {
        try await personChange(id, at: now) { decider, state in
            try decider.instruct(state, text: text, by: actor, layer: layer, at: now)
        }
    }

    /// A person's change to an existing incident, in one transaction: its state loaded, the decider asked, the
    /// decision recorded.
    private func personChange(
        _ id: IncidentID, at now: Date,
        _ decide: @escaping @Sendable (IncidentDecider, IncidentState) throws -> Decision
    ) async throws -> IncidentChange {
        try await store.writer.write { db in
            let state = try Self.state(db, id)
            let decision = try decide(try decider(db, at: now), state)
            guard let change = try record(db, decision, over: state, at: now).change else {
                throw IncidentError(code: .invalidInput, message: "Not stored.")
            }
            return change
        }
    }

    /// Opens an incident that a person declares (no rule saw it, or a rule cannot).
    @discardableResult
    public func declare(
        title: String, category: Category, severity: Severity, by actor: String, labels: Labels,
        description: String?, at now: Date
    ) async throws -> IncidentChange {
        try await store.writer.write { db in
            let decision = try decider(db, at: now).declare(
                title: title, category: category, severity: severity, by: actor, labels: labels,
                description: description, at: now)
            guard let change = try record(db, decision, over: nil, at: now).change else {
                throw IncidentError(code: .invalidInput, message: "Not stored.")
            }
            return change
        }
    }

    /// Acknowledges, mitigates, resolves or closes an incident on a person's behalf.
    /// - Throws: `IncidentError` when there is no such incident or its status does not allow the action.
    @discardableResult
    public func perform(
        _ action: IncidentAction, on id: IncidentID, by actor: String, note: String?, at now: Date
    )
        async throws -> IncidentChange
    {
        try await store.writer.write { db in
            let state = try Self.state(db, id, followUps: action == .close, paged: action == .resolve)
            let decision = try decider(db, at: now).perform(action, on: state, by: actor, note: note, at: now)
            guard let change = try record(db, decision, over: state, at: now).change else {
                throw IncidentError.notFound(id)
            }
            return change
        }
    }
}
