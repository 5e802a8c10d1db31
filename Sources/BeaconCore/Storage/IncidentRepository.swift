public import Foundation

/// The incidents and what hangs on them, as the console, the API and the command line read them. Changes go
/// through the ledger's decisions, never through here.
public protocol IncidentRepository: Sendable {
    func incident(_ id: IncidentID) async throws -> Incident?
    /// Several incidents at once, by id.
    func incidents(_ ids: [IncidentID]) async throws -> [IncidentID: Incident]
    /// The newest first: those with one of `statuses` (all when empty), opened since `since`, at most `limit`.
    func incidents(statuses: [IncidentStatus], since: Date?, limit: Int) async throws -> [Incident]
    /// What the console's incident list asks for.
    func incidents(matching query: IncidentQuery) async throws -> [Incident]
    /// The incidents still needing a response (open, acknowledged, mitigated), newest first.
    func activeIncidents() async throws -> [Incident]

    func timeline(_ id: IncidentID) async throws -> [TimelineEvent]
    func runSteps(_ id: IncidentID) async throws -> [RunStep]
    func deadlines(_ id: IncidentID) async throws -> [Deadline]
    func notifications(_ id: IncidentID) async throws -> [OutboxEntry]
    /// Who first acknowledged each of `ids`, by login.
    func acknowledgers(_ ids: [IncidentID]) async throws -> [IncidentID: String]

    func approvals(_ id: IncidentID) async throws -> [Approval]
    func approval(_ id: ApprovalID) async throws -> Approval?
    func pendingApprovals() async throws -> [Approval]
    /// The latest answered approvals, newest first.
    func answeredApprovals(limit: Int) async throws -> [Approval]

    /// Every series with samples in `[from, to]`, for the dashboard's sparklines.
    func recentSeries(from: Date, to: Date) async throws -> [SeriesSamples]
    /// The samples of one series in `[from, to]`, oldest first.
    func samples(rule: RuleID, labels: Labels, from: Date, to: Date) async throws -> [Sample]
}
