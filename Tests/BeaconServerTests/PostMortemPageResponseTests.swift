import BeaconCore
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BeaconServer

/// The console's post-mortem page judges every period of a recurring step, as the record tells it.
@Suite struct PostMortemPageResponseTests {
    let fixture: ConsoleFixture

    init() async throws { fixture = try await ConsoleFixture() }

    /// Deliveries delayed, declared at 12:13:20 UTC with a progress update due every half hour (periods ending
    /// 12:43:20, 13:13:20 and 13:43:20): given in the first period, 7 minutes late for the second, resolved at
    /// 13:36:40.
    func workedDelay() async throws -> IncidentID {
        let opened = ConsoleFixture.start.addingTimeInterval(-7_200)
        let ledger = fixture.ledger
        let id = try #require(
            try await ledger.declare(
                title: "Typhoon delays deliveries", category: .logistics, severity: .sev3, by: "zhangmin", at: opened
            ).incident.id)
        try await ledger.perform(.acknowledge, on: id, by: "zhangmin", at: opened + 60)
        for update in [1_500.0, 4_020] {
            try await ledger.completeStep("progress", of: id, by: "zhangmin", layer: .operation, at: opened + update)
        }
        try await ledger.perform(.resolve, on: id, by: "zhangmin", at: opened + 5_000)
        return id
    }

    @Test func everyPeriodOfARecurringStepIsJudgedOnThePage() async throws {
        let id = try await workedDelay()
        let html = try await fixture.application().test(.router) { client in
            let session = try await fixture.signIn(client, as: .execution)
            return String(
                buffer: try await fixture.get(client, "/incidents/\(id.rawValue)/postmortem", as: session).body)
        }
        #expect(html.contains(#"<h3>Did we respond fast? <span class="badge no verdict">No</span></h3>"#))
        #expect(html.contains("<li>Acknowledge (operation): met, 4m early.</li>"))
        #expect(html.contains("<li>Step progress (operation), period 1 due 12:43:20 UTC: met, 5m early.</li>"))
        #expect(html.contains("<li>Step progress (operation), period 2 due 13:13:20 UTC: missed by 7m.</li>"))
        #expect(html.contains("<li>Step progress (operation), period 3 due 13:43:20 UTC: met, 23m early.</li>"))
        #expect(!html.contains("period 4"), "the fourth period began after it resolved")
    }
}
