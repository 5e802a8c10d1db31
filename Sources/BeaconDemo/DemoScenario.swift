import BeaconCore

/// The demo's script: every value the simulated e-commerce platform reports, as a pure function of the time since
/// the demo started.
///
/// About ten healthy seconds, then payments fail (sev2, then sev1) and recover, one product's complaints pass 100
/// for the day (sev3), and negative mentions jump twelvefold (sev3); everything else stays healthy, with a little
/// deterministic jitter. After ``duration`` the values hold still.
///
/// | from | phase | trips |
/// |---|---|---|
/// | 0 s | steady | nothing |
/// | 10 s | payment-degraded: payment success 85% | payment-success-rate sev2 |
/// | 20 s | payment-outage: payment success 70% | payment-success-rate sev1 |
/// | 30 s | payment-recovered: payment success 98.5% | (resolves) |
/// | 34 s | complaint-spike: A17 climbs from 23 to 140 over 4 s | product-complaints-daily[A17] sev3 |
/// | 44 s | sentiment-surge: negative mentions 40 → 480 | negative-mentions-surge sev3 |
/// | 56 s | settled | nothing new |
public struct DemoScenario: Sendable {
    /// The phases, in order; the first starts at zero.
    public var phases: [DemoPhase]
    /// How long the script runs.
    public var duration: Duration
    /// The jitter seed.
    public var seed: UInt64
    /// The product whose complaints climb.
    public var complaintSKU: String
    /// How long the complaint count takes to climb from its usual level to ``complaintPeak``.
    public var complaintRamp: Duration
    /// Where the product's complaints stand once the ramp is over (a sev3: above 100, below 300).
    public var complaintPeak: Int
    /// Negative mentions per hour before the surge.
    public var usualMentions: Int
    /// How many times the usual level the surge reaches (10x is sev3, 30x sev2).
    public var mentionsSurgeFactor: Int
    /// The day the complaints count.
    public var date: String

    /// The standard script, about 66 seconds long.
    public static let standard = DemoScenario()

    public init(seed: UInt64 = 20_251_125, date: String = "2025-11-25") {
        self.seed = seed
        self.date = date
        complaintSKU = "A17"
        complaintRamp = .seconds(4)
        complaintPeak = 140
        usualMentions = 40
        mentionsSurgeFactor = 12
        duration = .seconds(66)
        phases = [
            DemoPhase(
                name: .steady, start: .zero),
            DemoPhase(
                name: .paymentDegraded, start: .seconds(10),
                trips: [DemoTrip(ruleID: "payment-success-rate", severity: .sev2)]),
            DemoPhase(
                name: .paymentOutage, start: .seconds(20),
                trips: [DemoTrip(ruleID: "payment-success-rate", severity: .sev1)]),
            DemoPhase(
                name: .paymentRecovered, start: .seconds(30)),
            DemoPhase(
                name: .complaintSpike, start: .seconds(34),
                trips: [DemoTrip(ruleID: "product-complaints-daily", severity: .sev3, series: "A17")]),
            DemoPhase(
                name: .sentimentSurge, start: .seconds(44),
                trips: [DemoTrip(ruleID: "negative-mentions-surge", severity: .sev3)]),
            DemoPhase(
                name: .settled, start: .seconds(56)),
        ]
    }

    /// The phase playing `elapsed` after the start (the first before zero, the last after the end).
    public func phase(at elapsed: Duration) -> DemoPhase {
        phases.last { $0.start <= elapsed } ?? phases[0]
    }

    /// The phase called `name`.
    public func phase(_ name: DemoPhase.Name) -> DemoPhase {
        phases.first { $0.name == name } ?? phases[0]
    }

    /// The phases that begin in `from..<to`, for printing their narration as they start.
    public func phases(startingFrom from: Duration, before to: Duration) -> [DemoPhase] {
        phases.filter { $0.start >= from && $0.start < to }
    }

    /// Every value `elapsed` after the start.
    public func metrics(at elapsed: Duration) -> DemoMetrics {
        let t = min(max(elapsed.seconds, 0), duration.seconds)
        let phase = phase(at: .milliseconds(Int64((t * 1_000).rounded(.down)))).name
        let mentions = negativeMentions(t)
        let refunds = refunds(t)
        return DemoMetrics(
            paymentSuccessRate: paymentSuccessRate(phase, t),
            orderSubmitFailureRate: rounded(0.010 + noise(.orderFailure, t, 0.002)),
            csInboundVolume: Int((inboundBase(phase) + noise(.inboundVolume, t, 20)).rounded()),
            csQueueWaitSeconds: rounded(queueWaitBase(phase) + noise(.queueWait, t, 5), digits: 1),
            csFirstResponseSeconds: rounded(firstResponseBase(phase) + noise(.firstResponse, t, 3), digits: 1),
            csUnansweredBacklog: Int((backlogBase(phase) + noise(.backlog, t, 2)).rounded()),
            csSatisfactionRatio: rounded(0.92 + noise(.satisfaction, t, 0.005)),
            csComplaintRate: rounded(0.020 + noise(.complaintRate, t, 0.0004)),
            checkoutUp: true, csDeskUp: true, negativeMentions: mentions, trending: Self.trendingTitles,
            complaints: complaints(t), complaintsDate: date, refundOrders: refunds.orders,
            refundRequests: refunds.requests, refundRequestRate: refunds.rate)
    }
}
