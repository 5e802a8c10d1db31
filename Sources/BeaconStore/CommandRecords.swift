public import BeaconCore
public import Foundation
public import GRDB

extension RunStep: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "run_step"

    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .timeIntervalSince1970
    }

    public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .timeIntervalSince1970
    }
}

extension Deadline: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "deadline"

    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .timeIntervalSince1970
    }

    public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .timeIntervalSince1970
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Approval: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "approval"

    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .timeIntervalSince1970
    }

    public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .timeIntervalSince1970
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A notification in the outbox: persisted with the change that caused it, sent and retried from here.
public struct OutboxEntry: Sendable, Hashable, Codable, FetchableRecord, MutablePersistableRecord {
    public enum State: String, Sendable, Codable, Hashable {
        case pending, delivered
        /// Given up on this channel (the person's next channel, if any, has its own entry).
        case failed
    }

    public var id: Int64?
    public var incidentID: IncidentID
    public var idempotencyKey: String
    /// The key without its channel: fall-over entries share it.
    public var baseKey: String
    public var kind: NotificationKind
    public var person: String
    public var layer: Layer
    public var channelID: String
    public var channelIndex: Int
    public var stepID: String?
    public var approvalID: Int64?
    public var recipient: Recipient
    public var message: NotificationMessage
    public var state: State
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastError: String?
    public var createdAt: Date
    public var deliveredAt: Date?

    public static let databaseTableName = "notification"

    /// Everyone the notification is for: the people a group message names, or its one recipient.
    public var recipients: [Recipient] { message.mentions ?? [recipient] }

    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .timeIntervalSince1970
    }

    public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .timeIntervalSince1970
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    enum CodingKeys: String, CodingKey {
        case id, kind, person, layer, recipient, message, state, attempts
        case incidentID = "incident_id"
        case idempotencyKey = "idempotency_key"
        case baseKey = "base_key"
        case channelID = "channel_id"
        case channelIndex = "channel_index"
        case stepID = "step_id"
        case approvalID = "approval_id"
        case nextAttemptAt = "next_attempt_at"
        case lastError = "last_error"
        case createdAt = "created_at"
        case deliveredAt = "delivered_at"
    }
}
