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
    }

    public var name: Name
    /// Time since the demo started.
    public var start: Duration
    /// The line the demo prints when the phase begins.
    public var narration: String
    /// The rules this phase newly breaches once it has settled.
    public var trips: [DemoTrip]

    public init(name: Name, start: Duration, narration: String, trips: [DemoTrip] = []) {
        self.name = name
        self.start = start
        self.narration = narration
        self.trips = trips
    }
}
