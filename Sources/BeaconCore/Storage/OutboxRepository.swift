public import Foundation

/// Where notifications wait to be sent, and what their attempts did: the outbox as the dispatcher works it.
///
/// One implementation per store (SQLite today; PostgreSQL is to fit the same protocol). Every method is one
/// transaction; what an attempt records (its result, the timeline entry that tells it, the notifications that
/// fall over) commits together.
public protocol OutboxRepository: Sendable {
    /// Notifications due for an attempt at `now`, oldest first, at most `limit`, leaving out `busy` (attempts in
    /// flight).
    func due(at now: Date, limit: Int, excluding busy: Set<Int64>) async throws -> [OutboxEntry]

    /// Moves pending notifications to `until` (their channel's rate limit lets nothing through before then).
    func postpone(_ ids: [Int64], until: Date) async throws

    /// Records a delivered notification and its timeline entry; nothing when the row is no longer pending.
    func recordDelivered(_ entry: OutboxEntry, detail: String, at now: Date) async throws

    /// Records a failed attempt: a retry at `retryAt`, or, when `retryAt` is `nil`, giving up on this channel and
    /// queueing every channel in `fallovers` (none: nobody else to try).
    func recordFailed(
        _ entry: OutboxEntry, reason: String, retryAt: Date?, fallovers: [Fallover], at now: Date)
        async throws

    /// The approval a request asks for, to link to.
    func approval(_ id: ApprovalID) async throws -> Approval?

    /// Keeps a new short approval link under the hash of its code.
    func createShortLink(
        codeHash: String, approvalID: ApprovalID, person: PersonID, expiresAt: Date, at now: Date)
        async throws
}

/// What the outbox holds, for `/healthz`, `/metrics` and the dashboard.
public protocol OutboxFigures: Sendable {
    /// How many notifications wait to be sent.
    func depth() async throws -> Int
    /// Pending notifications by channel: what shows while a channel's rate limit holds them back.
    func depthByChannel() async throws -> [String: Int]
    /// Channels whose latest attempts since `since` all failed, with the latest reason.
    func failingChannels(since: Date) async throws -> [String: String]
    /// Active incidents on which nobody has been reached: attempts were made and failed, and not one
    /// notification was delivered.
    func unreachedIncidents() async throws -> [(id: IncidentID, title: String)]
}
