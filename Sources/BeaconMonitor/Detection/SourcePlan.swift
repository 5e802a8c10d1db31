public import BeaconCore

/// The rules grouped by the endpoint they poll: rules reading the same URL share one poll.
public struct SourcePlan: Sendable {
    public struct Group: Sendable {
        public var target: PollTarget
        public var rules: [Rule]
        /// What each rule reads from the body, in the order of `rules`.
        public var extractors: [Extractor]
    }

    /// By poll target id.
    public private(set) var groups: [Int: Group] = [:]

    /// - Parameter firstID: the first target id; ids never repeat across reloads, so a late result from a
    ///   previous plan is recognised and dropped.
    public init(rules: [Rule], firstID: Int) {
        var byKey: [String: Int] = [:]
        var nextID = firstID
        for rule in rules {
            let source = rule.source
            let key = Self.key(of: source)
            if let id = byKey[key], var group = groups[id] {
                group.rules.append(rule)
                group.extractors.append(Extractor(source: source, mode: ExtractionMode(for: rule.condition)))
                group.target.interval = min(group.target.interval, source.interval)
                group.target.timeout = min(group.target.timeout, source.timeout)
                groups[id] = group
                continue
            }
            byKey[key] = nextID
            groups[nextID] = Group(
                target: PollTarget(
                    id: nextID, url: source.url, interval: source.interval, timeout: source.timeout,
                    headers: source.headers, maxBytes: source.maxBytes),
                rules: [rule], extractors: [Extractor(source: source, mode: ExtractionMode(for: rule.condition))])
            nextID += 1
        }
    }

    /// What makes two rules' sources one poll: the URL, the body limit and the headers. In a cluster it is also
    /// what decides which node polls them.
    public static func key(of source: Source) -> String {
        ([source.url, String(source.maxBytes)] + source.headers.sorted { $0.key < $1.key }.map { "\($0)=\($1)" })
            .joined(separator: "\n")
    }

    public var targets: [PollTarget] { groups.values.map(\.target).sorted { $0.id < $1.id } }
    public var nextID: Int { (groups.keys.max() ?? -1) + 1 }
}
