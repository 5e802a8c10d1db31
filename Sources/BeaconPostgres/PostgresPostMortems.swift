public import BeaconCore
public import Foundation
import PostgresNIO

/// Post-mortems and their follow-ups in PostgreSQL, recorded through a ledger: the same rules as the SQLite store
/// (`PostMortemRules`), the incident's row locked while an edit is checked and written.
public struct PostgresPostMortems: PostMortemRepository {
    public let ledger: PostgresLedger
    private let fixedCalendar: Calendar?

    /// The calendar whose weekdays count as working days: the ledger's configuration's unless given.
    public var calendar: Calendar { fixedCalendar ?? ledger.decider.calendar }

    private var store: PostgresStore { ledger.store }
    private var logger: Logger { store.logger }

    public init(_ ledger: PostgresLedger, calendar: Calendar? = nil) {
        self.ledger = ledger
        fixedCalendar = calendar
    }

    @discardableResult
    public func openPostMortem(_ id: IncidentID, at now: Date) async throws -> PostMortem {
        try await store.transaction { connection in
            let state = try await ledger.state(connection, id)
            if let existing = state.postMortem { return existing }
            let decider = IncidentDecider(planner: ledger.planner, calendar: calendar)
            guard let decision = decider.openPostMortem(state, at: now) else { throw Self.noPostMortem(id) }
            _ = try await ledger.record(connection, decision, over: state, at: now)
            guard
                let opened = try await PostgresStore.fetch(
                    PostMortem.self, "SELECT * FROM post_mortem WHERE incident_id = \(id.rawValue)", on: connection,
                    logger: logger
                ).first
            else { throw Self.noPostMortem(id) }
            return opened
        }
    }

    public func postMortem(_ id: IncidentID) async throws -> PostMortem? {
        try await store.fetch(PostMortem.self, "SELECT * FROM post_mortem WHERE incident_id = \(id.rawValue)").first
    }

    public func followUps(_ id: IncidentID) async throws -> [FollowUp] {
        try await store.fetch(FollowUp.self, "SELECT * FROM follow_up WHERE incident_id = \(id.rawValue) ORDER BY id")
    }

    @discardableResult
    public func apply(
        _ update: PostMortemUpdate, to id: IncidentID, by actor: String, at now: Date, since base: PostMortemUpdate?
    ) async throws -> PostMortemChanges {
        let update = update.of(id)
        return try await store.transaction { connection in
            let incident = try await PostgresStore.fetch(
                Incident.self, "SELECT * FROM incident WHERE id = \(id.rawValue) FOR UPDATE", on: connection,
                logger: logger
            ).first
            guard
                let postMortem = try await PostgresStore.fetch(
                    PostMortem.self, "SELECT * FROM post_mortem WHERE incident_id = \(id.rawValue)", on: connection,
                    logger: logger
                ).first
            else { throw Self.noPostMortem(id) }
            let stored = try await PostgresStore.fetch(
                FollowUp.self, "SELECT * FROM follow_up WHERE incident_id = \(id.rawValue) ORDER BY id",
                on: connection, logger: logger)
            let (edited, changes) = try PostMortemRules.plan(
                update, of: postMortem, stored: stored, closed: incident?.status == .closed, since: base, at: now)
            guard !changes.isEmpty else { return changes }
            try await connection.query(
                try PostgresRecord.update(edited, in: "post_mortem", key: ["incident_id"]), logger: logger)
            for item in changes.added + changes.changed {
                let saved = PostMortemRules.stamped(
                    item, over: stored.first { $0.id != nil && $0.id == item.id }, at: now)
                if saved.id == nil {
                    try await connection.query(
                        try PostgresRecord.insert(saved, into: "follow_up", omitting: ["id"]), logger: logger)
                } else {
                    try await connection.query(
                        try PostgresRecord.update(saved, in: "follow_up", key: ["id"]), logger: logger)
                }
            }
            let event = TimelineEvent(
                incidentID: id, at: now, actor: actor, fact: .postMortemEdited(by: actor, changes: changes.edit))
            try await connection.query(
                try PostgresRecord.insert(event, into: "timeline_event", omitting: ["id"]), logger: logger)
            return changes
        }
    }

    public func report(_ id: IncidentID) async throws -> PostMortemReport {
        let incidents = store.incidents
        guard let incident = try await incidents.incident(id), let postMortem = try await postMortem(id) else {
            throw Self.noPostMortem(id)
        }
        let start = incident.openedAt
        let earlier = try await store.fetch(
            Incident.self,
            """
            SELECT * FROM incident
            WHERE opened_at < \(start) AND opened_at >= \(start.addingTimeInterval(-Findings.precedingWindow))
            ORDER BY opened_at
            """)
        var later: [Incident] = []
        if let resolved = incident.resolvedAt {
            later = try await store.fetch(
                Incident.self,
                """
                SELECT * FROM incident
                WHERE fingerprint = \(incident.fingerprint.rawValue) AND opened_at > \(resolved)
                  AND opened_at <= \(resolved.addingTimeInterval(Findings.recurrenceWindow))
                ORDER BY opened_at
                """)
        }
        return PostMortemReport.assemble(
            incident: incident, postMortem: postMortem, timeline: try await incidents.timeline(id),
            steps: try await incidents.runSteps(id),
            approvals: try await incidents.approvals(id).map(PostMortemApproval.init),
            deadlines: try await incidents.deadlines(id),
            paged: PostMortemReport.paged(try await incidents.notifications(id), resolvedAt: incident.resolvedAt),
            chain: ledger.planner?.config.chain, followUps: try await followUps(id), earlier: earlier, later: later)
    }

    public func postMortemsToWrite(limit: Int) async throws -> [(incident: Incident, postMortem: PostMortem)] {
        let postMortems = try await store.fetch(
            PostMortem.self,
            """
            SELECT p.* FROM post_mortem p JOIN incident i ON i.id = p.incident_id
            WHERE i.status = 'resolved' ORDER BY p.due_at LIMIT \(limit)
            """)
        let incidents = try await store.incidents.incidents(postMortems.map(\.incidentID))
        return postMortems.compactMap { postMortem in incidents[postMortem.incidentID].map { ($0, postMortem) } }
    }

    static func noPostMortem(_ id: IncidentID) -> StoreError {
        StoreError(code: .notFound, key: "storage.no_postmortem", ["id": "\(id)"])
    }
}

extension PostgresStore {
    /// Approval links and the secrets that sign them, shared by every node (a link made on one is answered on
    /// another).
    public var approvalLinks: PostgresApprovalLinks { PostgresApprovalLinks(store: self) }
}

/// Approval links and secrets in PostgreSQL.
public struct PostgresApprovalLinks: ApprovalLinkRepository {
    let store: PostgresStore

    public func shortLink(codeHash: String) async throws -> ShortLink? {
        let rows = try await store.client.query(
            "SELECT approval_id, person, expires_at, used_at FROM approval_link WHERE code_hash = \(codeHash)",
            logger: store.logger)
        for try await (approval, person, expiresAt, usedAt) in rows.decode((Int64, String, Date, Date?).self) {
            return ShortLink(
                approvalID: ApprovalID(approval), person: PersonID(person), expiresAt: expiresAt, usedAt: usedAt)
        }
        return nil
    }

    public func useShortLink(codeHash: String, at now: Date) async throws -> Bool {
        let rows = try await store.client.query(
            "UPDATE approval_link SET used_at = \(now) WHERE code_hash = \(codeHash) AND used_at IS NULL RETURNING 1",
            logger: store.logger)
        for try await _ in rows.decode(Int.self) { return true }
        return false
    }

    /// The secret named `name`, made by whichever node asks first; every node then reads the same one.
    public func secret(_ name: String, bytes: Int) async throws -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        let fresh = ByteBuffer(bytes: (0..<bytes).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let rows = try await store.client.query(
            """
            WITH made AS (
                INSERT INTO setting (key, value) VALUES (\(name), \(fresh)) ON CONFLICT (key) DO NOTHING RETURNING value)
            SELECT value FROM made UNION ALL SELECT value FROM setting WHERE key = \(name) LIMIT 1
            """, logger: store.logger)
        for try await value in rows.decode(ByteBuffer.self) { return Array(value.readableBytesView) }
        throw StoreError(code: .conflict, key: "storage.not_stored")
    }
}

extension PostgresStore {
    /// Every repository of this store, around a ledger that pages as `configuration()` says now: what a process
    /// hands its routes, commands and services, as `BeaconStore.repositories(configuration:)` does for SQLite.
    public func repositories(configuration: @escaping @Sendable () -> BeaconConfig) -> Repositories {
        let ledger = PostgresLedger(self, configuration: configuration)
        return Repositories(
            commands: ledger, incidents: incidents, postMortems: PostgresPostMortems(ledger), outbox: outbox,
            samples: samples, people: people, reports: reports, approvalLinks: approvalLinks, rosters: rosters)
    }
}
