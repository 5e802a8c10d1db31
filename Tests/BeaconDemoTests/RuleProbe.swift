import BeaconCore
import BeaconDemo
import Foundation

/// Evaluates a rule's condition directly against the scenario's bodies, with no monitor in between.
struct RuleProbe {
    var scenario: DemoScenario

    /// The body the rule's source would get `t` seconds into the demo, or `nil` for a URL the demo does not serve.
    func body(for rule: Rule, at t: Double) -> String? {
        guard let endpoint = DemoEndpoint(path: Self.path(of: rule.source.url)) else { return nil }
        return endpoint.body(scenario.metrics(at: .milliseconds(Int64((t * 1_000).rounded()))))
    }

    /// The breaching series and their severities `t` seconds in; change rules compare with one window earlier
    /// and see nothing before a full window has passed.
    func breaches(_ rule: Rule, at t: Double) -> [String: Severity] {
        switch rule.condition {
        case .threshold(let op, let levels):
            return values(rule, at: t).compactMapValues { value in
                levels.filter { op.holds(value, $0.value) }.keys.max()
            }
        case .change(let window, let op, let levels):
            guard t >= window.seconds else { return [:] }
            return changes(rule, from: t - window.seconds, to: t, op: op, levels: levels)
        case .contains(let keywords, let levels):
            let titles = body(for: rule, at: t).flatMap { SeriesReader.strings(rule.source, in: $0) } ?? []
            let matched = levels.filter { _, top in Self.mentions(titles.prefix(top), keywords) }.keys.max()
            return matched.map { ["": $0] } ?? [:]
        case .absent(let severity):
            return values(rule, at: t).isEmpty ? ["": severity] : [:]
        }
    }

    /// The breaches of a change rule comparing `t` with an arbitrary earlier time `earlier`.
    func changes(
        _ rule: Rule, from earlier: Double, to t: Double, op: ComparisonOperator, levels: [Severity: ChangeAmount]
    ) -> [String: Severity] {
        let before = values(rule, at: earlier)
        var result: [String: Severity] = [:]
        for (series, value) in values(rule, at: t) {
            guard let previous = before[series], previous != 0 else { continue }
            result[series] = levels.filter { op.holds(value / previous, $0.value.ratio) }.keys.max()
        }
        return result
    }

    func values(_ rule: Rule, at t: Double) -> [String: Double] {
        body(for: rule, at: t).flatMap { SeriesReader.numbers(rule.source, in: $0) } ?? [:]
    }

    static func path(of url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        return String(rest[(rest.firstIndex(of: "/") ?? rest.endIndex)...])
    }

    private static func mentions(_ titles: ArraySlice<String>, _ keywords: [String]) -> Bool {
        titles.contains { title in keywords.contains { title.localizedCaseInsensitiveContains($0) } }
    }
}
