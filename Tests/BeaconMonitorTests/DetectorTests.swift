import BeaconCore
import BeaconStore
import BeaconTestSupport
import Foundation
import Logging
import Testing

@testable import BeaconMonitor

/// Detection end to end through real HTTP: a loopback server, the libcurl poller, extraction, evaluation, the
/// ledger on a real store. Time is injected at the detector, so `for` and `resolve_after` need no sleeping.
@Suite struct DetectorTests {
    let start = Date(timeIntervalSince1970: 1_790_000_000)
    let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    func rule(
        _ id: String, _ source: Source, _ condition: Condition, for hold: Duration = .zero,
        resolveAfter: Duration = .seconds(30)
    ) -> Rule {
        Rule(
            id: RuleID(id), title: id, category: .system, source: source, condition: condition, forDuration: hold,
            resolveAfter: resolveAfter)
    }

    /// Generous timeouts: a shared 2-core CI machine can be slow to answer; only the timeout test wants one short.
    func prometheus(_ url: String, _ metric: String, timeout: Duration = .seconds(30)) -> Source {
        Source(
            url: url, format: .prometheus, metric: MetricSelector(name: metric), interval: .seconds(1), timeout: timeout
        )
    }

    /// Polls the detector's only target once and hands the result to the detector at `offset` seconds.
    func step(_ detector: Detection, at offset: Double) async throws -> [IncidentChange] {
        let target = detector.plan.targets[0]
        let result = try await pollOnce(target.url, id: target.id, timeout: target.timeout, maxBytes: target.maxBytes)
        return await detector.handle(result, at: start.addingTimeInterval(offset))
    }

    @Test func labelledPrometheusSeriesOpenTheirOwnIncidents() async throws {
        let server = try await LoopbackHTTPServer.start(routes: [
            "/metrics": .prometheus(
                """
                # HELP payment_success_rate Share of payments that succeed.
                # TYPE payment_success_rate gauge
                payment_success_rate{region="east"} 0.85
                payment_success_rate{region="west"} 0.97
                payment_success_rate{region="north"} 0.70
                """)
        ])
        defer { Task { await server.stop() } }
        let store = try BeaconStore.inMemory()
        let payment = rule(
            "payment-success-rate", prometheus(server.url("/metrics"), "payment_success_rate"),
            .threshold(op: .below, levels: [.sev2: 0.90, .sev1: 0.80]))
        let detector = try await Detection(rules: [payment], store: store, logger: logger)
        let changes = try await step(detector, at: 0)
        #expect(
            changes.map { "\($0.incident.labels) \($0.incident.severity)" }.sorted() == [
                #"{region="east"} sev2"#, #"{region="north"} sev1"#,
            ])
        #expect(try await step(detector, at: 1).isEmpty, "repeats update the incidents, they do not open new ones")
        #expect(try store.incidents().count == 2)
        await server.stop()
    }

    @Test func jsonItemsOpenOneIncidentPerProduct() async throws {
        let server = try await LoopbackHTTPServer.start(routes: [
            "/complaints.json": .json(
                #"{"items":[{"sku":"A17","count":130},{"sku":"B2","count":40},{"sku":"C3","count":"150"}]}"#)
        ])
        let store = try BeaconStore.inMemory()
        let complaints = rule(
            "product-complaints",
            Source(
                url: server.url("/complaints.json"), format: .json, path: "items[*].count", seriesLabel: "items[*].sku",
                interval: .seconds(60), timeout: .seconds(30)),
            .threshold(op: .above, levels: [.sev3: 100, .sev2: 300]))
        let detector = try await Detection(rules: [complaints], store: store, logger: logger)
        let changes = try await step(detector, at: 0)
        #expect(
            changes.map(\.incident.title).sorted() == ["product-complaints (sku=A17)", "product-complaints (sku=C3)"])
        await server.stop()
    }

    @Test func worseValueRaisesAndHealthyForResolveAfterResolves() async throws {
        let server = try await LoopbackHTTPServer.start(routes: ["/metrics": .prometheus("payment_success_rate 0.85\n")]
        )
        let store = try BeaconStore.inMemory()
        let payment = rule(
            "payment-success-rate", prometheus(server.url("/metrics"), "payment_success_rate"),
            .threshold(op: .below, levels: [.sev2: 0.90, .sev1: 0.80]), for: .seconds(10), resolveAfter: .seconds(30))
        let detector = try await Detection(rules: [payment], store: store, logger: logger)
        #expect(try await step(detector, at: 0).isEmpty, "a breach opens nothing before `for` has passed")
        #expect(try await step(detector, at: 10).map(\.event.kind) == [.opened])
        server.set(.prometheus("payment_success_rate 0.70\n"), for: "/metrics")
        let raised = try await step(detector, at: 15)
        #expect(raised.map(\.event.message) == ["Severity raised from sev2 to sev1: 0.7 < 0.8"])
        server.set(.prometheus("payment_success_rate 0.98\n"), for: "/metrics")
        #expect(try await step(detector, at: 20).map(\.event.kind) == [.note])
        #expect(try await step(detector, at: 49).isEmpty)
        let resolved = try await step(detector, at: 50)
        #expect(resolved.map(\.incident.status) == [.resolved])
        let id = try #require(resolved.first?.incident.id)
        #expect(try store.timeline(id).map(\.kind) == [.opened, .severityRaised, .note, .resolved, .postMortem])
        await server.stop()
    }

    @Test func changeRuleComparesWithTheValueOneWindowEarlier() async throws {
        let server = try await LoopbackHTTPServer.start(routes: [
            "/sentiment.json": .json(#"{"negative_mentions": 40}"#)
        ])
        let store = try BeaconStore.inMemory()
        let mentions = rule(
            "negative-mentions",
            Source(
                url: server.url("/sentiment.json"), format: .json, path: "negative_mentions", interval: .seconds(1),
                timeout: .seconds(30)),
            .change(window: .seconds(60), op: .above, levels: [.sev3: .ratio(10), .sev2: .ratio(30)]))
        let detector = try await Detection(rules: [mentions], store: store, logger: logger)
        #expect(try await step(detector, at: 0).isEmpty)
        #expect(try await step(detector, at: 30).isEmpty)
        server.set(.json(#"{"negative_mentions": 480}"#), for: "/sentiment.json")
        #expect(try await step(detector, at: 45).isEmpty, "45 s of history does not reach one window back")
        let opened = try await step(detector, at: 60)
        #expect(
            opened.map(\.event.message) == ["Opened at sev3 (moderate): 40 → 480 (1m) = 12×, > 10x"])
        await server.stop()
    }

    @Test func containsFindsAWatchedTopicInTheTrendingList() async throws {
        let topics = (1...50).map { $0 == 8 ? #"{"title":"ShopX payment failure"}"# : #"{"title":"topic \#($0)"}"# }
        let server = try await LoopbackHTTPServer.start(routes: [
            "/sentiment.json": .json(#"{"trending":[\#(topics.joined(separator: ","))]}"#)
        ])
        let store = try BeaconStore.inMemory()
        let trending = rule(
            "trending-negative-topic",
            Source(
                url: server.url("/sentiment.json"), format: .json, path: "trending[*].title", interval: .seconds(1),
                timeout: .seconds(30)),
            .contains(keywords: ["Payment Failure"], levels: [.sev3: 50, .sev2: 10]))
        let detector = try await Detection(rules: [trending], store: store, logger: logger)
        let opened = try await step(detector, at: 0)
        #expect(opened.map(\.incident.severity) == [.sev2])
        #expect(opened.first?.incident.value == 8)
        await server.stop()
    }

    /// Each way an endpoint fails, and the reason the incident gives. Only the hang needs a short timeout.
    static let failures: [(String, LoopbackHTTPServer.Behaviour?, String)] = [
        ("refused", nil, "connection refused"),
        ("timeout", .hang, "no response within 300ms"),
        ("HTTP 500", .status(500), "HTTP 500"),
        ("garbage", .garbage, "invalid JSON"),
        ("oversized", .oversized(bytes: 64 << 10), "response larger than 4096 bytes"),
    ]

    @Test(arguments: failures.indices)
    func absentFiresOnEveryKindOfFailure(_ index: Int) async throws {
        let (_, behaviour, expected) = Self.failures[index]
        let server = try await LoopbackHTTPServer.start(routes: behaviour.map { ["/healthz": $0] } ?? [:])
        let url = behaviour == nil ? "http://127.0.0.1:1/healthz" : server.url("/healthz")
        let store = try BeaconStore.inMemory()
        let health = rule(
            "checkout-health",
            Source(
                url: url, format: .json, path: "up", interval: .seconds(1),
                timeout: behaviour == .hang ? .milliseconds(300) : .seconds(30),
                maxBytes: 4096),
            .absent(severity: .sev2), for: .seconds(5))
        let detector = try await Detection(rules: [health], store: store, logger: logger)
        #expect(try await step(detector, at: 0).isEmpty)
        let opened = try await step(detector, at: 5)
        #expect(opened.count == 1)
        let message = opened.first?.event.message ?? ""
        #expect(message.hasPrefix("Opened at sev2 (major): "))
        #expect(message.contains(expected), "\(message)")
        server.set(.json(#"{"up": 1}"#), for: "/healthz")
        await server.stop()
    }

    @Test func aMetricMissingFromTheResponseIsAbsent() async throws {
        let server = try await LoopbackHTTPServer.start(routes: ["/healthz": .json(#"{"status":"ok"}"#)])
        let store = try BeaconStore.inMemory()
        let health = rule(
            "checkout-health",
            Source(
                url: server.url("/healthz"), format: .json, path: "up", interval: .seconds(1),
                timeout: .seconds(30)),
            .absent(severity: .sev2))
        let detector = try await Detection(rules: [health], store: store, logger: logger)
        #expect(
            try await step(detector, at: 0).map(\.event.message) == [
                "Opened at sev2 (major): up is missing from the response"
            ])
        await server.stop()
    }

    @Test func aRestartKeepsOpenIncidentsAndChangeHistory() async throws {
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("beacon-restart-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("beacon.sqlite").path
        let server = try await LoopbackHTTPServer.start(routes: [
            "/metrics": .prometheus("payment_success_rate 0.85\nnegative_mentions 40\n")
        ])
        let rules = [
            rule(
                "payment-success-rate", prometheus(server.url("/metrics"), "payment_success_rate"),
                .threshold(op: .below, levels: [.sev2: 0.90]), resolveAfter: .seconds(30)),
            rule(
                "negative-mentions", prometheus(server.url("/metrics"), "negative_mentions"),
                .change(window: .seconds(3600), op: .above, levels: [.sev3: .ratio(10)])),
        ]
        do {
            let detector = try await Detection(rules: rules, store: try BeaconStore.open(path: path), logger: logger)
            #expect(try await step(detector, at: 0).map(\.incident.ruleID) == ["payment-success-rate"])
            for minute in 1...50 { _ = try await step(detector, at: Double(minute * 60)) }
            await detector.flushSamples()
        }
        server.set(.prometheus("payment_success_rate 0.97\nnegative_mentions 480\n"), for: "/metrics")
        let restarted = try await Detection(rules: rules, store: try BeaconStore.open(path: path), logger: logger)
        let first = try await step(restarted, at: 3660)
        #expect(first.map(\.incident.ruleID) == ["payment-success-rate", "negative-mentions"])
        #expect(first.map(\.event.kind) == [.note, .opened], "history from before the restart gives the baseline")
        let resolved = try await step(restarted, at: 3690)
        #expect(resolved.map(\.incident.status) == [.resolved], "the restored incident resolves")
        await server.stop()
    }

    @Test func anUnreadableBodyIsAFailedPollLoggedOnceNotARecoveryEachTime() async throws {
        let book = RecordingLogHandler.Book()
        let counts = PollCounts()
        let store = try BeaconStore.inMemory()
        let payment = rule(
            "payment-success-rate", prometheus("http://127.0.0.1:9/metrics", "payment_success_rate"),
            .threshold(op: .below, levels: [.sev2: 0.90]))
        let detector = try await Detection(
            rules: [payment], store: store, logger: RecordingLogHandler.logger(book), instrumentation: counts)
        let target = detector.plan.targets[0].id
        for (offset, body) in ["\u{1}garbage{{{", "payment_success_rate NaN-ish", "\u{FF}\u{FE}"].enumerated() {
            let result = PollResult(
                target: target, outcome: .body(Array(body.utf8)), startedNanos: 0, finishedNanos: 1)
            _ = await detector.handle(result, at: start.addingTimeInterval(Double(offset)))
        }
        #expect(counts.polls == 3)
        #expect(counts.failures == 3, "a body that cannot be read is a failed poll")
        #expect(book.all.map(\.message) == ["source failing"], "failing once, never recovered in between")
        #expect(detector.detector.sourceFailures.count == 1)

        let healthy = PollResult(
            target: target, outcome: .body(Array("payment_success_rate 0.99\n".utf8)), startedNanos: 0,
            finishedNanos: 1)
        _ = await detector.handle(healthy, at: start.addingTimeInterval(10))
        #expect(book.all.map(\.message) == ["source failing", "source recovered"])
        #expect(counts.failures == 3)
    }
}

extension DetectorTests {
    /// Another process (a backup tool, a long CLI command) holds SQLite's write lock while a breach starts: the
    /// incident cannot be committed then; the commit stage keeps it and commits it once the lock is released.
    @Test func aBreachSeenWhileAnotherConnectionHoldsTheWriteLockOpensOnceItIsReleased() async throws {
        let path = NSTemporaryDirectory() + "beacon-lock-\(UUID()).sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try BeaconStore.open(path: path, busyTimeout: 0.05)
        let payment = rule(
            "payment-success-rate", prometheus("http://127.0.0.1:9/metrics", "payment_success_rate"),
            .threshold(op: .below, levels: [.sev2: 0.90]))
        let detector = try await Detection(rules: [payment], store: store, logger: logger)
        let target = detector.plan.targets[0].id
        func poll(_ value: Double, at offset: Double) async -> [IncidentChange] {
            let body = Array("payment_success_rate \(value)\n".utf8)
            let result = PollResult(target: target, outcome: .body(body), startedNanos: 0, finishedNanos: 1)
            return await detector.handle(result, at: start.addingTimeInterval(offset))
        }
        let lock = try SQLiteWriteLock(path: path)
        #expect(await poll(0.85, at: 0).isEmpty, "nothing can be committed while the lock is held")
        #expect(await poll(0.84, at: 1).isEmpty)
        #expect(detector.committer.backlog == 2, "the breach and its new worst value are kept, in order")
        lock.release()
        let opened = await poll(0.83, at: 2)
        #expect(opened.map(\.incident.severity) == [.sev2], "the breach seen meanwhile is committed now")
        #expect(opened.first?.incident.openedAt == start, "with the time it was seen")
        #expect(try store.incidents().count == 1)
        #expect(await poll(0.82, at: 3).isEmpty, "and only once")
    }
}

/// The detector and its commit stage, driven by hand: each result is evaluated, then what it decided committed.
final class Detection: @unchecked Sendable {
    let detector: Detector
    let committer: ChangeCommitter
    private let store: BeaconStore
    private let logger: Logger

    init(
        rules: [Rule], store: BeaconStore, logger: Logger, instrumentation: any Instrumentation = NoInstrumentation()
    ) async throws {
        let memory = try await DetectorMemory.load(
            rules: rules, incidents: store.incidentReader, samples: store.samples)
        detector = Detector(
            rules: rules, restored: memory.severities, histories: memory.histories, logger: logger,
            instrumentation: instrumentation)
        committer = ChangeCommitter(ledger: IncidentLedger.recordingOnly(store), logger: logger)
        self.store = store
        self.logger = logger
    }

    var plan: SourcePlan { detector.plan }

    func handle(_ result: PollResult, at now: Date) async -> [IncidentChange] {
        committer.enqueue(detector.handle(result, at: now))
        return await committer.commit()
    }

    func flushSamples() async {
        try? await store.samples.append(detector.takeSamples())
    }
}

/// Counts polls and failed polls, as `/metrics` would.
final class PollCounts: Instrumentation, Sendable {
    private let counts = Locked((polls: 0, failures: 0))
    var polls: Int { counts.value.polls }
    var failures: Int { counts.value.failures }
    func polled(source: String, failure: String?) {
        counts.withLock { counts in
            counts.polls += 1
            if failure != nil { counts.failures += 1 }
        }
    }
    func evaluated(seconds: Double) {}
    func notified(channel: String, delivered: Bool) {}
    func deadlinesFired(_ count: Int) {}
}
