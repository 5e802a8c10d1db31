import BeaconCore
import Foundation
import Testing

/// What every store does with post-mortems, approval links, samples and the weekly report, SQLite and PostgreSQL
/// alike.
@Suite struct PostMortemContractTests {
    static let config = IncidentCommandsContractTests.config
    static func at(_ seconds: Double) -> Date { IncidentCommandsContractTests.at(seconds) }

    /// A sev1 declared, acknowledged, its approval answered and resolved: an incident with a post-mortem to write.
    static func resolvedIncident(_ stores: RepositoryBackend.Stores) async throws -> IncidentID {
        let id = try #require(
            try await stores.commands.declare(
                title: "Card payments failing", category: .system, severity: .sev1, by: "zhangmin", at: at(0)
            ).incident.id)
        try await stores.commands.perform(.acknowledge, on: id, by: "zhangmin", note: nil, at: at(120))
        let approval = try #require(try await stores.incidents.approvals(id).first?.id)
        try await stores.commands.answer(
            approval, approve: true, by: "lina", layer: .decision, comment: nil, at: at(600))
        try await stores.commands.perform(.resolve, on: id, by: "wanglei", note: nil, at: at(1_800))
        return id
    }

    @Test(.timeLimit(.minutes(2)), arguments: RepositoryBackend.allCases)
    func aPostMortemIsWrittenClosedAndThenKeepsWhatLetItClose(_ backend: RepositoryBackend) async throws {
        try await backend.withStores(config: Self.config) { stores in
            let id = try await Self.resolvedIncident(stores)
            let opened = try #require(try await stores.postMortems.postMortem(id))
            #expect(try await stores.postMortems.openPostMortem(id, at: Self.at(1_900)) == opened, "opened once")
            let report = try await stores.postMortems.report(id)
            #expect(report.missingForClose == [.rootCause, .followUpOrReason])
            #expect(report.draft.who.acted.map(\.handle) == ["zhangmin", "lina", "wanglei"])
            #expect(report.draft.how.approvals.first?.outcome == .approved)
            #expect(try await stores.postMortems.postMortemsToWrite(limit: 10).map(\.incident.id) == [id])

            let followUp = FollowUp(
                incidentID: id, kind: .plan, description: "证书到期前 30 天告警", owner: "wanglei", dueAt: Self.at(86_400 * 7))
            var fields = PostMortemFields()
            fields.rootCause = "支付渠道证书过期"
            fields.ordersAffected = 1_240
            let written = try await stores.postMortems.apply(
                PostMortemUpdate(fields: fields, followUps: [followUp]), to: id, by: "wanglei", at: Self.at(2_000))
            #expect(written.added.count == 1)
            let followUps = try await stores.postMortems.followUps(id)
            #expect(followUps.map(\.description) == ["证书到期前 30 天告警"])
            #expect(followUps.first?.createdAt == Self.at(2_000))
            #expect(try await stores.postMortems.report(id).missingForClose == [])
            await #expect(throws: StoreError.self, "an edit from a stale base is refused") {
                try await stores.postMortems.apply(
                    PostMortemUpdate(fields: PostMortemFields()), to: id, by: "zhangmin", at: Self.at(2_001),
                    since: PostMortemUpdate())
            }

            let closed = try await stores.commands.perform(.close, on: id, by: "wanglei", note: nil, at: Self.at(3_000))
            #expect(closed.incident.status == .closed)
            #expect(try await stores.postMortems.postMortemsToWrite(limit: 10).isEmpty)
            var cleared = fields
            cleared.rootCause = nil
            await #expect(throws: StoreError.self, "a closed incident keeps its root cause") {
                try await stores.postMortems.apply(
                    PostMortemUpdate(fields: cleared, followUps: followUps), to: id, by: "wanglei", at: Self.at(3_001))
            }
            var done = try #require(followUps.first)
            done.status = .done
            let moved = try await stores.postMortems.apply(
                PostMortemUpdate(fields: fields, followUps: [done]), to: id, by: "wanglei", at: Self.at(3_100))
            #expect(moved.changed.count == 1)
            #expect(try await stores.postMortems.followUps(id).first?.closedAt == Self.at(3_100))
        }
    }

    @Test(.timeLimit(.minutes(2)), arguments: RepositoryBackend.allCases)
    func approvalLinksWorkOnceAndSecretsAreKept(_ backend: RepositoryBackend) async throws {
        try await backend.withStores(config: Self.config) { stores in
            let secret = try await stores.approvalLinks.secret("approval-signing")
            #expect(secret.count == 32)
            #expect(try await stores.approvalLinks.secret("approval-signing") == secret)
            #expect(try await stores.approvalLinks.secret("other", bytes: 16).count == 16)

            let id = try #require(
                try await stores.commands.declare(
                    title: "Card payments failing", category: .system, severity: .sev1, by: "zhangmin", at: Self.at(0)
                ).incident.id)
            let approval = try #require(try await stores.incidents.approvals(id).first?.id)
            #expect(try await stores.outbox.approval(approval)?.stepID == "compensation")
            try await stores.outbox.createShortLink(
                codeHash: "h1", approvalID: approval, person: "lina", expiresAt: Self.at(3_600), at: Self.at(1))
            let link = try #require(try await stores.approvalLinks.shortLink(codeHash: "h1"))
            #expect(link == ShortLink(approvalID: approval, person: "lina", expiresAt: Self.at(3_600), usedAt: nil))
            #expect(try await stores.approvalLinks.useShortLink(codeHash: "h1", at: Self.at(60)))
            #expect(try await stores.approvalLinks.useShortLink(codeHash: "h1", at: Self.at(61)) == false)
            #expect(try await stores.approvalLinks.shortLink(codeHash: "h1")?.usedAt == Self.at(60))
            #expect(try await stores.approvalLinks.shortLink(codeHash: "nope") == nil)
        }
    }

    @Test(.timeLimit(.minutes(2)), arguments: RepositoryBackend.allCases)
    func samplesAreKeptPerSeriesAndReadBackRecentFirstToLast(_ backend: RepositoryBackend) async throws {
        try await backend.withStores { stores in
            let rule: RuleID = "negative-mentions-surge"
            let east = Labels(["region": "east"])
            let west = Labels(["region": "west"])
            try await stores.samples.append([
                (rule, east, [Sample(at: Self.at(0), value: 40), Sample(at: Self.at(60), value: 41)]),
                (rule, west, [Sample(at: Self.at(0), value: 7)]),
            ])
            // The same instant again replaces its value.
            try await stores.samples.append([
                (rule, east, [Sample(at: Self.at(60), value: 480), Sample(at: Self.at(120), value: 500)])
            ])
            let recent = try await stores.samples.recent(rule: rule, span: 60)
            #expect(recent[east.description]?.map(\.value) == [480, 500])
            #expect(recent[west.description]?.map(\.value) == [7])
            let all = try await stores.incidents.samples(rule: rule, labels: east, from: Self.at(0), to: Self.at(120))
            #expect(all.map(\.value) == [40, 480, 500])
            let series = try await stores.incidents.recentSeries(from: Self.at(30), to: Self.at(200))
            #expect(series.map(\.labels) == [east.description])
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func bothStoresWriteTheSameWeeklyReport() async throws {
        let reports = Reports()
        for backend in RepositoryBackend.allCases {
            try await backend.withStores(config: Self.config) { stores in
                let id = try await Self.resolvedIncident(stores)
                _ = try await stores.commands.declare(
                    title: "Refund spike", category: .complaint, severity: .sev3, by: "chenxiao", at: Self.at(4_000))
                _ = try await stores.commands.fireDueDeadlines(at: Self.at(4_400), limit: 50)
                _ = try await stores.postMortems.apply(
                    PostMortemUpdate(
                        fields: PostMortemFields(),
                        followUps: [
                            FollowUp(
                                incidentID: id, kind: .training, description: "Drill", owner: "zhangmin",
                                dueAt: Self.at(5_000))
                        ]), to: id, by: "wanglei", at: Self.at(4_500))
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
                let week = ISOWeek(containing: Self.at(0), in: calendar)
                let report = try await stores.reports.weeklyReport(
                    week, calendar: calendar, ruleTitles: [:], holidays: HolidayCalendar(), at: Self.at(6_000))
                await reports.add(report)
            }
        }
        let both = await reports.all
        #expect(both.count == 2)
        #expect(both.first?.totals.incidents == 2)
        #expect(both.first == both.last, "SQLite and PostgreSQL read the same report")
    }

    actor Reports {
        var all: [WeeklyReport] = []
        func add(_ report: WeeklyReport) { all.append(report) }
    }
}
