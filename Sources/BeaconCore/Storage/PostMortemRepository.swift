public import Foundation

/// Post-mortems and their follow-ups: opening one, what the team wrote, the full report, and those still to
/// write. Closing the incident is a command (`IncidentCommands.perform(.close, …)`), since it decides.
public protocol PostMortemRepository: Sendable {
    /// Opens the post-mortem of an incident by hand (resolving opens it by itself), owned and due as the
    /// configuration's `postmortem:` says. Opening twice returns the existing one unchanged.
    /// - Throws: `StoreError` (`.notFound`) when there is no such incident.
    @discardableResult
    func openPostMortem(_ id: IncidentID, at now: Date) async throws -> PostMortem

    func postMortem(_ id: IncidentID) async throws -> PostMortem?
    /// An incident's follow-ups, oldest first.
    func followUps(_ id: IncidentID) async throws -> [FollowUp]

    /// Applies an edit in one transaction — the fields, the comments, the no-action reason, the follow-ups added
    /// and changed — with a timeline event saying who changed what. An edit that changes nothing writes nothing;
    /// follow-ups left out stay as they are.
    /// - Parameter base: what the editor started from, if known; when the post-mortem changed since, nothing is
    ///   written.
    /// - Returns: what changed (empty when nothing did).
    /// - Throws: `StoreError` when the incident has no post-mortem, a follow-up is not this incident's or is
    ///   invalid, the post-mortem changed since `base`, or the edit would undo what let a closed incident close.
    @discardableResult
    func apply(
        _ update: PostMortemUpdate, to id: IncidentID, by actor: String, at now: Date, since base: PostMortemUpdate?
    ) async throws -> PostMortemChanges

    /// The full report: the record's 5W1H, the findings and the follow-ups.
    /// - Throws: `StoreError` (`.notFound`) when the incident or its post-mortem is missing.
    func report(_ id: IncidentID) async throws -> PostMortemReport

    /// The post-mortems still to write: those of resolved incidents not yet closed, soonest due first.
    func postMortemsToWrite(limit: Int) async throws -> [(incident: Incident, postMortem: PostMortem)]
}

extension PostMortemRepository {
    @discardableResult
    public func apply(
        _ update: PostMortemUpdate, to id: IncidentID, by actor: String, at now: Date
    ) async throws -> PostMortemChanges {
        try await apply(update, to: id, by: actor, at: now, since: nil)
    }

    public func postMortemsToWrite() async throws -> [(incident: Incident, postMortem: PostMortem)] {
        try await postMortemsToWrite(limit: 100)
    }
}
