import AsyncAlgorithms
public import BeaconApproval
public import BeaconCore
public import Foundation
public import Logging
public import ServiceLifecycle
import Synchronization

/// Sends the outbox: bounded concurrency, retries with backoff and jitter, fall-over to a person's next channel.
///
/// Woken at once when a change queues notifications (`wake()`), when a retry falls due, and every `tick` for rows
/// other processes (the command line) committed. Waits run on `clock` and jitter draws from `random`, so a test
/// drives both.
public final class OutboxDispatcher<C: Clock>: Service, Sendable where C.Duration == Duration {
    enum Event: Sendable {
        case wake
        /// An attempt ended; `moreDue` when it left something due at once: a notification queued on the next
        /// channel, or a retry whose backoff has already passed.
        case finished(Int64, moreDue: Bool)
    }

    let outbox: any OutboxRepository
    let sender: any ChannelSender
    private let signer: ApprovalSigner
    private let policy: RetryPolicy
    private let maxConcurrent: Int
    private let tick: Duration
    let logger: Logger
    let instrumentation: any Instrumentation
    let now: @Sendable () -> Date
    let clock: C
    private let random: Mutex<any RandomNumberGenerator & Sendable>
    let config: Mutex<BeaconConfig>
    private let events: AsyncStream<Event>
    let continuation: AsyncStream<Event>.Continuation
    let limiter = ChannelLimiter()

    public init(
        config: BeaconConfig, outbox: any OutboxRepository, sender: any ChannelSender, signer: ApprovalSigner,
        policy: RetryPolicy = RetryPolicy(), maxConcurrent: Int = 32, tick: Duration = .seconds(1),
        logger: Logger, instrumentation: any Instrumentation = NoInstrumentation(), clock: C,
        now: @escaping @Sendable () -> Date,
        random: any RandomNumberGenerator & Sendable = SystemRandomNumberGenerator()
    ) {
        self.clock = clock
        self.random = Mutex(random)
        self.instrumentation = instrumentation
        self.config = Mutex(config)
        self.outbox = outbox
        self.sender = sender
        self.signer = signer
        self.policy = policy
        self.maxConcurrent = maxConcurrent
        self.tick = tick
        self.logger = logger
        self.now = now
        (events, continuation) = AsyncStream.makeStream(of: Event.self, bufferingPolicy: .unbounded)
    }

    /// Looks at the outbox now rather than at the next tick.
    public func wake() { continuation.yield(.wake) }

    public func reload(_ config: BeaconConfig) { self.config.withLock { $0 = config } }

    public func run() async throws {
        let ticker = Task { [continuation, tick, clock] in
            for await _ in AsyncTimerSequence(interval: tick, clock: clock) { continuation.yield(.wake) }
        }
        defer { ticker.cancel() }
        await withDiscardingTaskGroup { group in
            var busy = Set<Int64>()
            // Whether the last look found all that was due: then a finished attempt alone frees a slot for
            // nothing, and the outbox is read again only when something may have become due.
            var drained = await fill(&busy, group: &group)
            for await event in events.cancelOnGracefulShutdown() {
                switch event {
                case .wake: drained = false
                case .finished(let id, let moreDue):
                    busy.remove(id)
                    if moreDue { drained = false }
                }
                if !drained { drained = await fill(&busy, group: &group) }
            }
        }
    }

    /// Starts attempts for due notifications while there is room.
    /// - Returns: whether every notification due now has been started (false when the room ran out or the
    ///   outbox could not be read).
    private func fill(_ busy: inout Set<Int64>, group: inout DiscardingTaskGroup) async -> Bool {
        let room = maxConcurrent - busy.count
        guard room > 0 else { return false }
        let due: [OutboxEntry]
        do {
            due = try await outbox.due(at: now(), limit: room, excluding: busy)
        } catch {
            logger.error("cannot read the outbox", metadata: ["error": "\(error)"])
            return false
        }
        for batch in await batches(due) {
            let ids = batch.compactMap(\.id)
            guard !ids.isEmpty else { continue }
            busy.formUnion(ids)
            group.addTask { [self] in
                let (retryAt, queued) = batch.count == 1 ? await attempt(batch[0]) : await attemptDigest(batch)
                let wait = retryAt?.timeIntervalSince(now())
                // A fall-over queued or a retry due already: the outbox has work now, so it is read again.
                for (index, id) in ids.enumerated() {
                    continuation.yield(.finished(id, moreDue: index == 0 && (queued || (wait ?? 1) <= 0)))
                }
                // A later retry's own wake-up, so it goes out on time rather than at the next tick.
                if let wait, wait > 0 {
                    try? await clock.sleep(for: .seconds(wait))
                    continuation.yield(.wake)
                }
            }
        }
        return due.count < room
    }

    /// Makes one attempt and records its result.
    /// - Returns: when the notification is to be tried again, if it failed and will be; whether the attempt
    ///   queued a notification on the person's next channel.
    func attempt(_ entry: OutboxEntry) async -> (retryAt: Date?, queued: Bool) {
        let config = config.withLock { $0 }
        let result: DeliveryResult
        if let channel = config.channel(entry.channelID) {
            result = await sender.send(await delivery(entry, channel: channel, config: config))
        } else {
            result = .failed(reason: "channel \(entry.channelID) is no longer configured", retryable: false)
        }
        count(result, on: entry.channelID)
        do {
            return try await record(result, for: entry, config: config)
        } catch {
            logger.error("cannot record a notification attempt", metadata: ["error": "\(error)"])
            return (nil, false)
        }
    }

    func count(_ result: DeliveryResult, on channelID: String) {
        if case .delivered = result {
            instrumentation.notified(channel: channelID, delivered: true)
        } else {
            instrumentation.notified(channel: channelID, delivered: false)
        }
    }

    /// Records an attempt's result on one notification: delivered; throttled (the channel rests and the
    /// notification waits it out, never retried into the throttle); or failed, retried with backoff and, when
    /// its channel is given up, fallen over to the next.
    /// - Returns: when it is to be tried again, and whether a fall-over was queued.
    func record(
        _ result: DeliveryResult, for entry: OutboxEntry, config: BeaconConfig
    ) async throws -> (retryAt: Date?, queued: Bool) {
        switch result {
        case .delivered(let detail):
            try await outbox.recordDelivered(entry, detail: detail, at: now())
            return (nil, false)
        case .throttled(let reason, let pause):
            let until = now().addingTimeInterval(pause.seconds)
            limiter.pause(entry.channelID, until: until)
            try await outbox.recordFailed(entry, reason: reason, retryAt: until, fallovers: [], at: now())
            logger.warning(
                "channel throttled",
                metadata: ["channel": "\(entry.channelID)", "until": "\(until)", "reason": "\(reason)"])
            return (until, false)
        case .failed(let reason, let retryable):
            let attempts = entry.attempts + 1
            let retryAt =
                retryable && attempts < policy.attemptsPerChannel
                ? now().addingTimeInterval(backoff(after: attempts).seconds) : nil
            let fallovers = retryAt == nil ? nextChannels(after: entry, config: config) : []
            try await outbox.recordFailed(entry, reason: reason, retryAt: retryAt, fallovers: fallovers, at: now())
            let next =
                retryAt.map { "retry at \($0)" }
                ?? (fallovers.isEmpty ? "give up" : "fall over to \(fallovers.map(\.channelID))")
            logger.warning(
                "notification failed",
                metadata: [
                    "incident.id": "\(entry.incidentID.map { String($0.rawValue) } ?? "-")",
                    "event": "\(entry.kind.rawValue)", "channel": "\(entry.channelID)",
                    "person": "\(entry.person)", "attempt": "\(attempts)", "reason": "\(reason)", "next": "\(next)",
                ])
            return (retryAt, !fallovers.isEmpty)
        }
    }

    func delivery(_ entry: OutboxEntry, channel: Channel, config: BeaconConfig) async -> Delivery {
        var message = entry.message
        let base = config.publicURL.hasSuffix("/") ? String(config.publicURL.dropLast()) : config.publicURL
        if entry.approvalID != nil, channel.audience == .group {
            // Anyone in a group can press a link posted there: say who is asked and what, and send them to the
            // approvals inbox, where only the signed-in decision layer answers.
            message.approval = nil
            // The request was written for the person (in their language): whichever it is, its last line goes.
            let inbox = config.words()(
                "message.approval.group", ["name": entry.recipient.name, "url": "\(base)/approvals"])
            for language in Language.allCases {
                message.text = message.text.replacingOccurrences(
                    of: language.catalog("message.approval.next"), with: inbox)
            }
        } else if let approvalID = entry.approvalID, let approval = try? await outbox.approval(approvalID) {
            func link(_ approve: Bool?) -> String {
                let claim = ApprovalSigner.Claim(
                    approvalID: approvalID, person: entry.person, approve: approve, expiresAt: approval.expiresAt)
                return "\(base)/approvals/\(signer.token(for: claim))"
            }
            message.approval = ApprovalLinks(
                approvalID: approvalID, approveURL: link(true), rejectURL: link(false), answerURL: link(nil),
                shortURL: channel.type == .sms
                    ? await shortLink(approvalID, person: entry.person, expiresAt: approval.expiresAt, base: base)
                    : nil,
                expiresAt: approval.expiresAt)
        }
        return Delivery(
            idempotencyKey: entry.idempotencyKey, channel: channel, recipient: entry.recipient, message: message)
    }

    /// A new single-use short link for an SMS, stored as the hash of its code; `nil` (the SMS then carries the
    /// long link) when it cannot be stored.
    private func shortLink(_ approvalID: ApprovalID, person: PersonID, expiresAt: Date, base: String) async -> String? {
        var generator = SystemRandomNumberGenerator()
        let code = ApprovalShortLink.makeCode(using: &generator)
        do {
            try await outbox.createShortLink(
                codeHash: ApprovalShortLink.hash(code), approvalID: approvalID, person: person, expiresAt: expiresAt,
                at: now())
        } catch {
            logger.error("cannot store a short approval link", metadata: ["error": "\(error)"])
            return nil
        }
        return base + ApprovalShortLink.pathPrefix + code
    }

    /// Each person's next channel after this one. A personal notification has one person; a group message
    /// falls over for everyone it named, and people whose next channel is the same group share one message.
    /// Where each recipient goes next: their next channel from the list snapshotted in the row.
    private func nextChannels(after entry: OutboxEntry, config: BeaconConfig) -> [Fallover] {
        guard let mentions = entry.message.mentions else {
            let channels = Self.channels(of: entry.recipient, config: config)
            let next = entry.channelIndex + 1
            return next < channels.count
                ? [Fallover(channelID: channels[next], index: next, recipients: [], group: false)] : []
        }
        var fallovers: [Fallover] = []
        for recipient in mentions {
            let channels = Self.channels(of: recipient, config: config)
            guard let position = channels.firstIndex(of: entry.channelID), position + 1 < channels.count
            else { continue }
            let channelID = channels[position + 1]
            let group = config.channel(channelID)?.audience == .group
            if group, let shared = fallovers.firstIndex(where: { $0.group && $0.channelID == channelID }) {
                fallovers[shared].recipients.append(recipient)
            } else {
                fallovers.append(
                    Fallover(channelID: channelID, index: position + 1, recipients: [recipient], group: group))
            }
        }
        return fallovers
    }
}

extension OutboxDispatcher {
    /// A recipient's channels: the snapshot taken when the notification was planned, or, for rows written before
    /// snapshots existed, the person's channels in the configuration.
    static func channels(of recipient: Recipient, config: BeaconConfig) -> [String] {
        recipient.channels ?? config.chain.person(recipient.id)?.person.channels ?? []
    }

    /// The wait before the next attempt, with jitter from the injected generator.
    func backoff(after attempts: Int) -> Duration {
        random.withLock { generator in policy.backoff(after: attempts, using: &generator) }
    }
}

extension OutboxDispatcher where C == ContinuousClock {
    /// A dispatcher on the system's clocks and random numbers.
    public convenience init(
        config: BeaconConfig, outbox: any OutboxRepository, sender: any ChannelSender, signer: ApprovalSigner,
        policy: RetryPolicy = RetryPolicy(), maxConcurrent: Int = 32, tick: Duration = .seconds(1),
        logger: Logger, instrumentation: any Instrumentation = NoInstrumentation()
    ) {
        self.init(
            config: config, outbox: outbox, sender: sender, signer: signer, policy: policy,
            maxConcurrent: maxConcurrent, tick: tick, logger: logger, instrumentation: instrumentation,
            clock: ContinuousClock(), now: { Date() })
    }
}
