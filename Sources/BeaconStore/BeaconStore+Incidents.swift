package import BeaconCore
package import Foundation
import GRDB

extension BeaconStore {
    /// The active (open, acknowledged or mitigated) incident with this fingerprint, if any.
    package func activeIncident(fingerprint: Fingerprint) throws -> Incident? {
        try writer.read { db in try Self.activeIncident(db, fingerprint) }
    }

    static func activeIncident(_ db: Database, _ fingerprint: Fingerprint) throws -> Incident? {
        try Incident.filter(Incident.StoreColumns.fingerprint == fingerprint.rawValue)
            .filter(IncidentStatus.active.map(\.rawValue).contains(Incident.StoreColumns.status))
            .fetchOne(db)
    }

    package func incident(_ id: IncidentID) throws -> Incident? {
        try writer.read { db in try Incident.fetchOne(db, key: id.rawValue) }
    }

    /// Incidents, newest first.
    /// - Parameters:
    ///   - statuses: only these statuses, or all when empty.
    ///   - since: only those opened at or after this time.
    ///   - limit: at most this many.
    package func incidents(statuses: [IncidentStatus] = [], since: Date? = nil, limit: Int = 500) throws -> [Incident] {
        try writer.read { db in
            var request = Incident.order(Incident.StoreColumns.openedAt.desc, Incident.StoreColumns.id.desc)
            if !statuses.isEmpty {
                request = request.filter(statuses.map(\.rawValue).contains(Incident.StoreColumns.status))
            }
            if let since { request = request.filter(Incident.StoreColumns.openedAt >= since.timeIntervalSince1970) }
            return try request.limit(limit).fetchAll(db)
        }
    }

    /// An incident's timeline, oldest first.
    package func timeline(_ id: IncidentID) throws -> [TimelineEvent] {
        try writer.read { db in
            try TimelineEvent.filter(TimelineEvent.StoreColumns.incidentID == id.rawValue)
                .order(TimelineEvent.StoreColumns.at, TimelineEvent.StoreColumns.id).fetchAll(db)
        }
    }

    /// Stores a new incident and its first timeline event in one transaction.
    /// - Returns: the incident with its id.
    package func insert(_ incident: Incident, event: (IncidentID) -> TimelineEvent) throws -> Incident {
        try writer.write { db in
            var incident = incident
            try incident.insert(db)
            guard let id = incident.id else { throw StoreError(code: .conflict, key: "storage.unsaved_incident") }
            var first = event(id)
            try first.insert(db)
            return incident
        }
    }

    /// Saves a changed incident and the events that describe the change, in one transaction.
    package func update(_ incident: Incident, events: [TimelineEvent]) throws {
        try writer.write { db in try Self.update(db, incident, events) }
    }

    static func update(_ db: Database, _ incident: Incident, _ events: [TimelineEvent]) throws {
        guard incident.id != nil else { throw StoreError(code: .notFound, key: "storage.unsaved_incident") }
        try incident.update(db)
        for var event in events { try event.insert(db) }
    }
}
