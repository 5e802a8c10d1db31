import BeaconApproval
import BeaconCore
import BeaconNotify
import Foundation

/// Messages as Beacon composes them, and the channels of each type, for sending real notifications to the sinks.
enum NotificationFixture {
    /// 2026-05-04T10:00:00Z.
    static let now = Date(timeIntervalSince1970: 1_777_888_800)

    static let zhangMin = Recipient(
        name: "Zhang Min", login: "zhangmin", role: "CS team lead", email: "zhangmin@example.com",
        mobile: "13800000101", layer: .operation)

    static let liNa = Recipient(
        name: "Li Na", login: "lina", role: "CEO", email: "lina@example.com", mobile: "13800000301",
        layer: .decision)

    static let incident = IncidentSummary(
        id: 12, title: "Payment success rate", severity: .sev2, status: .open, category: .system,
        rule: "payment-success-rate", labels: ["team": "payments", "region": "east"], value: 0.87, threshold: 0.9,
        openedAt: Date(timeIntervalSince1970: 1_777_888_500), url: "http://127.0.0.1:8080/incidents/12")

    static let pageSubject = "[sev2] #12 Payment success rate below 90%"

    static let page = NotificationMessage(
        kind: .page, subject: pageSubject,
        text: """
            Payment success rate is 0.87, below 0.9 (sev2 major).
            Acknowledge within 5m: http://127.0.0.1:8080/incidents/12
            """,
        incident: incident,
        step: StepSummary(id: "confirm", title: "Confirm the failure and its scope", owner: .operation, dueAt: now))

    /// Opaque signed tokens, as `ApprovalSigner` makes them: nothing in the URL says approve or reject.
    static let approveURL = "http://127.0.0.1:8080/approvals/Nw.bGluYQ.YXBwcm92ZQ.MTc3Nzg5MjQwMA.k2x.Zm9vYmFy-_x"
    static let rejectURL = "http://127.0.0.1:8080/approvals/Nw.bGluYQ.cmVqZWN0.MTc3Nzg5MjQwMA.9qe.YmFyYmF6_-y"

    static let approvalSubject = "[sev2] #12 Approve compensation for affected orders"

    static let approvalRequest = NotificationMessage(
        kind: .approvalRequest, subject: approvalSubject,
        text: "Compensation for affected orders waits on your decision.\nPayment success rate is 0.87, below 0.9.",
        incident: incident,
        step: StepSummary(
            id: "compensation", title: "Approve compensation for affected orders", owner: .decision, dueAt: nil),
        approval: ApprovalLinks(
            approvalID: 7, approveURL: approveURL, rejectURL: rejectURL,
            expiresAt: Date(timeIntervalSince1970: 1_777_892_400)))

    /// A channel of `type` whose URL is the sink's path named after the channel id.
    static func channel(_ id: String, _ type: ChannelType, httpPort: Int, smtpPort: Int) -> Channel {
        switch type {
        case .smtp:
            Channel(
                id: id, type: .smtp, url: "smtp://127.0.0.1:\(smtpPort)", from: "Beacon <beacon@example.com>",
                security: .none, timeout: .seconds(60))
        case .sms:
            Channel(
                id: id, type: .sms, url: "http://127.0.0.1:\(httpPort)/\(id)",
                body: #"{"mobile": "{{mobile}}", "text": "{{text}}"}"#,
                headers: ["Content-Type": "application/json", "Authorization": "Bearer local-sms-token"])
        case .dingtalk:
            Channel(id: id, type: .dingtalk, url: "http://127.0.0.1:\(httpPort)/\(id)", secret: "local-dingtalk-secret")
        case .webhook:
            Channel(id: id, type: .webhook, url: "http://127.0.0.1:\(httpPort)/\(id)", secret: "local-hook-secret")
        case .slack, .wecom, .feishu:
            Channel(id: id, type: type, url: "http://127.0.0.1:\(httpPort)/\(id)")
        }
    }

    static func delivery(
        _ channel: Channel, to recipient: Recipient = zhangMin, message: NotificationMessage = page
    ) -> Delivery {
        Delivery(
            idempotencyKey: "incident-12/\(message.step?.id ?? "page")/\(recipient.login ?? "someone")/\(channel.id)",
            channel: channel, recipient: recipient, message: message)
    }
}
