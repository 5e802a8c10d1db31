public import BeaconCore
import Foundation
import GRDB

extension Incident: StoredValue {
    static let tableName = "incident"

    mutating func didInsert(rowID: Int64) { id = IncidentID(rowID) }
}

extension TimelineEvent: StoredValue {
    static let tableName = "timeline_event"

    mutating func didInsert(rowID: Int64) { id = rowID }
}

extension Incident {
    enum StoreColumns {
        static let id = Column("id")
        static let fingerprint = Column("fingerprint")
        static let status = Column("status")
        static let openedAt = Column("opened_at")
    }
}

extension TimelineEvent {
    enum StoreColumns {
        static let id = Column("id")
        static let incidentID = Column("incident_id")
        static let at = Column("at")
    }
}
