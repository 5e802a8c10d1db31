import BeaconCore
import BeaconCurl
import BeaconNotify
import BeaconTestSupport
import Foundation

/// The deliveries the tests send: one incident, one person, one channel at a time, at a fixed time.
enum Fixture {
    /// 2026-05-04T10:00:00Z, a Monday.
    static let now = Date(timeIntervalSince1970: 1_777_888_800)

    static let zhangMin = Recipient(
        name: "Zhang Min", login: "zhangmin", role: "CS team lead", email: "zm@example.com", mobile: "13800000000",
        layer: .operation)

    static let incident = IncidentSummary(
        id: 12, title: "Payment success rate", severity: .sev2, status: .open, category: .system,
        rule: "payment-success-rate", labels: ["team": "payments", "region": "east"], value: 0.87, threshold: 0.9,
        openedAt: Date(timeIntervalSince1970: 1_777_888_500), url: "http://127.0.0.1:8080/incidents/12")

    static let text = """
        Payment success rate is 0.87, below 0.9 (sev2 major).
        Acknowledge within 5m: http://127.0.0.1:8080/incidents/12
        """

    static let page = NotificationMessage(
        kind: .page, subject: "[sev2] #12 Payment success rate below 90%", text: text, incident: incident,
        step: StepSummary(
            id: "confirm", title: "Confirm the failure and its scope", owner: .operation,
            dueAt: Date(timeIntervalSince1970: 1_777_888_800)))

    static let approvalRequest = NotificationMessage(
        kind: .approvalRequest, subject: "[sev2] #12 Approve compensation for affected orders",
        text: "Compensation for affected orders waits on your decision.\nPayment success rate is 0.87, below 0.9.",
        incident: incident,
        step: StepSummary(
            id: "compensation", title: "Approve compensation for affected orders", owner: .decision, dueAt: nil),
        approval: ApprovalLinks(
            approvalID: 7, approveURL: "http://127.0.0.1:8080/approvals/7/approve?token=a1b2",
            rejectURL: "http://127.0.0.1:8080/approvals/7/reject?token=a1b2",
            expiresAt: Date(timeIntervalSince1970: 1_777_892_400)))

    static func delivery(
        _ channel: Channel, to recipient: Recipient = zhangMin, message: NotificationMessage = page,
        key: String = "incident-12/confirm/zhangmin/hook"
    ) -> Delivery {
        Delivery(idempotencyKey: key, channel: channel, recipient: recipient, message: message)
    }

    /// Runs `body` with a fresh loopback receiver and a sender on a fresh client, and stops both afterwards.
    static func withReceiver(
        _ routes: [String: LoopbackHTTPServer.Behaviour] = [:], options: CurlClient.Options = CurlClient.Options(),
        _ body: (LoopbackHTTPServer, CurlChannelSender) async throws -> Void
    ) async throws {
        let server = try await LoopbackHTTPServer.start(routes: routes, fallback: .respond(body: "ok"))
        let client = CurlClient(options: options)
        do {
            try await body(server, CurlChannelSender(client: client, now: { now }))
        } catch {
            await client.shutdown()
            await server.stop()
            throw error
        }
        await client.shutdown()
        await server.stop()
    }
}

extension LoopbackHTTPServer.RecordedRequest {
    /// The body parsed as a JSON object.
    var json: [String: Any] {
        get throws {
            guard let object = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
                throw FixtureError("The body is not a JSON object: \(bodyText)")
            }
            return object
        }
    }
}

/// A test precondition that did not hold.
struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension DeliveryResult {
    var isDelivered: Bool {
        if case .delivered = self { return true }
        return false
    }

    /// The retry flag of a failure; nil when delivered.
    var retryable: Bool? {
        if case .failed(_, let retryable) = self { return retryable }
        return nil
    }

    var reason: String {
        switch self {
        case .delivered(let detail): detail
        case .failed(let reason, _): reason
        case .throttled(let reason, _): reason
        }
    }
}
