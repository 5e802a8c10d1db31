public import BeaconCore
public import Foundation
import GRDB

extension RunStep: StoredValue {
    static let tableName = "run_step"
}

extension Deadline: StoredValue {
    static let tableName = "deadline"

    mutating func didInsert(rowID: Int64) { id = rowID }
}

extension Approval: StoredValue {
    static let tableName = "approval"

    mutating func didInsert(rowID: Int64) { id = rowID }
}

/// A notification in the outbox: persisted with the change that caused it, sent and retried from here.
public struct OutboxEntry: Sendable, Hashable, Codable {
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

    /// Everyone the notification is for: the people a group message names, or its one recipient.
    public var recipients: [Recipient] { message.mentions ?? [recipient] }

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

extension OutboxEntry: StoredValue {
    static let tableName = "notification"

    mutating func didInsert(rowID: Int64) { id = rowID }
}
