/// One chapter of the demo's script: from `start` on, the simulated platform behaves a certain way.
public struct DemoPhase: Sendable, Hashable {
    /// The chapters, in the order they play.
    public enum Name: String, CaseIterable, Sendable, Hashable {
        case steady
        case paymentDegraded = "payment-degraded"
        case paymentOutage = "payment-outage"
        case paymentRecovered = "payment-recovered"
        case complaintSpike = "complaint-spike"
        case sentimentSurge = "sentiment-surge"
        case settled

        /// The catalog key of the line the demo prints when the phase begins (`demo.phase.payment_degraded`).
        public var narrationKey: String { "demo.phase.\(rawValue.replacingOccurrences(of: "-", with: "_"))" }
    }

    public var name: Name
    /// Time since the demo started.
    public var start: Duration
    /// The rules this phase newly breaches once it has settled.
    public var trips: [DemoTrip]

    public init(name: Name, start: Duration, trips: [DemoTrip] = []) {
        self.name = name
        self.start = start
        self.trips = trips
    }
}
