/// One request for ``CurlClient``: an HTTP POST, or an e-mail sent over SMTP.
public struct CurlRequest: Sendable, Hashable {
    /// One HTTP request header.
    public struct Header: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }

        /// `Name: value`, with line breaks turned into spaces so a configured value cannot smuggle in a header.
        var line: String {
            let clean = { (text: String) in
                String(text.map { $0 == "\r" || $0 == "\n" ? " " : $0 })
            }
            return "\(clean(name)): \(clean(value))"
        }
    }

    /// What the request does with its body.
    public enum Kind: Sendable, Hashable {
        /// POSTs the body over `http://` or `https://`.
        case post
        /// Uploads the body, a complete RFC 5322 message, over `smtp://` or `smtps://`.
        case mail(MailEnvelope)
    }

    public var url: String
    public var kind: Kind
    /// HTTP only.
    public var headers: [Header]
    public var body: [UInt8]
    /// The whole transfer, connecting included, must finish within it; time spent waiting for a free slot in
    /// the client does not count.
    public var timeout: Duration
    /// HTTP basic authentication, or the SMTP login.
    public var username: String?
    public var password: String?

    public init(
        url: String, kind: Kind, headers: [Header] = [], body: [UInt8], timeout: Duration, username: String? = nil,
        password: String? = nil
    ) {
        self.url = url
        self.kind = kind
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.username = username
        self.password = password
    }

    /// An HTTP POST of `body`.
    public static func post(_ url: String, headers: [Header] = [], body: [UInt8], timeout: Duration) -> CurlRequest {
        CurlRequest(url: url, kind: .post, headers: headers, body: body, timeout: timeout)
    }

    /// An e-mail: `message` is the whole RFC 5322 message (headers, blank line, body) with CRLF line ends.
    public static func mail(
        _ url: String, envelope: MailEnvelope, message: [UInt8], timeout: Duration
    )
        -> CurlRequest
    {
        CurlRequest(url: url, kind: .mail(envelope), body: message, timeout: timeout)
    }
}
