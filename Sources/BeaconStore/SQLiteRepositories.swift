public import BeaconCore

extension IncidentLedger {
    /// Every repository of the ledger's store, around this ledger: what a process hands its routes, commands and
    /// services.
    public var repositories: Repositories {
        Repositories(
            commands: self, incidents: store.incidentReader, postMortems: PostMortemStore(self), outbox: store.outbox,
            samples: store.samples, people: store.people, reports: store.reports, approvalLinks: store.approvalLinks,
            rosters: store.rosters)
    }
}

extension BeaconStore {
    /// Every repository of this store, around a ledger that pages as `configuration()` says now.
    public func repositories(configuration: @escaping @Sendable () -> BeaconConfig) -> Repositories {
        IncidentLedger(self, configuration: configuration).repositories
    }
}
