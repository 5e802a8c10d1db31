public import BeaconCore
import Foundation
public import GRDB

extension Incident: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "incident"

    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .timeIntervalSince1970
    }

    public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .timeIntervalSince1970
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = IncidentID(inserted.rowID)
    }
}

extension TimelineEvent: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "timeline_event"

    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .timeIntervalSince1970
    }

    public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .timeIntervalSince1970
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
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
