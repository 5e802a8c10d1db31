/// What `GET /healthz` reports: whether the store answers and the monitor runs.
public struct HealthReport: Encodable, Sendable {
    public var status: String
    public var store: String
    public var monitor: String
    public var targets: Int
    public var failingSources: Int
    public var outboxDepth: Int

    public init(storeOK: Bool, monitorRunning: Bool, targets: Int, failingSources: Int, outboxDepth: Int) {
        status = storeOK && monitorRunning ? "ok" : "degraded"
        store = storeOK ? "ok" : "unavailable"
        monitor = monitorRunning ? "running" : "stopped"
        self.targets = targets
        self.failingSources = failingSources
        self.outboxDepth = outboxDepth
    }

    public var isHealthy: Bool { status == "ok" }
}
