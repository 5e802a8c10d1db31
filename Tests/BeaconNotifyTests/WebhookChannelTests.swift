import BeaconCore
import BeaconNotify
import BeaconTestSupport
import Crypto
import Foundation
import Testing

@Suite struct WebhookChannelTests {
    let channel = Channel(
        id: "hook", type: .webhook, url: "", headers: ["X-Team": "payments", "Idempotency-Key": "overridden"])

    private func hook(_ server: LoopbackHTTPServer, secret: String? = nil) -> Channel {
        var channel = channel
        channel.url = server.url("/hook")
        channel.secret = secret
        return channel
    }

    @Test func postsTheDocumentedEvent() async throws {
        try await Fixture.withReceiver { server, sender in
            let result = await sender.send(Fixture.delivery(hook(server)))
            #expect(result == .delivered(detail: "HTTP 200"))
            let request = try #require(server.requests(to: "/hook").first)
            #expect(request.method == "POST")
            #expect(request.header("Content-Type") == "application/json")
            #expect(request.header("Idempotency-Key") == "incident-12/confirm/zhangmin/hook")
            #expect(request.headers.filter { $0.name.lowercased() == "idempotency-key" }.count == 1)
            #expect(request.header("X-Team") == "payments")
            #expect(request.header("X-Beacon-Signature") == nil)
            #expect(request.header("User-Agent")?.hasPrefix("Beacon/") == true)

            let event = try request.json
            #expect(event["version"] as? Int == 1)
            #expect(event["event"] as? String == "page")
            #expect(event["idempotency_key"] as? String == "incident-12/confirm/zhangmin/hook")
            #expect(event["sent_at"] as? String == "2026-05-04T10:00:00Z")
            #expect(event["subject"] as? String == "[sev2] #12 Payment success rate below 90%")
            #expect(event["text"] as? String == Fixture.text)
            #expect(event["language"] as? String == "en", "a message of a row without a language is English")
            #expect(event["approval"] is NSNull)

            let incident = try #require(event["incident"] as? [String: Any])
            #expect(incident["id"] as? Int == 12)
            #expect(incident["title"] as? String == "Payment success rate")
            #expect(incident["severity"] as? String == "sev2")
            #expect(incident["status"] as? String == "open")
            #expect(incident["category"] as? String == "system")
            #expect(incident["rule"] as? String == "payment-success-rate")
            #expect(incident["labels"] as? [String: String] == ["team": "payments", "region": "east"])
            #expect(incident["value"] as? Double == 0.87)
            #expect(incident["threshold"] as? Double == 0.9)
            #expect(incident["opened_at"] as? String == "2026-05-04T09:55:00Z")
            #expect(incident["url"] as? String == "http://127.0.0.1:8080/incidents/12")

            let step = try #require(event["step"] as? [String: Any])
            #expect(step["id"] as? String == "confirm")
            #expect(step["title"] as? String == "Confirm the failure and its scope")
            #expect(step["owner"] as? String == "operation")
            #expect(step["due_at"] as? String == "2026-05-04T10:00:00Z")

            let recipient = try #require(event["recipient"] as? [String: Any])
            #expect(recipient["name"] as? String == "Zhang Min")
            #expect(recipient["login"] as? String == "zhangmin")
            #expect(recipient["layer"] as? String == "operation")
            #expect(recipient.count == 3, "no e-mail address or mobile number leaves in a webhook")
        }
    }

    @Test func signsTheExactBodyWithTheChannelSecret() async throws {
        try await Fixture.withReceiver { server, sender in
            let result = await sender.send(Fixture.delivery(hook(server, secret: "hook-secret")))
            #expect(result.isDelivered)
            let request = try #require(server.requests(to: "/hook").first)
            let signature = try #require(request.header("X-Beacon-Signature"))
            let expected = HMAC<SHA256>.authenticationCode(
                for: request.body, using: SymmetricKey(data: Array("hook-secret".utf8)))
            #expect(signature == "sha256=" + expected.map { String(format: "%02x", $0) }.joined())
            let other = HMAC<SHA256>.authenticationCode(
                for: request.body, using: SymmetricKey(data: Array("another-secret".utf8)))
            #expect(signature != "sha256=" + other.map { String(format: "%02x", $0) }.joined())
        }
    }

    @Test func approvalRequestsCarryTheStepAndTheLinks() async throws {
        let executive = Recipient(name: "Li Na", role: "CEO", email: "ln@example.com", layer: .decision)
        try await Fixture.withReceiver { server, sender in
            let delivery = Fixture.delivery(hook(server), to: executive, message: Fixture.approvalRequest)
            #expect(await sender.send(delivery).isDelivered)
            let event = try #require(server.requests(to: "/hook").first).json
            #expect(event["event"] as? String == "approval_request")
            let approval = try #require(event["approval"] as? [String: Any])
            #expect(approval["id"] as? Int == 7)
            #expect(approval["approve_url"] as? String == "http://127.0.0.1:8080/approvals/7/approve?token=a1b2")
            #expect(approval["reject_url"] as? String == "http://127.0.0.1:8080/approvals/7/reject?token=a1b2")
            #expect(approval["expires_at"] as? String == "2026-05-04T11:00:00Z")
            let step = try #require(event["step"] as? [String: Any])
            #expect(step["owner"] as? String == "decision")
            #expect(step["due_at"] is NSNull)
            let recipient = try #require(event["recipient"] as? [String: Any])
            #expect(recipient["login"] is NSNull)
            #expect(recipient["layer"] as? String == "decision")
        }
    }

    @Test func missingAndNonFiniteValuesAreNull() async throws {
        var message = Fixture.page
        message.incident?.value = .infinity
        message.incident?.threshold = nil
        message.incident?.rule = nil
        message.step = nil
        try await Fixture.withReceiver { server, sender in
            #expect(await sender.send(Fixture.delivery(hook(server), message: message)).isDelivered)
            let event = try #require(server.requests(to: "/hook").first).json
            let incident = try #require(event["incident"] as? [String: Any])
            #expect(incident["value"] is NSNull)
            #expect(incident["threshold"] is NSNull)
            #expect(incident["rule"] is NSNull)
            #expect(event["step"] is NSNull)
        }
    }

    /// A handoff is about a shift, not an incident: `incident` is null and `handoff` says who took over and what
    /// the layer holds.
    @Test func aHandoffCarriesTheShiftAndNoIncident() async throws {
        let handoff = HandoffSummary(
            roster: "cs-duty", layer: .operation, at: Date(timeIntervalSince1970: 1_777_888_800),
            until: Date(timeIntervalSince1970: 1_777_932_000), incoming: ["Chen Xiao"], outgoing: ["Zhang Min"],
            incidents: [
                .init(
                    id: 12, title: "Payment success rate", severity: .sev2, status: .acknowledged,
                    url: "http://127.0.0.1:8080/incidents/12")
            ], url: "http://127.0.0.1:8080/oncall")
        let message = NotificationMessage(
            kind: .handoff, subject: "On duty: operation layer (cs-duty) from 20:00:00 UTC+8", text: "You are on duty.",
            incident: nil, handoff: handoff)
        try await Fixture.withReceiver { server, sender in
            let delivery = Fixture.delivery(
                hook(server), message: message, key: "roster-cs-duty/handoff-1777888800000/chenxiao/hook")
            #expect(await sender.send(delivery).isDelivered)
            let event = try #require(server.requests(to: "/hook").first).json
            #expect(event["event"] as? String == "handoff")
            #expect(event["incident"] is NSNull)
            #expect(event["invitation"] is NSNull)
            let shift = try #require(event["handoff"] as? [String: Any])
            #expect(shift["roster"] as? String == "cs-duty")
            #expect(shift["layer"] as? String == "operation")
            #expect(shift["at"] as? String == "2026-05-04T10:00:00Z")
            #expect(shift["until"] as? String == "2026-05-04T22:00:00Z")
            #expect(shift["incoming"] as? [String] == ["Chen Xiao"])
            #expect(shift["outgoing"] as? [String] == ["Zhang Min"])
            #expect(shift["url"] as? String == "http://127.0.0.1:8080/oncall")
            let held = try #require(shift["incidents"] as? [[String: Any]])
            #expect(held.map { $0["id"] as? Int } == [12])
            #expect(held.first?["status"] as? String == "acknowledged")
        }
    }

    @Test func anInvitationCarriesItsLink() async throws {
        let expires = Date(timeIntervalSince1970: 1_777_888_800)
        let message = NotificationMessage(
            kind: .invitation, subject: "Beacon: set your password to sign in as zhangmin", text: "You are invited.",
            incident: nil, invitation: InvitationLink(url: "http://127.0.0.1:8080/invite/abc", expiresAt: expires))
        try await Fixture.withReceiver { server, sender in
            let delivery = Fixture.delivery(
                hook(server), message: message, key: "user-zhangmin/invitation-1/zhangmin/hook")
            #expect(await sender.send(delivery).isDelivered)
            let event = try #require(server.requests(to: "/hook").first).json
            #expect(event["event"] as? String == "invitation")
            #expect(event["incident"] is NSNull && event["handoff"] is NSNull)
            let invitation = try #require(event["invitation"] as? [String: Any])
            #expect(invitation["url"] as? String == "http://127.0.0.1:8080/invite/abc")
            #expect(invitation["expires_at"] as? String == "2026-05-04T10:00:00Z")
        }
    }
}
