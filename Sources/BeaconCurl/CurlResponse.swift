/// What the server answered to a completed transfer.
public struct CurlResponse: Sendable, Hashable {
    /// The HTTP status, or the last SMTP reply code (250 once a message is accepted).
    public var status: Int
    /// The response body, at most the client's `maxResponseBytes`; HTTP only.
    public var body: [UInt8]
    /// Whether the body was longer than what was kept.
    public var bodyTruncated: Bool
    /// SMTP: the server's last reply line (`250 OK queued as 1A2B`).
    public var reply: String?
    /// Whether the transfer went over a connection already open from an earlier one.
    public var reusedConnection: Bool

    public init(
        status: Int, body: [UInt8] = [], bodyTruncated: Bool = false, reply: String? = nil,
        reusedConnection: Bool = false
    ) {
        self.status = status
        self.body = body
        self.bodyTruncated = bodyTruncated
        self.reply = reply
        self.reusedConnection = reusedConnection
    }

    /// The body decoded as UTF-8, invalid bytes replaced.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
