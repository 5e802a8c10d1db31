import BeaconCore
import Foundation

/// The links a message offers, the same on every channel: the incident's page (the on-call page for a handoff,
/// the password link for an invitation) and, for an approval request, the one-tap approve and reject links.
struct MessageLinks {
    struct Link {
        var label: String
        var url: String
    }

    /// What the message is about: the incident, the shift, the invitation.
    var main: Link?
    var approve: Link?
    var reject: Link?
    /// When the approve and reject links stop working, as `2026-05-04T10:30:00Z`.
    var expiry: String?

    /// The message's language: the labels are in it.
    let words: Catalog

    init(_ message: NotificationMessage) {
        words = (message.language ?? .en).catalog
        if let incident = message.incident {
            main = Link(label: words("channel.open_incident", ["id": "\(incident.id)"]), url: incident.url)
        } else if let invitation = message.invitation {
            main = Link(label: words("channel.set_password"), url: invitation.url)
        } else if let handoff = message.handoff {
            main = Link(label: words("channel.on_duty"), url: handoff.url)
        }
        if let approval = message.approval {
            approve = Link(label: words("channel.approve"), url: approval.approveURL)
            reject = Link(label: words("channel.reject"), url: approval.rejectURL)
            expiry = approval.expiresAt.formatted(.iso8601)
        }
    }

    /// The approve and reject links, when the message asks for a decision.
    var decision: [Link] { [approve, reject].compactMap { $0 } }

    /// `The links expire at 2026-05-04T10:30:00Z.`
    var expiryNote: String? { expiry.map { words("channel.expiry", ["time": $0]) } }

    /// The message as plain text: subject, text, then one link per line.
    ///
    /// What e-mail's text part and Feishu show.
    static func plainText(_ message: NotificationMessage) -> String {
        let links = MessageLinks(message)
        var lines = [message.subject, "", message.text, ""]
        lines += links.main.map { ["\($0.label): \($0.url)"] } ?? []
        lines += links.decision.map { "\($0.label): \($0.url)" }
        if let note = links.expiryNote { lines.append(note) }
        return lines.joined(separator: "\n")
    }

    /// The message as the Markdown chat robots read: a bold subject, the text, then the links.
    /// - Parameter lineBreak: how the robot breaks a line inside a paragraph (DingTalk needs two spaces first).
    static func markdown(_ message: NotificationMessage, lineBreak: String = "\n") -> String {
        let links = MessageLinks(message)
        let text = message.text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: lineBreak)
        var parts = ["**\(message.subject)**", text]
        parts += links.main.map { ["[\($0.label)](\($0.url))"] } ?? []
        if !links.decision.isEmpty {
            parts.append(links.decision.map { "[\($0.label)](\($0.url))" }.joined(separator: " · "))
        }
        if let note = links.expiryNote { parts.append(note) }
        return parts.joined(separator: "\n\n")
    }
}
