/// What `GET /healthz` reports: whether the store answers, the monitor runs and notifications get through.
///
/// `down` (HTTP 503) when the store or the monitor is not working; `degraded` (HTTP 200, with the reasons) when
/// Beacon runs but its messages do not arrive: a channel whose recent attempts all failed, or an incident on
/// which nobody was reached. A load balancer keeps a degraded node; a person must look at it.
public struct HealthReport: Encodable, Sendable {
    public var status: String
    public var store: String
    public var monitor: String
    public var targets: Int
    public var failingSources: Int
    public var outboxDepth: Int
    /// Channels whose latest attempts all failed.
    public var failingChannels: [String]
    /// Active incidents on which nobody was reached.
    public var unreachedIncidents: [Int64]
    /// Why the status is not `ok`, in sentences.
    public var reasons: [String]

    public init(
        storeOK: Bool, monitorRunning: Bool, targets: Int, failingSources: Int, outboxDepth: Int,
        failingChannels: [String] = [], unreachedIncidents: [Int64] = []
    ) {
        store = storeOK ? "ok" : "unavailable"
        monitor = monitorRunning ? "running" : "stopped"
        self.targets = targets
        self.failingSources = failingSources
        self.outboxDepth = outboxDepth
        self.failingChannels = failingChannels.sorted()
        self.unreachedIncidents = unreachedIncidents
        var reasons: [String] = []
        if !storeOK { reasons.append("the store does not answer") }
        if !monitorRunning { reasons.append("the monitor is stopped") }
        if !failingChannels.isEmpty {
            reasons.append("notifications fail on \(self.failingChannels.joined(separator: ", "))")
        }
        if !unreachedIncidents.isEmpty {
            let list = unreachedIncidents.map { "#\($0)" }.joined(separator: ", ")
            reasons.append("nobody was reached on \(list)")
        }
        self.reasons = reasons
        status = !storeOK || !monitorRunning ? "down" : reasons.isEmpty ? "ok" : "degraded"
    }

    /// Whether a load balancer should keep sending requests here (`ok` or `degraded`).
    public var isServing: Bool { status != "down" }

    enum CodingKeys: String, CodingKey {
        case status, store, monitor, targets, reasons
        case failingSources = "failing_sources"
        case outboxDepth = "outbox_depth"
        case failingChannels = "failing_channels"
        case unreachedIncidents = "unreached_incidents"
    }
}
