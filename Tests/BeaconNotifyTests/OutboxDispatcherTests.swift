import BeaconApproval
import BeaconCore
import BeaconCurl
import BeaconStore
import BeaconTestSupport
import Foundation
import Logging
import Testing

@testable import BeaconNotify

/// The outbox dispatcher against a real webhook receiver: retries, backoff, fall-over, approval links.
@Suite(.serialized) struct OutboxDispatcherTests {
    let start = Date()
    let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
    let signer = ApprovalSigner(key: Array(repeating: 3, count: 32))
    let fast = RetryPolicy(attemptsPerChannel: 3, initialBackoff: .milliseconds(50), maximumBackoff: .milliseconds(200))

    /// - Parameter deciderChannels: Li Na's channels; `primary` is a personal webhook, `team` a group one.
    func config(_ server: LoopbackHTTPServer, deciderChannels: [String] = ["primary"]) -> BeaconConfig {
        BeaconConfig(
            publicURL: "https://beacon.example.com",
            channels: [
                Channel(
                    id: "primary", type: .webhook, url: server.url("/primary"), timeout: .seconds(5),
                    audience: .personal),
                Channel(id: "backup", type: .webhook, url: server.url("/backup"), timeout: .seconds(5)),
                Channel(id: "team", type: .webhook, url: server.url("/team"), timeout: .seconds(5)),
            ],
            chain: CommandChain(
                operation: ChainLayer(
                    deadline: .seconds(300),
                    people: [Person(name: "Zhang Min", login: "zhangmin", channels: ["primary", "backup"])]),
                execution: ChainLayer(
                    deadline: .seconds(900), people: [Person(name: "Wang Lei", login: "wanglei", channels: ["primary"])]
                ),
                decision: ChainLayer(
                    deadline: .seconds(1800), people: [Person(name: "Li Na", login: "lina", channels: deciderChannels)])
            ),
            paging: [.sev4: [.operation], .sev3: [.operation], .sev2: [.operation], .sev1: [.decision]],
            playbooks: [
                Playbook(
                    id: "approve", title: "Approve", appliesTo: PlaybookScope(categories: [.complaint]),
                    steps: [PlaybookStep(id: "refund", title: "Approve refunds", owner: .decision, approval: true)])
            ])
    }

    /// Declares an incident (queueing its pages), runs the dispatcher until `done` holds or 10 s pass.
    func dispatch(
        _ server: LoopbackHTTPServer, severity: Severity = .sev3, category: BeaconCore.Category = .system,
        policy: RetryPolicy? = nil, deciderChannels: [String] = ["primary"],
        reloaded: ((BeaconConfig) -> BeaconConfig)? = nil,
        until done: @escaping @Sendable (BeaconStore, IncidentID) throws -> Bool
    ) async throws -> (BeaconStore, IncidentID) {
        let config = config(server, deciderChannels: deciderChannels)
        let store = try BeaconStore.inMemory()
        let ledger = IncidentLedger(store, planner: CommandPlanner(config: config))
        let id = try #require(
            try await ledger.declare(
                title: "Checkout errors", category: category, severity: severity, by: "zhangmin", at: start
            )
            .incident.id)
        let client = CurlClient()
        let dispatcher = OutboxDispatcher(
            config: reloaded?(config) ?? config, outbox: store.outbox,
            sender: CurlChannelSender(client: client, now: { Date() }),
            signer: signer, policy: policy ?? fast, tick: .seconds(60), logger: logger)
        let task = Task { try await dispatcher.run() }
        for _ in 0..<3000 where !(try done(store, id)) { try await Task.sleep(for: .milliseconds(20)) }
        task.cancel()
        _ = await task.result
        await client.shutdown()
        return (store, id)
    }

    /// Retries wait on the dispatcher's clock: the test moves it past each backoff (2 s, then 4 s, no jitter), so
    /// nothing waits in real time and every wait is exactly what the policy says.
    @Test func aFailingAttemptIsRetriedWithBackoffUntilDelivered() async throws {
        let server = try await LoopbackHTTPServer.start(routes: ["/primary": .status(500)])
        let config = config(server)
        let store = try BeaconStore.inMemory()
        let clock = TestClock(start: start)
        let id = try #require(
            try await IncidentLedger(store, planner: CommandPlanner(config: config)).declare(
                title: "Checkout errors", category: .system, severity: .sev3, by: "zhangmin", at: clock.date
            ).incident.id)
        let client = CurlClient()
        let dispatcher = OutboxDispatcher(
            config: config, outbox: store.outbox, sender: CurlChannelSender(client: client, now: { clock.date }),
            signer: signer, policy: RetryPolicy(attemptsPerChannel: 3, initialBackoff: .seconds(2), jitter: 0),
            tick: .seconds(60), logger: logger, clock: clock, now: { clock.date }, random: SplitMix64(seed: 1))
        let task = Task { try await dispatcher.run() }
        // The tick's timer and the retry's wait both sleep on the clock once an attempt has failed.
        #expect(await server.waitForRequests(to: "/primary", count: 1, timeout: .seconds(60)))
        await clock.sleepers(atLeast: 2)
        clock.advance(by: .seconds(2))
        #expect(await server.waitForRequests(to: "/primary", count: 2, timeout: .seconds(60)))
        server.set(.json(#"{"ok":true}"#), for: "/primary")
        await clock.sleepers(atLeast: 2)
        clock.advance(by: .seconds(4))
        #expect(await server.waitForRequests(to: "/primary", count: 3, timeout: .seconds(60)))
        for _ in 0..<3000 where try store.notifications(id).contains(where: { $0.state != .delivered }) {
            try await Task.sleep(for: .milliseconds(20))
        }
        task.cancel()
        _ = await task.result
        await client.shutdown()

        let entry = try #require(try store.notifications(id).first)
        #expect(entry.state == .delivered && entry.attempts == 3 && entry.channelID == "primary")
        let keys = server.requests(to: "/primary").map { $0.header("Idempotency-Key") }
        #expect(
            keys == Array(repeating: "incident-\(id.rawValue)/page/zhangmin/primary", count: 3),
            "every retry carries one key")
        let notes = try store.timeline(id).filter { $0.kind == .notification }.map(\.message)
        #expect(
            notes == [
                "Failed page to Zhang Min on primary, attempt 1: HTTP 500: HTTP 500; retrying in 2s",
                "Failed page to Zhang Min on primary, attempt 2: HTTP 500: HTTP 500; retrying in 4s",
                "Notified Zhang Min (operation) on primary, page, attempt 3: HTTP 200",
            ])
        await server.stop()
    }

    /// A retry whose backoff has passed by the time its attempt is recorded (no backoff at all here, or a slow
    /// host) goes out at once, not at the next tick a minute later.
    @Test func aRetryAlreadyDueWhenItsAttemptEndsGoesOutWithoutWaitingForTheTick() async throws {
        let server = try await LoopbackHTTPServer.start(routes: ["/primary": .status(500)])
        let flip = Task {
            _ = await server.waitForRequests(to: "/primary", count: 2, timeout: .seconds(60))
            server.set(.json(#"{"ok":true}"#), for: "/primary")
        }
        // Enough attempts that the channel is still retried whenever the flip to success lands.
        let (store, id) = try await dispatch(
            server, policy: RetryPolicy(attemptsPerChannel: 1000, initialBackoff: .zero, maximumBackoff: .zero)
        ) { store, id in
            try store.notifications(id).allSatisfy { $0.state == .delivered }
        }
        _ = await flip.value
        let entries = try store.notifications(id)
        #expect(entries.map(\.state) == [.delivered])
        #expect(entries.map(\.attempts).allSatisfy { $0 >= 3 }, "two failures, then the retry that succeeded")
        await server.stop()
    }

    /// More due than may be in flight: every finished attempt frees a slot for the next; once the outbox is
    /// drained, a notification queued later goes out on `wake()`, long before the 60 s tick.
    @Test func aBacklogLargerThanTheConcurrencyDrainsAndAWakeSendsWhatCameLater() async throws {
        let server = try await LoopbackHTTPServer.start(routes: ["/primary": .json("{}")])
        let config = config(server)
        let store = try BeaconStore.inMemory()
        let ledger = IncidentLedger(store, planner: CommandPlanner(config: config))
        for index in 0..<7 {
            _ = try await ledger.declare(
                title: "Checkout errors \(index)", category: .system, severity: .sev3, by: "zhangmin", at: start)
        }
        let client = CurlClient()
        let dispatcher = OutboxDispatcher(
            config: config, outbox: store.outbox, sender: CurlChannelSender(client: client, now: { Date() }),
            signer: signer,
            policy: fast, maxConcurrent: 2, tick: .seconds(60), logger: logger)
        let task = Task { try await dispatcher.run() }
        #expect(await server.waitForRequests(to: "/primary", count: 7, timeout: .seconds(10)))
        for _ in 0..<3000 where try store.outboxDepth() > 0 { try await Task.sleep(for: .milliseconds(20)) }
        #expect(try store.outboxDepth() == 0)

        _ = try await ledger.declare(
            title: "Refund errors", category: .system, severity: .sev3, by: "zhangmin", at: start)
        dispatcher.wake()
        #expect(await server.waitForRequests(to: "/primary", count: 8, timeout: .seconds(10)))
        task.cancel()
        _ = await task.result
        await client.shutdown()
        let keys = server.requests(to: "/primary").compactMap { $0.header("Idempotency-Key") }
        #expect(keys.count == 8 && Set(keys).count == 8, "each notification sent once: \(keys)")
        await server.stop()
    }

    @Test func aChannelThatKeepsFailingFallsOverToTheNext() async throws {
        let server = try await LoopbackHTTPServer.start(routes: ["/primary": .status(503), "/backup": .json("{}")])
        let (store, id) = try await dispatch(server) { store, id in
            try store.notifications(id).contains { $0.channelID == "backup" && $0.state == .delivered }
        }
        let entries = try store.notifications(id)
        #expect(
            entries.map { "\($0.channelID) \($0.state.rawValue) \($0.attempts)" } == [
                "primary failed 3", "backup delivered 1",
            ])
        #expect(entries.dropFirst().first?.idempotencyKey == "incident-\(id.rawValue)/page/zhangmin/backup")
        #expect(try store.timeline(id).contains { $0.message.hasSuffix("HTTP 503; falling over to backup") })
        await server.stop()
    }

    /// The configuration is reloaded after the page was queued and Zhang Min is no longer in the chain: the
    /// notification falls over along the channels it was planned with, never a lookup of her name.
    @Test func fallOverFollowsTheChannelsSnapshottedWhenTheNotificationWasPlanned() async throws {
        let server = try await LoopbackHTTPServer.start(routes: ["/primary": .status(404), "/backup": .json("{}")])
        let withoutZhangMin: (BeaconConfig) -> BeaconConfig = { config in
            var config = config
            config.chain.operation.people = [TestChain.chenXiao(["primary"])]
            return config
        }
        let (store, id) = try await dispatch(server, reloaded: withoutZhangMin) { store, id in
            try store.notifications(id).contains { $0.channelID == "backup" && $0.state == .delivered }
        }
        #expect(try store.notifications(id).map(\.channelID) == ["primary", "backup"])
        #expect(try store.notifications(id).allSatisfy { $0.recipient.login == "zhangmin" })
        await server.stop()
    }

    @Test func aRejectedRequestFallsOverWithoutRetrying() async throws {
        let server = try await LoopbackHTTPServer.start(routes: ["/primary": .status(404), "/backup": .json("{}")])
        let (store, id) = try await dispatch(server) { store, id in
            try store.notifications(id).contains { $0.channelID == "backup" && $0.state == .delivered }
        }
        #expect(try store.notifications(id).first?.attempts == 1)
        #expect(server.requestCount("/primary") == 1)
        await server.stop()
    }

    @Test func theLastChannelFailingIsReportedNotDropped() async throws {
        let server = try await LoopbackHTTPServer.start(routes: ["/primary": .status(500), "/backup": .status(500)])
        let (store, id) = try await dispatch(server) { store, id in
            try store.notifications(id).count == 2 && store.notifications(id).allSatisfy { $0.state == .failed }
        }
        #expect(try store.timeline(id).last?.message.hasSuffix("HTTP 500; Zhang Min has no other channel") == true)
        let failing = try store.failingChannels(since: start.addingTimeInterval(-1))
        #expect(failing.keys.sorted() == ["backup", "primary"])
        #expect(failing.values.allSatisfy { $0.hasPrefix("HTTP 500") })
        await server.stop()
    }

    @Test func approvalRequestsCarrySignedLinks() async throws {
        let server = try await LoopbackHTTPServer.start(routes: ["/primary": .json("{}")])
        let (store, id) = try await dispatch(server, severity: .sev1, category: .complaint) { store, id in
            try store.notifications(id).allSatisfy { $0.state == .delivered }
        }
        let request = try #require(
            server.requests(to: "/primary").first {
                $0.header("Idempotency-Key")?.contains("/approval-refund/") == true
            })
        let body = try #require(try JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any])
        let approval = try #require(body["approval"] as? [String: Any])
        let approveURL = try #require(approval["approve_url"] as? String)
        #expect(approveURL.hasPrefix("https://beacon.example.com/approvals/"))
        let token = String(approveURL.dropFirst("https://beacon.example.com/approvals/".count))
        let claim = try signer.verify(token, at: Date())
        let approvalID = try store.approvals(id).first?.id
        #expect(claim.person == "lina" && claim.approve == true && claim.approvalID == approvalID)
        let answerURL = try #require(approval["answer_url"] as? String)
        let answer = try signer.verify(String(answerURL.split(separator: "/").last!), at: Date())
        #expect(answer.approve == nil, "the SMS link's page offers both answers")
        await server.stop()
    }

    @Test func anApprovalRequestInAGroupChatNamesWhoIsAskedAndCarriesNoAnswerLink() async throws {
        let server = try await LoopbackHTTPServer.start(routes: ["/team": .json("{}"), "/primary": .json("{}")])
        _ = try await dispatch(server, severity: .sev1, category: .complaint, deciderChannels: ["team"]) { store, id in
            try store.notifications(id).allSatisfy { $0.state == .delivered }
        }
        let request = try #require(
            server.requests(to: "/team").first { $0.header("Idempotency-Key")?.contains("/approval-refund/") == true })
        let text = String(decoding: request.body, as: UTF8.self)
        let body = try #require(try JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any])
        #expect(body["approval"] == nil || body["approval"] is NSNull, "no approve, reject or answer link in a group")
        #expect(!text.contains("/approvals/"), "no signed token anywhere in the message")
        #expect(text.contains("Asked of Li Na (decision layer). Answer in the approvals inbox after signing in: "))
        #expect(text.contains("https://beacon.example.com/approvals"))
        #expect(text.contains("Approval needed [sev1]"), "the subject says it is an approval")
        await server.stop()
    }

    @Test func anApprovalRequestGoesToThePersonalChannelEvenWhenAGroupIsListedFirst() async throws {
        let server = try await LoopbackHTTPServer.start(routes: ["/team": .json("{}"), "/primary": .json("{}")])
        _ = try await dispatch(server, severity: .sev1, category: .complaint, deciderChannels: ["team", "primary"]) {
            store, id in try store.notifications(id).allSatisfy { $0.state == .delivered }
        }
        let asked = server.requests(to: "/primary").filter {
            $0.header("Idempotency-Key")?.contains("/approval-refund/") == true
        }
        #expect(asked.count == 1)
        #expect(String(decoding: asked[0].body, as: UTF8.self).contains("/approvals/"), "signed links, personally")
        #expect(!server.requests(to: "/team").contains { $0.header("Idempotency-Key")?.contains("/approval-") == true })
        await server.stop()
    }

    /// An invitation's link goes to the person's personal channel and, when that fails, never on to a group one
    /// (Zhang Min's second channel, `backup`, is a group webhook), where anyone could use it.
    @Test func anInvitationIsSentOnPersonalChannelsOnlyAndAboutNoIncident() async throws {
        let server = try await LoopbackHTTPServer.start(routes: ["/primary": .status(503), "/backup": .json("{}")])
        let store = try await inviteZhangMin(server, url: "https://beacon.example.com/invite/abc")
        let entries = try store.notifications(scope: "user-zhangmin")
        #expect(entries.map { "\($0.channelID) \($0.state.rawValue) \($0.attempts)" } == ["primary failed 3"])
        #expect(entries.first?.incidentID == nil)
        #expect(server.requests(to: "/backup").isEmpty, "never posted to the group")
        let body = try #require(server.requests(to: "/primary").first).json
        #expect((body["invitation"] as? [String: Any])?["url"] as? String == "https://beacon.example.com/invite/abc")
        await server.stop()
    }

    /// Once delivered, an invitation's one-time link is not kept in the outbox: only the code's hash is stored.
    @Test func aDeliveredInvitationForgetsItsLink() async throws {
        let server = try await LoopbackHTTPServer.start(routes: ["/primary": .json("{}")])
        let store = try await inviteZhangMin(server, url: "https://beacon.example.com/invite/secret-code")
        let body = try #require(server.requests(to: "/primary").first).json
        #expect(
            (body["invitation"] as? [String: Any])?["url"] as? String == "https://beacon.example.com/invite/secret-code"
        )
        let kept = try #require(try store.notifications(scope: "user-zhangmin").first)
        #expect(kept.state == .delivered)
        #expect(kept.message.invitation?.url == SQLiteOutbox.forgottenLink)
        #expect(!kept.message.text.contains("secret-code"))
        await server.stop()
    }

    /// Invites Zhang Min with `url` and runs the dispatcher until no notification of the invitation is pending.
    func inviteZhangMin(_ server: LoopbackHTTPServer, url: String) async throws -> BeaconStore {
        let config = config(server)
        let store = try BeaconStore.inMemory()
        let planned = CommandPlanner(config: config).invitation(
            config.chain.operation.people[0], layer: .operation, url: url, expiresAt: start + 3_600, at: start)
        try await store.people.createInvitation(
            login: "zhangmin", codeHash: "hash", expiresAt: start + 3_600, notifications: planned, at: start)
        let client = CurlClient()
        let dispatcher = OutboxDispatcher(
            config: config, outbox: store.outbox, sender: CurlChannelSender(client: client, now: { Date() }),
            signer: signer, policy: fast, tick: .seconds(60), logger: logger)
        let task = Task { try await dispatcher.run() }
        for _ in 0..<3000
        where try store.notifications(scope: "user-zhangmin").contains(where: { $0.state == .pending }) {
            try await Task.sleep(for: .milliseconds(20))
        }
        task.cancel()
        _ = await task.result
        await client.shutdown()
        return store
    }
}
