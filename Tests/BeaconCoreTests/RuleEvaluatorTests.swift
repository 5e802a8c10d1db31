import BeaconCore
import Foundation
import Testing

@Suite struct RuleEvaluatorTests {
    let start = Date(timeIntervalSince1970: 1_790_000_000)

    func rule(_ condition: Condition, for hold: Duration = .seconds(60), resolveAfter: Duration = .seconds(120)) -> Rule
    {
        Rule(
            id: "payment-success-rate", title: "Payment success rate", category: .system,
            source: Source(url: "http://127.0.0.1:9100/metrics", format: .prometheus), condition: condition,
            forDuration: hold, resolveAfter: resolveAfter)
    }

    var paymentRule: Rule { rule(.threshold(op: .below, levels: [.sev2: 0.90, .sev1: 0.80])) }

    /// Feeds observations at the given offsets in seconds; returns every transition with its offset.
    func run(
        _ rule: Rule, _ steps: [(Double, Observation)], state: SeriesState = SeriesState()
    )
        -> (SeriesState, [(Double, Transition)])
    {
        var state = state
        var log: [(Double, Transition)] = []
        for (offset, observation) in steps {
            let (next, transitions) = RuleEvaluator.evaluate(
                rule, state, observation, at: start.addingTimeInterval(offset))
            state = next
            log += transitions.map { (offset, $0) }
        }
        return (state, log)
    }

    @Test func breachOpensOnlyOnceItHeldForTheForDuration() {
        let (state, log) = run(
            paymentRule, [(0, .value(0.85)), (30, .value(0.86)), (59, .value(0.85)), (60, .value(0.85))])
        #expect(log.count == 1)
        guard case (60, .open(let breach, let since))? = log.first else {
            Issue.record("expected an open at 60 s, got \(log)")
            return
        }
        #expect(breach.severity == .sev2)
        #expect(breach.reading.description == "0.85 < 0.9")
        #expect(since == start)
        #expect(state.incidentSeverity == .sev2)
    }

    @Test func aBreachThatClearsBeforeForRestartsTheCount() {
        let (_, log) = run(
            paymentRule,
            [(0, .value(0.85)), (50, .value(0.95)), (55, .value(0.85)), (100, .value(0.85)), (115, .value(0.85))])
        #expect(log.map(\.0) == [115])
    }

    @Test func worseValueRaisesSeverity() {
        let (state, log) = run(paymentRule, [(0, .value(0.85)), (60, .value(0.85)), (70, .value(0.70))])
        #expect(log.count == 2)
        guard case .raise(let from, let to) = log[1].1 else {
            Issue.record("expected a raise, got \(log[1].1)")
            return
        }
        #expect(from == .sev2 && to.severity == .sev1)
        #expect(to.reading.description == "0.7 < 0.8")
        #expect(state.incidentSeverity == .sev1)
    }

    @Test func betterValueIsNotedOnceButNeverLowersSeverity() {
        let (state, log) = run(
            paymentRule,
            [(0, .value(0.7)), (60, .value(0.7)), (70, .value(0.85)), (80, .value(0.84)), (90, .value(0.86))])
        let eases = log.filter { if case .ease = $0.1 { true } else { false } }
        #expect(eases.count == 1)
        #expect(state.incidentSeverity == .sev1)
    }

    @Test func aNewWorstValueWithinTheSeverityUpdatesThePeak() {
        let (state, log) = run(
            paymentRule, [(0, .value(0.88)), (60, .value(0.88)), (70, .value(0.86)), (80, .value(0.87))])
        let peaks = log.compactMap { if case .peak(let breach) = $0.1 { breach.reading.value } else { nil } }
        #expect(peaks == [0.86])
        #expect(state.peakValue == 0.86)
    }

    @Test func healthyForResolveAfterResolves() {
        let (state, log) = run(
            paymentRule,
            [
                (0, .value(0.85)), (60, .value(0.85)), (70, .value(0.97)), (150, .value(0.85)), (160, .value(0.97)),
                (279, .value(0.97)), (280, .value(0.98)),
            ])
        let kinds = log.map { "\($0.0):\(Self.name($0.1))" }
        #expect(kinds == ["60.0:open", "70.0:recovering", "160.0:recovering", "280.0:resolve"])
        #expect(!state.isFiring)
    }

    @Test func aFailedPollNeitherBreachesNorHeals() {
        let (state, log) = run(
            paymentRule,
            [(0, .value(0.85)), (60, .value(0.85)), (70, .value(0.97)), (200, .missing(reason: "timeout"))])
        #expect(log.map { Self.name($0.1) } == ["open", "recovering"])
        #expect(state.isFiring)
    }

    @Test func changeComparesWithTheBaseline() {
        let rule = rule(
            .change(window: .seconds(3600), op: .above, levels: [.sev3: .ratio(10), .sev2: .ratio(30)]), for: .zero)
        let quiet = RuleEvaluator.evaluate(rule, SeriesState(), .value(400), baseline: 40, at: start)
        #expect(quiet.1.isEmpty)
        let (_, transitions) = RuleEvaluator.evaluate(rule, SeriesState(), .value(480), baseline: 40, at: start)
        guard case .open(let breach, _)? = transitions.first else {
            Issue.record("expected an open, got \(transitions)")
            return
        }
        #expect(breach.severity == .sev3)
        #expect(breach.reading.value == 12)
        #expect(breach.reading.description == "40 → 480 (1h) = 12×, > 10x")
        #expect(RuleEvaluator.evaluate(rule, SeriesState(), .value(480), baseline: nil, at: start).1.isEmpty)
    }

    @Test func percentageChangeLevels() {
        let rule = rule(.change(window: .seconds(3600), op: .above, levels: [.sev3: .percent(50)]), for: .zero)
        #expect(RuleEvaluator.evaluate(rule, SeriesState(), .value(140), baseline: 100, at: start).1.isEmpty)
        #expect(RuleEvaluator.evaluate(rule, SeriesState(), .value(151), baseline: 100, at: start).1.count == 1)
    }

    @Test func containsRanksTheFirstMatchIgnoringCase() {
        let rule = rule(.contains(keywords: ["payment failure", "支付失败"], levels: [.sev3: 50, .sev2: 10]), for: .zero)
        let items = (1...60).map { "topic \($0)" }
        var late = items
        late[29] = "Shop X PAYMENT FAILURE again"
        var early = items
        early[4] = "某平台支付失败"
        #expect(RuleEvaluator.evaluate(rule, SeriesState(), .items(items), at: start).1.isEmpty)
        let severities = [late, early].map { list -> Severity? in
            if case .open(let breach, _)? = RuleEvaluator.evaluate(rule, SeriesState(), .items(list), at: start).1.first
            {
                return breach.severity
            }
            return nil
        }
        #expect(severities == [.sev3, .sev2])
    }

    @Test func absentOpensWhenTheEndpointFailsForLongEnough() {
        let rule = rule(.absent(severity: .sev2), for: .seconds(30), resolveAfter: .seconds(10))
        let (_, log) = run(
            rule,
            [
                (0, .missing(reason: "connection refused")), (20, .missing(reason: "connection refused")),
                (30, .missing(reason: "HTTP 500")), (40, .value(1)), (50, .value(1)),
            ])
        #expect(log.map { Self.name($0.1) } == ["open", "recovering", "resolve"])
        if case .open(let breach, _) = log[0].1 { #expect(breach.reading.description == "HTTP 500") }
    }

    @Test func aRestartedEvaluatorResolvesAnIncidentItDidNotOpen() {
        let (_, log) = run(
            paymentRule, [(0, .value(0.97)), (120, .value(0.97))], state: SeriesState(incidentSeverity: .sev2))
        #expect(log.map { Self.name($0.1) } == ["recovering", "resolve"])
    }

    static func name(_ transition: Transition) -> String {
        switch transition {
        case .open: "open"
        case .raise: "raise"
        case .ease: "ease"
        case .recovering: "recovering"
        case .peak: "peak"
        case .resolve: "resolve"
        }
    }
}

@Suite struct SeriesHistoryTests {
    let start = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func keepsOneSampleAResolutionAndOnlyTheSpan() {
        var history = SeriesHistory(window: .seconds(120))
        #expect(history.resolution == 1)
        for second in 0..<400 {
            history.record(Double(second), at: start.addingTimeInterval(Double(second) / 2))
        }
        #expect(history.samples.count <= 151)
        #expect(history.samples.first!.at >= start.addingTimeInterval(199.5 - 150 - 1))
    }

    @Test func valueAtReturnsTheNewestSampleAtOrBeforeTheTime() {
        var history = SeriesHistory(window: .seconds(60))
        for second in stride(from: 0, through: 60, by: 5) {
            history.record(Double(second), at: start.addingTimeInterval(Double(second)))
        }
        #expect(history.value(at: start.addingTimeInterval(12)) == 10)
        #expect(history.value(at: start.addingTimeInterval(60)) == 60)
        #expect(history.value(at: start.addingTimeInterval(-30)) == nil)
    }
}
