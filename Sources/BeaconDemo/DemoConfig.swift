public import BeaconCore

/// Turns the shipped configuration into one that plays out in about a minute against the demo's endpoints.
///
/// With the standard ``Scale``:
/// - every source is polled each second with a 500 ms timeout, at the demo server's address (same path);
/// - holds run 60 times faster, a minute becoming a second: `for`, `resolve_after`, the chain's response
///   deadlines and playbook steps' `within`/`every` (`for: 5m` → 5 s, `ack_within: 5m` → 5 s); none shorter
///   than a second unless it was zero;
/// - change windows run 300 times faster (`window: 1h` → 12 s), so the scenario's twelvefold jump in negative
///   mentions is compared with a level from before it, and a window always spans at least two polls.
///
/// Thresholds, levels, keywords and everything else stay as shipped.
public enum DemoConfig {
    /// How much faster the demo runs than production.
    public struct Scale: Sendable, Hashable {
        /// The poll interval of every source.
        public var interval: Duration
        /// The poll timeout of every source; kept below `interval`.
        public var timeout: Duration
        /// Divides `for`, `resolve_after`, chain deadlines and playbook step durations.
        public var holdDivisor: Double
        /// Divides change windows.
        public var windowDivisor: Double
        /// The shortest compressed hold (a zero hold stays zero).
        public var minimumHold: Duration

        public init(
            interval: Duration = .seconds(1), timeout: Duration = .milliseconds(500), holdDivisor: Double = 60,
            windowDivisor: Double = 300, minimumHold: Duration = .seconds(1)
        ) {
            self.interval = interval
            self.timeout = timeout
            self.holdDivisor = holdDivisor
            self.windowDivisor = windowDivisor
            self.minimumHold = minimumHold
        }

        /// One-second polls, minutes to seconds, hours to 12 seconds.
        public static let standard = Scale()
    }

    /// The shipped configuration, compressed by `scale` and pointed at the demo's metric endpoints.
    /// - Parameters:
    ///   - config: the configuration as loaded from `beacon.yaml`.
    ///   - metricsAddress: where the ``DemoMetricsServer`` actually listens.
    ///   - scale: how much faster to run.
    public static func compressed(
        _ config: BeaconConfig, metricsAddress: ListenAddress, scale: Scale = .standard
    ) -> BeaconConfig {
        var result = config
        let base = "http://\(metricsAddress)"
        result.rules = config.rules.map { compressed($0, base: base, scale: scale) }
        result.chain.operation.deadline = hold(config.chain.operation.deadline, scale)
        result.chain.execution.deadline = hold(config.chain.execution.deadline, scale)
        result.chain.decision.deadline = hold(config.chain.decision.deadline, scale)
        result.playbooks = config.playbooks.map { playbook in
            var playbook = playbook
            playbook.steps = playbook.steps.map { step in
                var step = step
                step.within = step.within.map { hold($0, scale) }
                step.every = step.every.map { hold($0, scale) }
                return step
            }
            return playbook
        }
        return result
    }

    private static func compressed(_ rule: Rule, base: String, scale: Scale) -> Rule {
        var rule = rule
        let interval = scale.interval > .zero ? scale.interval : .seconds(1)
        rule.source.url = rebase(rule.source.url, onto: base)
        rule.source.interval = interval
        rule.source.timeout = scale.timeout > .zero && scale.timeout < interval ? scale.timeout : interval / 2
        rule.forDuration = hold(rule.forDuration, scale)
        rule.resolveAfter = hold(rule.resolveAfter, scale)
        if case .change(let window, let op, let levels) = rule.condition {
            let scaled = max(divide(window, by: scale.windowDivisor), interval * 2)
            rule.condition = .change(window: scaled, op: op, levels: levels)
        }
        return rule
    }

    /// `duration ÷ holdDivisor`, at least `minimumHold`; zero stays zero.
    private static func hold(_ duration: Duration, _ scale: Scale) -> Duration {
        guard duration > .zero else { return duration }
        return max(divide(duration, by: scale.holdDivisor), scale.minimumHold, .milliseconds(1))
    }

    /// `duration ÷ divisor`, to the millisecond (a divisor below 1 leaves the duration as it is).
    private static func divide(_ duration: Duration, by divisor: Double) -> Duration {
        guard divisor > 1 else { return duration }
        return .milliseconds(Int64((duration.seconds * 1_000 / divisor).rounded()))
    }

    /// `url` with its scheme, host and port replaced by `base`: the path and query stay.
    static func rebase(_ url: String, onto base: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return base + url }
        let rest = url[schemeEnd.upperBound...]
        let pathStart = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        return base + rest[pathStart...]
    }
}
