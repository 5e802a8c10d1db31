public import BeaconCore
public import Foundation
import GRDB

extension PostMortem: StoredValue {
    static let tableName = "post_mortem"
}

extension FollowUp: StoredValue {
    static let tableName = "follow_up"

    mutating func didInsert(rowID: Int64) { id = rowID }
}

/// Post-mortems and their follow-ups, and the rule that an incident closes only once its post-mortem is written.
public struct PostMortemStore: PostMortemRepository {
    public let ledger: IncidentLedger
    private let fixedCalendar: Calendar?
    /// The calendar whose weekdays count as working days: the ledger's configuration's unless given.
    public var calendar: Calendar { fixedCalendar ?? ledger.calendar }

    /// Post-mortems recorded through `ledger`, due dates counted in `calendar` (by default the one of the
    /// configuration in force).
    public init(_ ledger: IncidentLedger, calendar: Calendar? = nil) {
        self.ledger = ledger
        fixedCalendar = calendar
    }

    private var writer: any DatabaseWriter { ledger.store.writer }

    /// Opens the post-mortem of an incident by hand (resolving opens it by itself), owned and due as the
    /// configuration's `postmortem:` says, by default the execution layer in five working days.
    ///
    /// Opening twice returns the existing one unchanged.
    /// - Throws: `IncidentError` when there is no such incident.
    @discardableResult
    public func openPostMortem(_ id: IncidentID, at now: Date) async throws -> PostMortem {
        try await writer.write { db in
            let state = try IncidentLedger.state(db, id)
            if let existing = state.postMortem { return existing }
            let decider = IncidentDecider(planner: ledger.planner, calendar: calendar)
            guard let decision = decider.openPostMortem(state, at: now) else { throw Self.noPostMortem(id) }
            _ = try ledger.record(db, decision, over: state, at: now)
            guard let opened = try PostMortem.fetchOne(db, key: id.rawValue) else { throw Self.noPostMortem(id) }
            return opened
        }
    }

    public func postMortem(_ id: IncidentID) async throws -> PostMortem? {
        try await writer.read { try PostMortem.fetchOne($0, key: id.rawValue) }
    }

    public func followUps(_ id: IncidentID) async throws -> [FollowUp] {
        try await writer.read { db in
            try FollowUp.filter(Column("incident_id") == id.rawValue).order(Column("id")).fetchAll(db)
        }
    }

    /// Changes what the team wrote: fields, comments on findings, the no-action reason.
    /// - Throws: `StoreError` when the incident has no post-mortem.
    @discardableResult
    public func edit(_ id: IncidentID, at now: Date, _ change: (inout PostMortem) -> Void) throws -> PostMortem {
        try writer.write { db in
            guard var postMortem = try PostMortem.fetchOne(db, key: id.rawValue) else { throw Self.noPostMortem(id) }
            change(&postMortem)
            postMortem.incidentID = id
            postMortem.updatedAt = now
            try postMortem.update(db)
            return postMortem
        }
    }

    /// Adds a follow-up, or updates it when it has an `id`, stamping when it was opened and closed.
    /// - Throws: `StoreError` when the incident has no post-mortem or the follow-up is invalid.
    @discardableResult
    public func save(_ followUp: FollowUp, at now: Date) throws -> FollowUp {
        try Self.check(followUp)
        return try writer.write { db in
            guard try PostMortem.fetchOne(db, key: followUp.incidentID.rawValue) != nil else {
                throw Self.noPostMortem(followUp.incidentID)
            }
            return try Self.store(followUp, db, at: now)
        }
    }

    /// Refuses a follow-up without a description, or marked won't do without a reason.
    static func check(_ followUp: FollowUp) throws { try PostMortemRules.validate(followUp) }

    /// Inserts or updates a follow-up, stamped as `PostMortemRules.stamped` says.
    static func store(_ followUp: FollowUp, _ db: Database, at now: Date) throws -> FollowUp {
        var saved = PostMortemRules.stamped(
            followUp, over: try followUp.id.flatMap { try FollowUp.fetchOne(db, key: $0) }, at: now)
        try saved.save(db)
        return saved
    }

    /// Closes an incident, provided its post-mortem has a root cause and a follow-up or a no-action reason.
    /// - Throws: `IncidentError` naming what is missing, or when the incident cannot close from its status.
    @discardableResult
    public func closeIncident(_ id: IncidentID, by actor: String, at now: Date) async throws -> IncidentChange {
        try await ledger.perform(.close, on: id, by: actor, at: now)
    }

    /// The full report: the record's 5W1H, the findings and the follow-ups.
    /// - Throws: `StoreError` when the incident or its post-mortem is missing.
    public func report(_ id: IncidentID) async throws -> PostMortemReport {
        let store = ledger.store
        guard let incident = try store.incident(id), let postMortem = try await postMortem(id) else {
            throw Self.noPostMortem(id)
        }
        let (earlier, later) = try await neighbours(of: incident)
        let approvals = try store.approvals(id).map {
            PostMortemApproval(
                title: $0.title, outcome: PostMortemApproval.Outcome(rawValue: $0.state.rawValue) ?? .pending,
                requestedAt: $0.requestedAt, answeredBy: $0.answeredBy, answeredAt: $0.answeredAt)
        }
        return PostMortemReport.assemble(
            incident: incident, postMortem: postMortem, timeline: try store.timeline(id),
            steps: try store.runSteps(id), approvals: approvals, deadlines: try store.deadlines(id),
            paged: PostMortemReport.paged(try store.notifications(id), resolvedAt: incident.resolvedAt),
            chain: ledger.planner?.config.chain, followUps: try await followUps(id), earlier: earlier, later: later)
    }

    /// The incidents the findings weigh: those opened in the `Findings.precedingWindow` before this one (for
    /// "warned early?"), and those with its fingerprint opened within `Findings.recurrenceWindow` after it
    /// resolved (for "fully solved?"; none before it resolves).
    func neighbours(of incident: Incident) async throws -> (earlier: [Incident], later: [Incident]) {
        try await writer.read { db in
            let opened = Column("opened_at")
            let start = incident.openedAt.timeIntervalSince1970
            let earlier = try Incident.filter(opened < start && opened >= start - Findings.precedingWindow)
                .order(opened).fetchAll(db)
            guard let resolved = incident.resolvedAt?.timeIntervalSince1970 else { return (earlier, []) }
            let later = try Incident.filter(
                Column("fingerprint") == incident.fingerprint.rawValue && opened > resolved
                    && opened <= resolved + Findings.recurrenceWindow
            ).order(opened).fetchAll(db)
            return (earlier, later)
        }
    }

    static func noPostMortem(_ id: IncidentID) -> StoreError {
        StoreError(code: .notFound, key: "storage.no_postmortem", ["id": "\(id)"])
    }

    public func postMortemsToWrite(limit: Int) async throws -> [(incident: Incident, postMortem: PostMortem)] {
        try await writer.read { db in
            let postMortems = try PostMortem.fetchAll(
                db,
                sql: """
                    SELECT p.* FROM post_mortem p JOIN incident i ON i.id = p.incident_id
                    WHERE i.status = 'resolved' ORDER BY p.due_at LIMIT ?
                    """, arguments: [limit])
            return try postMortems.compactMap { postMortem in
                try Incident.fetchOne(db, key: postMortem.incidentID.rawValue).map { ($0, postMortem) }
            }
        }
    }
}
