import BeaconCore
import BeaconDemo
import Testing

/// Compression makes the shipped configuration play out in a minute without breaking what validation demands.
@Suite struct DemoConfigTests {
    let shipped: BeaconConfig
    let address = ListenAddress(host: "127.0.0.1", port: 43_210)

    init() throws {
        shipped = try ShippedConfig.load()
    }

    static let scales: [DemoConfig.Scale] = [
        .standard,
        DemoConfig.Scale(interval: .seconds(2), timeout: .seconds(3)),
        DemoConfig.Scale(interval: .milliseconds(500), timeout: .milliseconds(500), holdDivisor: 600),
        DemoConfig.Scale(holdDivisor: 0.5, windowDivisor: 1, minimumHold: .zero),
    ]

    @Test(arguments: scales)
    func derivedConfigKeepsTheInvariants(scale: DemoConfig.Scale) {
        let config = DemoConfig.compressed(shipped, metricsAddress: address, scale: scale)
        #expect(Self.problems(config).isEmpty, "\(Self.problems(config))")
        #expect(config.rules.count == shipped.rules.count)
        #expect(config.playbooks.count == shipped.playbooks.count)
    }

    @Test func compressionKeepsTimeoutBelowInterval() {
        let config = DemoConfig.compressed(shipped, metricsAddress: address)
        for rule in config.rules {
            #expect(rule.source.interval == .seconds(1))
            #expect(rule.source.timeout == .milliseconds(500))
            #expect(rule.source.timeout < rule.source.interval)
        }
    }

    @Test func holdsRunSixtyTimesFasterButNotBelowASecond() throws {
        let config = DemoConfig.compressed(shipped, metricsAddress: address)
        for (demo, original) in zip(config.rules, shipped.rules) {
            #expect(demo.forDuration == max(original.forDuration / 60, .seconds(1)))
            #expect(demo.resolveAfter == max(original.resolveAfter / 60, .seconds(1)))
        }
        let payment = try #require(config.rule("payment-success-rate"))
        #expect(payment.forDuration == .seconds(1))
        #expect(payment.resolveAfter == .seconds(5))
        #expect(config.chain.operation.deadline == .seconds(5))
        #expect(config.chain.execution.deadline == .seconds(15))
        #expect(config.chain.decision.deadline == .seconds(30))
        for (demo, original) in zip(config.playbooks.flatMap(\.steps), shipped.playbooks.flatMap(\.steps)) {
            #expect(demo.within == original.within.map { max($0 / 60, .seconds(1)) })
            #expect(demo.every == original.every.map { max($0 / 60, .seconds(1)) })
        }
        let identify = config.playbook("payment-failure")?.steps.first { $0.id == "identify" }
        #expect(identify?.within == .seconds(5))
    }

    @Test func changeWindowsShrinkToFitTheDemo() throws {
        let config = DemoConfig.compressed(shipped, metricsAddress: address)
        let mentions = try #require(config.rule("negative-mentions-surge"))
        guard case .change(let window, _, _) = mentions.condition else {
            Issue.record("negative-mentions-surge is not a change rule")
            return
        }
        #expect(window == .seconds(12))
        let scenario = DemoScenario.standard
        let surge = scenario.phase(.sentimentSurge).start
        #expect(surge >= window, "a level from before the surge is on record")
        #expect(mentions.forDuration < window, "the jump is compared long enough to open an incident")
        #expect(surge + mentions.forDuration + .seconds(2) < scenario.duration)
    }

    @Test func sourcesPointAtTheDemoServerWithTheirPaths() {
        let config = DemoConfig.compressed(shipped, metricsAddress: address)
        for (demo, original) in zip(config.rules, shipped.rules) {
            #expect(demo.source.url == "http://127.0.0.1:43210" + RuleProbe.path(of: original.source.url))
        }
        let ipv6 = DemoConfig.compressed(shipped, metricsAddress: ListenAddress(host: "::1", port: 9))
        #expect(ipv6.rules.first?.source.url.hasPrefix("http://[::1]:9/") == true)
    }

    @Test func levelsKeywordsAndEverythingElseStayAsShipped() {
        let config = DemoConfig.compressed(shipped, metricsAddress: address)
        for (demo, original) in zip(config.rules, shipped.rules) {
            #expect(demo.id == original.id)
            #expect(demo.category == original.category)
            #expect(demo.labels == original.labels)
            #expect(demo.source.metric == original.source.metric)
            #expect(demo.source.path == original.source.path)
            switch (demo.condition, original.condition) {
            case (.change(_, let op, let levels), .change(_, let originalOp, let originalLevels)):
                #expect(op == originalOp && levels == originalLevels)
            default:
                #expect(demo.condition == original.condition)
            }
        }
        #expect(config.channels == shipped.channels)
        #expect(config.paging == shipped.paging)
        #expect(config.chain.people == shipped.chain.people)
    }

    /// What the configuration decoder would reject, checked on the model itself.
    static func problems(_ config: BeaconConfig) -> [String] {
        var problems: [String] = []
        for rule in config.rules {
            let source = rule.source
            if source.interval <= .zero { problems.append("\(rule.id): interval \(source.interval)") }
            if source.timeout <= .zero { problems.append("\(rule.id): timeout \(source.timeout)") }
            if source.timeout >= source.interval { problems.append("\(rule.id): timeout not below interval") }
            if rule.forDuration < .zero || rule.resolveAfter < .zero { problems.append("\(rule.id): negative hold") }
            if !source.url.hasPrefix("http://") { problems.append("\(rule.id): url \(source.url)") }
            if case .change(let window, _, _) = rule.condition, window < source.interval * 2 {
                problems.append("\(rule.id): window \(window) spans fewer than two polls")
            }
        }
        for layer in Layer.allCases where config.chain[layer].deadline <= .zero {
            problems.append("\(layer): deadline \(config.chain[layer].deadline)")
        }
        for step in config.playbooks.flatMap(\.steps) {
            if let within = step.within, within <= .zero { problems.append("\(step.id): within \(within)") }
            if let every = step.every, every <= .zero { problems.append("\(step.id): every \(every)") }
        }
        return problems
    }
}
