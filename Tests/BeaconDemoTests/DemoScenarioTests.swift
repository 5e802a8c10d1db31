import BeaconCore
import BeaconDemo
import Testing

/// The script breaches exactly the rules it says, when it says, judged by the shipped rules' own levels.
@Suite struct DemoScenarioTests {
    let scenario = DemoScenario.standard
    let shipped: BeaconConfig
    /// The shipped rules with the demo's compressed change windows (levels untouched).
    let demo: BeaconConfig
    let probe: RuleProbe

    init() throws {
        shipped = try ShippedConfig.load()
        demo = DemoConfig.compressed(shipped, metricsAddress: ListenAddress(host: "127.0.0.1", port: 9100))
        probe = RuleProbe(scenario: scenario)
    }

    /// Every quarter second of the script, and a few seconds past its end.
    var timeline: [Double] { Array(stride(from: 0, through: scenario.duration.seconds + 4, by: 0.25)) }

    @Test func phasesStartAtZeroInOrderWithinTheDuration() {
        let starts = scenario.phases.map(\.start)
        #expect(starts.first == .zero)
        #expect(starts == starts.sorted())
        #expect(Set(starts).count == starts.count)
        #expect(starts.allSatisfy { $0 < scenario.duration })
        #expect(scenario.phases.map(\.name) == DemoPhase.Name.allCases)
        #expect(scenario.duration >= .seconds(60) && scenario.duration <= .seconds(70))
        // Each phase is narrated in both languages, and the words match the scenario's figures.
        for phase in DemoPhase.Name.allCases {
            #expect(Language.allCases.allSatisfy { $0.catalog.entries[phase.narrationKey] != nil })
        }
        #expect(Localizer.english(DemoPhase.Name.paymentDegraded.narrationKey).contains("85%"))
        #expect(Localizer(.zhCN)(DemoPhase.Name.paymentDegraded.narrationKey).contains("85%"))
    }

    @Test func phasesAreFoundByTime() {
        #expect(scenario.phase(at: .zero).name == .steady)
        #expect(scenario.phase(at: .milliseconds(9_999)).name == .steady)
        #expect(scenario.phase(at: .seconds(10)).name == .paymentDegraded)
        #expect(scenario.phase(at: .seconds(-1)).name == .steady)
        #expect(scenario.phase(at: .seconds(600)).name == .settled)
        #expect(scenario.phases(startingFrom: .zero, before: .seconds(1)).map(\.name) == [.steady])
        #expect(
            scenario.phases(startingFrom: .seconds(1), before: .seconds(21)).map(\.name) == [
                .paymentDegraded, .paymentOutage,
            ])
        #expect(scenario.phases(startingFrom: .seconds(57), before: .seconds(600)).isEmpty)
    }

    @Test func everyShippedRulePollsAnEndpointTheDemoServes() {
        for rule in shipped.rules {
            #expect(
                DemoEndpoint(path: RuleProbe.path(of: rule.source.url)) != nil, "\(rule.id) polls \(rule.source.url)")
            if rule.condition.kind == .contains {
                let titles = probe.body(for: rule, at: 0).flatMap { SeriesReader.strings(rule.source, in: $0) }
                #expect((titles?.count ?? 0) >= 50, "\(rule.id) reads \(titles?.count ?? 0) titles")
            } else {
                #expect(!probe.values(rule, at: 0).isEmpty, "\(rule.id) reads nothing")
            }
        }
        let polled = Set(shipped.rules.compactMap { DemoEndpoint(path: RuleProbe.path(of: $0.source.url)) })
        #expect(polled == Set(DemoEndpoint.allCases))
    }

    @Test func valuesAreDeterministicAndHoldAfterTheEnd() {
        for t in [0.0, 12.5, 33.3, 47.0] {
            let at = Duration.milliseconds(Int64(t * 1_000))
            #expect(scenario.metrics(at: at) == DemoScenario.standard.metrics(at: at))
        }
        #expect(scenario.metrics(at: scenario.duration) == scenario.metrics(at: scenario.duration + .seconds(300)))
        #expect(scenario.metrics(at: .seconds(1)) != scenario.metrics(at: .seconds(2)), "a little jitter")
    }

    @Test func trendingListHasFiftyTitlesAndComplaintsNeverFall() {
        let metrics = scenario.metrics(at: .zero)
        #expect(metrics.trending.count >= 50)
        #expect(Set(metrics.trending).count == metrics.trending.count)
        var previous: [String: Int] = [:]
        for t in timeline {
            for item in scenario.metrics(at: .milliseconds(Int64(t * 1_000))).complaints {
                #expect(item.count >= previous[item.sku, default: 0], "daily counts only grow")
                previous[item.sku] = item.count
            }
        }
    }

    @Test func healthyPhaseBreachesNoShippedRule() {
        let healthy = timeline.filter { $0 < scenario.phase(.paymentDegraded).start.seconds }
        #expect(healthy.count >= 40)
        for rule in shipped.rules {
            for t in healthy {
                #expect(probe.breaches(rule, at: t).isEmpty, "\(rule.id) breaches at \(t) s")
            }
            // A change rule's window is longer than the healthy phase: compare every healthy pair instead.
            guard case .change(_, let op, let levels) = rule.condition else { continue }
            for earlier in healthy {
                for later in healthy where later > earlier {
                    let found = probe.changes(rule, from: earlier, to: later, op: op, levels: levels)
                    #expect(found.isEmpty, "\(rule.id) changes too much between \(earlier) s and \(later) s")
                }
            }
        }
    }

    @Test func breachesHappenExactlyWhenTheScriptSays() throws {
        for rule in demo.rules {
            for t in timeline {
                let found = probe.breaches(rule, at: t)
                let series = Set(found.keys).union(expectedSeries(rule))
                for name in series {
                    switch expected(rule, series: name, at: t) {
                    case .healthy:
                        #expect(found[name] == nil, "\(rule.id)[\(name)] breaches at \(t) s: \(found)")
                    case .breach(let severity):
                        #expect(found[name] == severity, "\(rule.id)[\(name)] at \(t) s: \(found), not \(severity)")
                    case .unsettled:
                        break
                    }
                }
            }
        }
    }

    @Test func eachPhaseTripsItsRulesLongEnoughToOpenAnIncident() throws {
        let trips = scenario.phases.flatMap { phase in phase.trips.map { (phase, $0) } }
        #expect(
            trips.map(\.1.description) == [
                "payment-success-rate sev2", "payment-success-rate sev1", "product-complaints-daily[A17] sev3",
                "negative-mentions-surge sev3",
            ])
        for (phase, trip) in trips {
            let rule = try #require(demo.rule(RuleID(trip.ruleID)))
            let series = trip.series ?? ""
            let reached = { (t: Double) in probe.breaches(rule, at: t)[series] == trip.severity }
            let after = timeline.filter { $0 >= phase.start.seconds }
            let firstIndex = try #require(after.firstIndex(where: reached), "\(trip) never happens")
            let held = after[firstIndex...].prefix(while: reached)
            let first = held[firstIndex]
            #expect(first < phase.start.seconds + scenario.complaintRamp.seconds, "\(trip) starts late")
            let needed = rule.forDuration.seconds + 2 * rule.source.interval.seconds
            #expect(Double(held.count) * 0.25 >= needed, "\(trip) holds \(held.count / 4) s, needs \(needed) s")
            #expect(first + needed <= scenario.duration.seconds, "\(trip) opens after the demo ends")
        }
    }

    enum Expected {
        case healthy
        case breach(Severity)
        case unsettled
    }

    /// The script, written out: which rule breaches when, anchored on the phases' start times.
    func expected(_ rule: Rule, series: String, at t: Double) -> Expected {
        func start(_ name: DemoPhase.Name) -> Double { scenario.phase(name).start.seconds }
        switch (rule.id, series) {
        case ("payment-success-rate", _):
            if t < start(.paymentDegraded) || t >= start(.paymentRecovered) { return .healthy }
            return t < start(.paymentOutage) ? .breach(.sev2) : .breach(.sev1)
        case ("product-complaints-daily", scenario.complaintSKU):
            if t < start(.complaintSpike) { return .healthy }
            return t < start(.complaintSpike) + scenario.complaintRamp.seconds ? .unsettled : .breach(.sev3)
        case ("negative-mentions-surge", _):
            guard case .change(let window, _, _) = rule.condition else { return .unsettled }
            return t >= start(.sentimentSurge) && t < start(.sentimentSurge) + window.seconds
                ? .breach(.sev3) : .healthy
        default:
            return .healthy
        }
    }

    func expectedSeries(_ rule: Rule) -> [String] {
        rule.id == "product-complaints-daily" ? [scenario.complaintSKU] : [""]
    }
}
