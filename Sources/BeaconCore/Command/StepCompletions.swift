public import Foundation

/// Every time each playbook step was marked done, read from the timeline.
///
/// A run step keeps only its last `doneAt`; a recurring step is done once a period, and the timeline, which
/// records each time, is what tells whether every period was met.
public struct StepCompletions: Sendable, Hashable {
    /// When each step was marked done, by step id, oldest first.
    public var times: [StepID: [Date]]

    public init(times: [StepID: [Date]] = [:]) {
        self.times = times.mapValues { $0.sorted() }
    }

    /// Reads the step events of a timeline; events of other kinds, or by Beacon itself, are skipped.
    public init(_ timeline: [TimelineEvent]) {
        var times: [StepID: [Date]] = [:]
        for event in timeline where event.kind == .step && event.actor != TimelineEvent.system {
            if let stepID = Self.stepID(done: event) { times[stepID, default: []].append(event.at) }
        }
        self.init(times: times)
    }

    /// When `stepID` was marked done, oldest first.
    public subscript(stepID: StepID) -> [Date] { times[stepID] ?? [] }

    /// The step an event says was done: its typed fact, or, in an event stored before facts were typed, its
    /// sentence (`Step progress done by zhangmin: …`; step ids are kebab-case, so the id ends at the first space).
    static func stepID(done event: TimelineEvent) -> StepID? {
        if case .stepDone(let step, _, _) = event.fact { return step }
        guard case .text(let text) = event.fact, text.hasPrefix("Step ") else { return nil }
        let rest = text.dropFirst("Step ".count)
        guard let space = rest.firstIndex(of: " ") else { return nil }
        let tail = rest[space...]
        let done = " done by \(event.actor)"
        guard tail == done || tail.hasPrefix(done + ": ") else { return nil }
        return StepID(String(rest[..<space]))
    }
}
