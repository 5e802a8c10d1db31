public import BeaconCore
public import Foundation

/// What every group of routes works with: the store's repositories, the configuration in force, the clock, and
/// the outbox dispatcher's wake-up.
public struct RouteEnvironment: Sendable {
    /// Everything requests read and change, from one store backend.
    public let repositories: Repositories
    /// Read per request, so a reloaded configuration applies at once.
    public let config: @Sendable () -> BeaconConfig
    public let now: @Sendable () -> Date
    /// Told when a change queued notifications, to wake the dispatcher.
    public let queued: @Sendable (Int) -> Void

    public init(
        repositories: Repositories, config: @escaping @Sendable () -> BeaconConfig,
        now: @escaping @Sendable () -> Date = { Date() }, queued: @escaping @Sendable (Int) -> Void = { _ in }
    ) {
        self.repositories = repositories
        self.config = config
        self.now = now
        self.queued = queued
    }
}

/// A group of routes over the shared environment: its handlers read the repositories, `config()`, `now()`,
/// `queued(_:)`.
protocol EnvironmentRoutes: Sendable {
    var environment: RouteEnvironment { get }
}

extension EnvironmentRoutes {
    /// The process's incident commands: every change a request makes goes through them.
    var commands: any IncidentCommands { environment.repositories.commands }
    var incidentRepository: any IncidentRepository { environment.repositories.incidents }
    var reportRepository: any ReportRepository { environment.repositories.reports }
    var postMortems: any PostMortemRepository { environment.repositories.postMortems }
    var people: any PeopleRepository { environment.repositories.people }
    var outboxFigures: any OutboxFigures { environment.repositories.outbox }
    var approvalLinks: any ApprovalLinkRepository { environment.repositories.approvalLinks }
    var config: @Sendable () -> BeaconConfig { environment.config }
    var now: @Sendable () -> Date { environment.now }
    var queued: @Sendable (Int) -> Void { environment.queued }
}
