import BeaconApproval
import BeaconCore
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import BeaconServer

/// Alertmanager intake as Prometheus users write rules: one alertname in tiers (`severity: warning`, then
/// `critical`) is one incident raised and eased; annotations and series labels reach the incident and its pages;
/// a firing notice replayed after the resolution reopens nothing.
@Suite struct IntakeTierTests {
    let store: BeaconStore
    let token: String
    let config: BeaconConfig

    init() async throws {
        store = try BeaconStore.inMemory()
        _ = try await store.people.addServiceAccount(login: "alertmanager", scope: .intake, at: Date())
        let made = Credentials.newToken()
        try await store.people.addToken(login: "alertmanager", hash: made.hash, prefix: made.prefix, at: Date())
        token = made.token
        var config = ApprovalLinkTests.chainConfig
        config.intakeSeverities = ["page-now": .sev1]
        self.config = config
    }

    func application() -> some ApplicationProtocol {
        let config = config
        return BeaconHTTP.application(
            listen: ListenAddress(host: "127.0.0.1", port: 0),
            repositories: store.repositories(configuration: { config }),
            signer: ApprovalSigner(key: Array(repeating: 1, count: 32)), config: { config },
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() },
            health: {
                HealthReport(storeOK: true, monitorRunning: true, targets: 0, failingSources: 0, outboxDepth: 0)
            })
    }

    /// One alert of `HighErrorRate` on `sku`, at `severity`, as Alertmanager posts it.
    static func alert(
        _ status: String, severity: String, sku: String = "A17", startsAt: String = "2026-11-25T03:00:00.123Z",
        annotations: String = #""summary":"Errors on A17","description":"Checkout errors at 12%","value":"0.12""#
    ) -> String {
        """
        {"status":"\(status)","labels":{"alertname":"HighErrorRate","severity":"\(severity)","sku":"\(sku)"},
         "annotations":{\(annotations)},"startsAt":"\(startsAt)","endsAt":"0001-01-01T00:00:00Z",
         "fingerprint":"am-\(severity)-\(sku)"}
        """
    }

    func post(_ client: some TestClientProtocol, _ alerts: String...) async throws -> [String: Int] {
        let response = try await client.execute(
            uri: "/api/intake/alertmanager", method: .post,
            headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
            body: ByteBuffer(string: #"{"version":"4","status":"firing","alerts":[\#(alerts.joined(separator: ","))]}"#)
        )
        #expect(response.status == .ok)
        return try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Int])
    }

    @Test func tiersOfOneAlertAreOneIncidentRaisedEasedAndResolved() async throws {
        try await application().test(.router) { client in
            #expect(try await post(client, Self.alert("firing", severity: "warning"))["opened"] == 1)
            #expect(
                try await post(
                    client, Self.alert("firing", severity: "warning"), Self.alert("firing", severity: "critical"))[
                        "raised"] == 1)
            let incidents = try store.incidents()
            #expect(incidents.count == 1, "the tiers are one incident")
            let incident = try #require(incidents.first)
            let id = try #require(incident.id)
            #expect(incident.severity == .sev1)
            #expect(incident.firingTiers == [.sev1, .sev3])
            // The critical tier resolves, the warning still fires: told, and nothing asked is silenced.
            _ = try await post(
                client, Self.alert("firing", severity: "warning"), Self.alert("resolved", severity: "critical"))
            let eased = try #require(try store.incidents().first)
            #expect(eased.status == .open && eased.severity == .sev1)
            #expect(
                try store.timeline(id).map(\.message).contains(
                    "Alertmanager: the sev1 alert resolved, the sev3 one still fires; severity stays sev1 until every "
                        + "alert has resolved"))
            #expect(try await post(client, Self.alert("resolved", severity: "warning"))["resolved"] == 1)
            #expect(try store.incidents().first?.status == .resolved)
        }
    }

    @Test func annotationsAndSeriesLabelsReachTheIncidentAndItsPages() async throws {
        try await application().test(.router) { client in
            _ = try await post(client, Self.alert("firing", severity: "page-now"))
            _ = try await post(
                client, Self.alert("firing", severity: "warning", sku: "B22", annotations: #""description":"Slow""#))
            let incidents = try store.incidents().sorted { ($0.id?.rawValue ?? 0) < ($1.id?.rawValue ?? 0) }
            #expect(incidents.map(\.title) == ["Errors on A17", "HighErrorRate (sku=B22)"])
            #expect(incidents.map(\.severity) == [.sev1, .sev3], "the configured reading of page-now")
            let first = try #require(incidents.first)
            #expect(first.description == "Checkout errors at 12%")
            #expect(first.value == 0.12)
            let firstID = try #require(first.id)
            let page = try #require(try store.notifications(firstID).first)
            #expect(page.message.text.contains("Checkout errors at 12%"))
            #expect(page.message.text.contains("Labels: sku=A17"))
        }
    }

    @Test func aFiringNoticeReplayedAfterTheResolutionReopensNothing() async throws {
        try await application().test(.router) { client in
            _ = try await post(client, Self.alert("firing", severity: "warning"))
            _ = try await post(client, Self.alert("resolved", severity: "warning"))
            let replay = try await post(client, Self.alert("firing", severity: "warning"))
            #expect(replay["unchanged"] == 1 && replay["opened"] == 0)
            #expect(try store.incidents().count == 1)
            // The same alert starting again after the resolution is a new incident.
            let again = try await post(
                client, Self.alert("firing", severity: "warning", startsAt: "2999-01-01T00:00:00Z"))
            #expect(again["opened"] == 1)
            #expect(try store.incidents().count == 2)
        }
    }
}
