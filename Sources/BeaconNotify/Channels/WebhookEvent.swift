import BeaconCore
import Foundation

/// The JSON document a `webhook` channel posts (documented in `docs/webhook.md`).
///
/// Absent values are written as `null` rather than left out, so receivers see every key of version 1.
struct WebhookEvent: Encodable {
    var delivery: Delivery
    var sentAt: Date

    private enum Keys: String, CodingKey {
        case version, event
        case idempotencyKey = "idempotency_key"
        case sentAt = "sent_at"
        case incident, step, approval, handoff, invitation
        case roster, at, until, incoming, outgoing, incidents
        case recipient, mentions, subject, text, language
        case id, title, severity, status, category, rule, labels, value, threshold
        case openedAt = "opened_at"
        case url
        case owner
        case dueAt = "due_at"
        case approveURL = "approve_url"
        case rejectURL = "reject_url"
        case answerURL = "answer_url"
        case expiresAt = "expires_at"
        case name, login, layer
    }

    func encode(to encoder: any Encoder) throws {
        let message = delivery.message
        var root = encoder.container(keyedBy: Keys.self)
        try root.encode(1, forKey: .version)
        try root.encode(message.kind, forKey: .event)
        try root.encode(delivery.idempotencyKey, forKey: .idempotencyKey)
        try root.encode(sentAt, forKey: .sentAt)
        if let incident = message.incident {
            try encodeIncident(incident, in: root.nestedContainer(keyedBy: Keys.self, forKey: .incident))
        } else {
            try root.encodeNil(forKey: .incident)
        }
        try encodeHandoff(message.handoff, in: root)
        if let invitation = message.invitation {
            var container = root.nestedContainer(keyedBy: Keys.self, forKey: .invitation)
            try container.encode(invitation.url, forKey: .url)
            try container.encode(invitation.expiresAt, forKey: .expiresAt)
        } else {
            try root.encodeNil(forKey: .invitation)
        }
        if let step = message.step {
            var container = root.nestedContainer(keyedBy: Keys.self, forKey: .step)
            try container.encode(step.id, forKey: .id)
            try container.encode(step.title, forKey: .title)
            try container.encode(step.owner, forKey: .owner)
            try container.encode(step.dueAt, forKey: .dueAt)
        } else {
            try root.encodeNil(forKey: .step)
        }
        if let approval = message.approval {
            var container = root.nestedContainer(keyedBy: Keys.self, forKey: .approval)
            try container.encode(approval.approvalID, forKey: .id)
            try container.encode(approval.approveURL, forKey: .approveURL)
            try container.encode(approval.rejectURL, forKey: .rejectURL)
            try container.encode(approval.answerURL, forKey: .answerURL)
            try container.encode(approval.expiresAt, forKey: .expiresAt)
        } else {
            try root.encodeNil(forKey: .approval)
        }
        var recipient = root.nestedContainer(keyedBy: Keys.self, forKey: .recipient)
        try recipient.encode(delivery.recipient.name, forKey: .name)
        try recipient.encode(delivery.recipient.login, forKey: .login)
        try recipient.encode(delivery.recipient.layer, forKey: .layer)
        // Everyone one group message pages: the recipient first, as on every channel.
        var mentions = root.nestedUnkeyedContainer(forKey: .mentions)
        for person in delivery.message.mentions ?? [delivery.recipient] {
            var entry = mentions.nestedContainer(keyedBy: Keys.self)
            try entry.encode(person.name, forKey: .name)
            try entry.encode(person.login, forKey: .login)
            try entry.encode(person.layer, forKey: .layer)
        }
        try root.encode(message.subject, forKey: .subject)
        try root.encode(message.text, forKey: .text)
        try root.encode(message.language ?? .en, forKey: .language)
    }

    private func encodeHandoff(_ handoff: HandoffSummary?, in root: KeyedEncodingContainer<Keys>) throws {
        var root = root
        guard let handoff else { return try root.encodeNil(forKey: .handoff) }
        var container = root.nestedContainer(keyedBy: Keys.self, forKey: .handoff)
        try container.encode(handoff.roster, forKey: .roster)
        try container.encode(handoff.layer, forKey: .layer)
        try container.encode(handoff.at, forKey: .at)
        try container.encode(handoff.until, forKey: .until)
        try container.encode(handoff.incoming, forKey: .incoming)
        try container.encode(handoff.outgoing, forKey: .outgoing)
        try container.encode(handoff.url, forKey: .url)
        var incidents = container.nestedUnkeyedContainer(forKey: .incidents)
        for incident in handoff.incidents {
            var entry = incidents.nestedContainer(keyedBy: Keys.self)
            try entry.encode(incident.id, forKey: .id)
            try entry.encode(incident.title, forKey: .title)
            try entry.encode(incident.severity, forKey: .severity)
            try entry.encode(incident.status, forKey: .status)
            try entry.encode(incident.url, forKey: .url)
        }
    }

    private func encodeIncident(_ incident: IncidentSummary, in container: KeyedEncodingContainer<Keys>) throws {
        var container = container
        try container.encode(incident.id, forKey: .id)
        try container.encode(incident.title, forKey: .title)
        try container.encode(incident.severity, forKey: .severity)
        try container.encode(incident.status, forKey: .status)
        try container.encode(incident.category, forKey: .category)
        try container.encode(incident.rule, forKey: .rule)
        try container.encode(incident.labels, forKey: .labels)
        // JSON has no infinity or NaN (a change from zero is an infinite ratio): those are written as null.
        try container.encode(incident.value.flatMap { $0.isFinite ? $0 : nil }, forKey: .value)
        try container.encode(incident.threshold.flatMap { $0.isFinite ? $0 : nil }, forKey: .threshold)
        try container.encode(incident.openedAt, forKey: .openedAt)
        try container.encode(incident.url, forKey: .url)
    }

    /// The event as compact JSON with sorted keys and ISO 8601 dates: the exact bytes that are signed.
    func encoded() throws(UndeliverableError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        do {
            return Array(try encoder.encode(self))
        } catch {
            throw UndeliverableError("The webhook event could not be encoded as JSON: \(error).")
        }
    }
}
