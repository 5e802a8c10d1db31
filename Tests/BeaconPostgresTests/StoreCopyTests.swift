import BeaconCore
import BeaconPostgres
import BeaconStore
import BeaconTestSupport
import Foundation
import Logging
import Testing

/// `beacon store copy`: an installation moves from its SQLite file to PostgreSQL whole, and reads the same there.
@Suite struct StoreCopyTests {
    static func at(_ seconds: Double) -> Date { IncidentCommandsContractTests.at(seconds) }

    @Test(.timeLimit(.minutes(3))) func everythingASQLiteStoreHoldsReadsTheSameOnPostgreSQL() async throws {
        let directory = TemporaryDirectory()
        let sqlite = try BeaconStore.open(path: directory.file("beacon.sqlite"))
        let config = IncidentCommandsContractTests.config
        let ledger = IncidentLedger(sqlite, planner: CommandPlanner(config: config))
        let source = ledger.repositories
        // A life: incidents worked and written up, an approval answered through a short link, people signed in.
        let id = try await PostMortemContractTests.resolvedIncident(
            RepositoryBackend.Stores(
                rosters: source.rosters, people: source.people, outbox: sqlite.outbox, commands: ledger,
                incidents: source.incidents, samples: source.samples, postMortems: source.postMortems,
                reports: source.reports, approvalLinks: source.approvalLinks))
        _ = try await source.postMortems.apply(
            PostMortemUpdate(
                fields: PostMortemFields(rootCause: "证书过期"),
                followUps: [
                    FollowUp(incidentID: id, kind: .plan, description: "到期告警", owner: "wanglei", dueAt: Self.at(86_400))
                ]), to: id, by: "wanglei", at: Self.at(2_000))
        let open = try await ledger.declare(
            title: "Refund spike 退款激增", category: .complaint, severity: .sev3, by: "chenxiao", at: Self.at(3_000))
        let user = try await source.people.addUser(
            login: "zhangmin", name: "张敏", layer: .operation, admin: true, passwordHash: "hash", at: Self.at(0))
        try await source.people.addToken(login: "zhangmin", hash: "token-hash", prefix: "bk_1", at: Self.at(1))
        try await source.people.createSession(
            idHash: "session-hash", userID: try #require(user.id), csrf: "csrf", expiresAt: Self.at(86_400),
            at: Self.at(2))
        let secret = try await source.approvalLinks.secret("approval-signing-key")
        let approval = try #require(try await source.incidents.approvals(id).first?.id)
        try await sqlite.outbox.createShortLink(
            codeHash: "link", approvalID: approval, person: "lina", expiresAt: Self.at(3_600), at: Self.at(3))
        try await source.samples.append([
            ("payment-success-rate", Labels(["region": "east"]), [Sample(at: Self.at(0), value: 0.97)])
        ])
        _ = try await source.rosters.addOverride(
            RosterOverride(
                roster: "cs-duty", person: "chenxiao", from: Self.at(0), to: Self.at(3_600), createdBy: "zhangmin",
                reason: "换班", createdAt: Self.at(0)))
        let contents = try sqlite.contents()

        let server = try await PostgresServer.start()
        defer { server.stop() }
        let location = try PostgresLocation(parsing: "\(server.url)?sslmode=disable")
        let target = PostgresStore(location, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await target.run() }
            defer { group.cancelAll() }
            try await target.migrate()
            #expect(try await target.isEmpty())
            try await target.load(contents)
            #expect(try await target.isEmpty() == false)
            let copied = target.repositories { config }

            let ids = [id, try #require(open.incident.id)]
            #expect(try await copied.incidents.incidents(ids) == (try await source.incidents.incidents(ids)))
            for incident in ids {
                #expect(
                    try await copied.incidents.timeline(incident) == (try await source.incidents.timeline(incident)))
                #expect(
                    try await copied.incidents.runSteps(incident) == (try await source.incidents.runSteps(incident)))
                let (copiedDeadlines, sourceDeadlines) = (
                    try await copied.incidents.deadlines(incident), try await source.incidents.deadlines(incident)
                )
                #expect(copiedDeadlines == sourceDeadlines)
                #expect(
                    try await copied.incidents.approvals(incident) == (try await source.incidents.approvals(incident)))
                #expect(
                    try await copied.incidents.notifications(incident)
                        == (try await source.incidents.notifications(incident)))
            }
            #expect(try await copied.postMortems.report(id) == (try await source.postMortems.report(id)))
            #expect(try await copied.people.users() == (try await source.people.users()))
            #expect(try await copied.people.user(tokenHash: "token-hash", at: Self.at(10))?.login == "zhangmin")
            #expect(try await copied.people.session(idHash: "session-hash", at: Self.at(10))?.csrf == "csrf")
            #expect(
                try await copied.approvalLinks.secret("approval-signing-key") == secret,
                "links signed before still work")
            #expect(
                try await copied.approvalLinks.shortLink(codeHash: "link")
                    == (try await source.approvalLinks.shortLink(codeHash: "link")))
            #expect(
                try await copied.samples.recent(rule: "payment-success-rate", span: 60)
                    == (try await source.samples.recent(rule: "payment-success-rate", span: 60)))
            #expect(
                try await copied.rosters.overrides(roster: nil, from: Self.at(0), to: Self.at(10))
                    == (try await source.rosters.overrides(roster: nil, from: Self.at(0), to: Self.at(10))))

            // New rows number on from the copied ones.
            let next = try await copied.commands.declare(
                title: "After the move", category: .system, severity: .sev4, by: "zhangmin", at: Self.at(4_000))
            #expect(next.incident.id?.rawValue == (ids.map(\.rawValue).max() ?? 0) + 1)
        }
    }
}
