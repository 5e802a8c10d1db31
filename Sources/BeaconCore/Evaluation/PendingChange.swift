public import Foundation

/// A transition the detector decided for one series, waiting to be committed.
public struct PendingChange: Sendable, Hashable {
    public var transition: Transition
    public var rule: Rule
    public var labels: Labels
    /// When the detector saw it: the incident's times come from here, not from when it is committed.
    public var at: Date

    public init(transition: Transition, rule: Rule, labels: Labels, at: Date) {
        self.transition = transition
        self.rule = rule
        self.labels = labels
        self.at = at
    }
}
