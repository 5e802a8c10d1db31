import BeaconCore
import Foundation

/// Group channels under their platform's rate: what is over the limit waits, then goes out as one digest.
extension OutboxDispatcher {
    /// What to send now: one attempt per notification, except on a rate-limited channel, where what is over the
    /// limit is merged into one digest (the last message the window allows), or, when the window is full, waits
    /// for it to open. Nothing is dropped.
    func batches(_ due: [OutboxEntry]) async -> [[OutboxEntry]] {
        let config = config.withLock { $0 }
        var batches: [[OutboxEntry]] = []
        var limited: [String: [OutboxEntry]] = [:]
        var order: [String] = []
        for entry in due {
            // An invitation's link is the message: never folded into a digest's one-line subjects.
            guard let channel = config.channel(entry.channelID), !channel.rate.isEmpty, entry.kind != .invitation else {
                batches.append([entry])
                continue
            }
            if limited[channel.id] == nil { order.append(channel.id) }
            limited[channel.id, default: []].append(entry)
        }
        let now = now()
        for channelID in order {
            guard let channel = config.channel(channelID), let entries = limited[channelID] else { continue }
            let (count, opensAt) = limiter.allowance(channel, at: now)
            guard count > 0 else {
                await postpone(entries, until: opensAt ?? now.addingTimeInterval(1))
                continue
            }
            let single = entries.count <= count ? entries.count : count - 1
            batches += entries.prefix(single).map { [$0] }
            if entries.count > single { batches.append(Array(entries.dropFirst(single))) }
            for _ in 0..<min(entries.count, count) { limiter.record(channelID, at: now) }
        }
        return batches
    }

    /// Moves notifications to when their channel's window opens, and wakes the dispatcher then.
    private func postpone(_ entries: [OutboxEntry], until: Date) async {
        do {
            try await outbox.postpone(entries.compactMap(\.id), until: until)
        } catch {
            logger.error("cannot postpone notifications", metadata: ["error": "\(error)"])
        }
        let wait = max(until.timeIntervalSince(now()), 0.01)
        Task { [continuation, clock] in
            try? await clock.sleep(for: .seconds(wait))
            continuation.yield(.wake)
        }
    }

    /// Sends notifications that waited for a rate-limited channel as one message, and records the result on
    /// each of them as if each had been sent: a digest that fails is retried, and falls over, notification by
    /// notification.
    func attemptDigest(_ entries: [OutboxEntry]) async -> (retryAt: Date?, queued: Bool) {
        let config = config.withLock { $0 }
        guard let channel = config.channel(entries[0].channelID) else { return await attempt(entries[0]) }
        var deliveries: [Delivery] = []
        for entry in entries { deliveries.append(await delivery(entry, channel: channel, config: config)) }
        let digest = Self.digest(deliveries, channel: channel)
        var result = await sender.send(digest)
        count(result, on: channel.id)
        if case .delivered(let detail) = result {
            result = .delivered(detail: "\(detail), in a digest of \(entries.count)")
        }
        var retryAt: Date?
        var queued = false
        for entry in entries {
            do {
                let recorded = try await record(result, for: entry, config: config)
                retryAt = [retryAt, recorded.retryAt].compactMap { $0 }.min()
                queued = queued || recorded.queued
            } catch {
                logger.error("cannot record a digest attempt", metadata: ["error": "\(error)"])
            }
        }
        return (retryAt, queued)
    }

    /// One message standing for several: "3 more notifications: …", mentioning everyone they page.
    static func digest(_ deliveries: [Delivery], channel: Channel) -> Delivery {
        var message = deliveries[0].message
        message.subject = (message.language ?? .en).catalog(
            "channel.digest", ["count": "\(deliveries.count)", "channel": channel.id])
        message.text = deliveries.map { "• \($0.message.subject)" }.joined(separator: "\n")
        message.approval = nil
        message.step = nil
        var mentioned: [Recipient] = []
        for person in deliveries.flatMap({ $0.message.mentions ?? [$0.recipient] })
        where !mentioned.contains(where: { $0.id == person.id }) {
            mentioned.append(person)
        }
        message.mentions = mentioned
        return Delivery(
            idempotencyKey: "digest/" + deliveries.map(\.idempotencyKey).joined(separator: "+"), channel: channel,
            recipient: deliveries[0].recipient, message: message)
    }

}
