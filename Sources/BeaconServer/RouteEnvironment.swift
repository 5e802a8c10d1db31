public import BeaconCore
public import BeaconStore
public import Foundation

/// What every group of routes works with: the store, the configuration in force, the clock, and the outbox
/// dispatcher's wake-up.
public struct RouteEnvironment: Sendable {
    public let store: BeaconStore
    /// The process's ledger: every change a request makes goes through it.
    public let ledger: IncidentLedger
    /// What requests read of incidents.
    public let incidents: any IncidentRepository
    /// What the weekly report reads.
    public let reports: any ReportRepository
    /// Read per request, so a reloaded configuration applies at once.
    public let config: @Sendable () -> BeaconConfig
    public let now: @Sendable () -> Date
    /// Told when a change queued notifications, to wake the dispatcher.
    public let queued: @Sendable (Int) -> Void

    public init(
        ledger: IncidentLedger, config: @escaping @Sendable () -> BeaconConfig,
        now: @escaping @Sendable () -> Date = { Date() }, queued: @escaping @Sendable (Int) -> Void = { _ in }
    ) {
        self.ledger = ledger
        store = ledger.store
        incidents = ledger.store.incidentReader
        reports = ledger.store.reports
        self.config = config
        self.now = now
        self.queued = queued
    }
}

/// A group of routes over the shared environment: its handlers read `store`, `config()`, `now()`, `queued(_:)`.
protocol EnvironmentRoutes: Sendable {
    var environment: RouteEnvironment { get }
}

extension EnvironmentRoutes {
    var store: BeaconStore { environment.store }
    var incidentRepository: any IncidentRepository { environment.incidents }
    var reportRepository: any ReportRepository { environment.reports }
    var config: @Sendable () -> BeaconConfig { environment.config }
    var now: @Sendable () -> Date { environment.now }
    var queued: @Sendable (Int) -> Void { environment.queued }

    /// The process's ledger, paging with the configuration in force.
    func ledger() -> IncidentLedger { environment.ledger }

    /// Post-mortems, due dates counted in the configuration's time zone.
    func postMortems() -> PostMortemStore { PostMortemStore(ledger(), calendar: config().calendar) }
}
