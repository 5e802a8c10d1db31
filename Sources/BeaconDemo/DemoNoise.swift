/// Deterministic jitter: the same seed, series and second always give the same small offset.
///
/// A SplitMix64 hash rather than a random generator, so a value depends only on when it is read, not on how
/// often it was read before.
enum DemoNoise {
    /// An offset in `-amplitude...amplitude`, constant within each whole second of `elapsed`.
    static func offset(seed: UInt64, series: DemoSeries, elapsed: Double, amplitude: Double) -> Double {
        let second = UInt64(max(elapsed, 0).rounded(.down))
        var z = seed &+ series.rawValue &* 0x9E37_79B9_7F4A_7C15 &+ second &* 0xD1B5_4A32_D192_ED03
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        let unit = Double(z >> 11) / Double(UInt64(1) << 53)
        return (unit * 2 - 1) * amplitude
    }
}

/// The simulated series, each with its own jitter stream.
enum DemoSeries: UInt64, CaseIterable {
    case paymentSuccess = 1
    case orderFailure, inboundVolume, queueWait, firstResponse, backlog, satisfaction, complaintRate
    case negativeMentions, refundRate, refundOrders
}
