import BeaconCore
import BeaconStore
import Foundation
import Testing

@testable import BeaconServer

/// When notifications do not get through, `/healthz` says `degraded` with the reasons and the dashboard names the
/// incidents on which nobody was reached.
@Suite struct HealthTests {
    @Test func notificationTroubleIsDegradedNotDown() {
        let healthy = HealthReport(storeOK: true, monitorRunning: true, targets: 3, failingSources: 0, outboxDepth: 0)
        #expect(healthy.status == "ok" && healthy.isServing && healthy.reasons.isEmpty)
        let degraded = HealthReport(
            storeOK: true, monitorRunning: true, targets: 3, failingSources: 0, outboxDepth: 4,
            failingChannels: ["sms", "exec-mail"], unreachedIncidents: [7])
        #expect(degraded.status == "degraded")
        #expect(degraded.isServing, "a load balancer keeps it: it still serves")
        #expect(degraded.reasons == ["notifications fail on exec-mail, sms", "nobody was reached on #7"])
        let down = HealthReport(storeOK: false, monitorRunning: true, targets: 3, failingSources: 0, outboxDepth: 0)
        #expect(down.status == "down" && !down.isServing)
    }

    @Test func anIncidentWhoseEveryAttemptFailedIsUnreachedUntilOneArrives() async throws {
        let fixture = try await ConsoleFixture()
        let store = fixture.store
        #expect(try store.unreachedIncidents().isEmpty, "nothing attempted yet")
        let pages = try store.notifications(fixture.incidentID)
        let first = try #require(pages.first)
        try await store.outbox.recordFailed(
            first, reason: "HTTP 500", retryAt: ConsoleFixture.start, fallovers: [], at: ConsoleFixture.start)
        #expect(try store.unreachedIncidents().map(\.id) == [fixture.incidentID])
        try await store.outbox.recordDelivered(try #require(pages.last), detail: "HTTP 200", at: ConsoleFixture.start)
        #expect(try store.unreachedIncidents().isEmpty, "someone was reached")
    }

    @Test func theDashboardNamesTheIncidentsOnWhichNobodyWasReached() async throws {
        let fixture = try await ConsoleFixture()
        let page = try #require(try fixture.store.notifications(fixture.incidentID).first)
        try await fixture.store.outbox.recordFailed(
            page, reason: "connection refused", retryAt: nil, fallovers: [], at: ConsoleFixture.start)
        let html = try await fixture.application().test(.router) { client in
            let session = try await fixture.signIn(client, as: .operation)
            return String(buffer: try await fixture.get(client, "/", as: session).body)
        }
        #expect(html.contains(#"id="unreached""#))
        #expect(html.contains("Nobody was reached"))
        #expect(html.contains(#"<a href="/incidents/\#(fixture.incidentID.rawValue)">"#))
        #expect(html.contains(#"id="outbox-queued""#), "the channels still holding notifications")
    }
}
