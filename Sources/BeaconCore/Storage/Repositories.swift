/// Everything a process reads and changes through, all from one store backend: what the HTTP routes, the
/// commands and the services are given instead of a store. A backend (SQLite today, PostgreSQL next) makes one
/// around its single `IncidentCommands`, so every change in the process goes through the same ledger.
public struct Repositories: Sendable {
    /// Every change to an incident.
    public let commands: any IncidentCommands
    public let incidents: any IncidentRepository
    public let postMortems: any PostMortemRepository
    public let outbox: any OutboxRepository & OutboxFigures
    public let samples: any SampleRepository
    public let people: any PeopleRepository
    public let reports: any ReportRepository
    public let approvalLinks: any ApprovalLinkRepository
    public let rosters: any RosterRepository

    public init(
        commands: any IncidentCommands, incidents: any IncidentRepository, postMortems: any PostMortemRepository,
        outbox: any OutboxRepository & OutboxFigures, samples: any SampleRepository, people: any PeopleRepository,
        reports: any ReportRepository, approvalLinks: any ApprovalLinkRepository, rosters: any RosterRepository
    ) {
        self.rosters = rosters
        self.commands = commands
        self.incidents = incidents
        self.postMortems = postMortems
        self.outbox = outbox
        self.samples = samples
        self.people = people
        self.reports = reports
        self.approvalLinks = approvalLinks
    }
}
