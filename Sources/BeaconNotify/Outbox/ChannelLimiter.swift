import BeaconCore
import Foundation
import Synchronization

/// Keeps each rate-limited channel under its platform's limits, and off a channel the platform throttles.
///
/// A sliding window of the times messages were started, per channel: a message counts when it starts, so
/// concurrent attempts cannot overshoot together.
final class ChannelLimiter: Sendable {
    private struct State {
        var sent: [Date] = []
        var pausedUntil: Date?
    }

    private let states = Mutex<[String: State]>([:])

    /// How many messages may start on the channel now, and when the next one may when none can.
    func allowance(_ channel: Channel, at now: Date) -> (count: Int, opensAt: Date?) {
        states.withLock { states in
            var state = states[channel.id] ?? State()
            if let paused = state.pausedUntil, paused > now { return (0, paused) }
            let longest = channel.rate.map(\.per.seconds).max() ?? 0
            state.sent.removeAll { now.timeIntervalSince($0) >= longest }
            states[channel.id] = state
            var count = Int.max
            var opensAt: Date?
            for limit in channel.rate {
                let inWindow = state.sent.filter { now.timeIntervalSince($0) < limit.per.seconds }
                let left = limit.count - inWindow.count
                count = min(count, max(0, left))
                if left <= 0, let oldest = inWindow.min() {
                    let opens = oldest.addingTimeInterval(limit.per.seconds)
                    opensAt = max(opensAt ?? opens, opens)
                }
            }
            return (count, count == 0 ? opensAt : nil)
        }
    }

    /// A message starts on the channel now.
    func record(_ channelID: String, at now: Date) {
        states.withLock { $0[channelID, default: State()].sent.append(now) }
    }

    /// The platform throttles the channel until `until`.
    func pause(_ channelID: String, until: Date) {
        states.withLock { $0[channelID, default: State()].pausedUntil = until }
    }
}
