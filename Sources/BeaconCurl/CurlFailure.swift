public import CCurl

/// Why a request got no usable answer.
public struct CurlFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure, for deciding whether to try again.
    public enum Code: Sendable, Hashable {
        /// No complete answer within the request's timeout.
        case timedOut
        /// The server could not be reached: refused, unresolvable, unreachable.
        case unreachable
        /// The connection broke, or the server answered nonsense.
        case connectionBroken
        /// The server's certificate is not trusted for its name.
        case untrustedCertificate
        /// The TLS handshake failed.
        case tlsFailed
        /// An SMTP server refused the login, the sender, a recipient or the message; ``replyCode`` says how.
        case rejected
        /// The response was larger than the transfer accepts.
        case tooLarge
        /// The request cannot work as written: a malformed URL, an unsupported scheme, TLS required but not
        /// offered.
        case invalidRequest
        /// The client shut down before the request finished.
        case shutDown
        /// The task awaiting the request was cancelled.
        case cancelled
        /// Anything else libcurl reports.
        case other
    }

    public var code: Code
    /// A sentence safe to show a user (on the incident's timeline).
    public var message: String
    /// SMTP: the reply code of the refusal (`550`), when the server gave one.
    public var replyCode: Int?

    public init(_ code: Code, _ message: String, replyCode: Int? = nil) {
        self.code = code
        self.message = message
        self.replyCode = replyCode
    }

    public var description: String { message }

    /// Whether trying the same request again later may succeed.
    ///
    /// A refusal is retryable only when the server said so with a 4xx reply (greylisting, a full mailbox, rate
    /// limits); a distrusted certificate or a request that cannot work stays failed until someone fixes the
    /// configuration, so the outbox falls over to the next channel at once.
    public var isRetryable: Bool {
        switch code {
        case .timedOut, .unreachable, .connectionBroken, .tlsFailed, .shutDown, .cancelled, .other: true
        case .rejected: replyCode.map { (400..<500).contains($0) } ?? false
        case .untrustedCertificate, .invalidRequest, .tooLarge: false
        }
    }

    /// The failure for a libcurl result code.
    /// - Parameters:
    ///   - detail: libcurl's error buffer, which names the SMTP command that failed (`RCPT failed: 550`).
    ///   - replyCode: the last response code the server sent, if any.
    ///   - reply: the server's last reply line, if any.
    ///   - detail: libcurl's error buffer, or empty for the short sentence alone (what a dashboard shows).
    public static func from(
        _ result: CURLcode, detail: String = "", replyCode: Int = 0, reply: String? = nil, timeout: Duration
    )
        -> CurlFailure
    {
        let why = detail.isEmpty ? "" : " (\(detail))"
        let detail = detail.isEmpty ? String(cString: curl_easy_strerror(result)) : detail
        switch result {
        case CURLE_OPERATION_TIMEDOUT:
            return CurlFailure(.timedOut, "no response within \(Self.seconds(timeout))")
        case CURLE_COULDNT_CONNECT: return CurlFailure(.unreachable, "connection refused" + why)
        case CURLE_COULDNT_RESOLVE_HOST: return CurlFailure(.unreachable, "host not found" + why)
        case CURLE_PEER_FAILED_VERIFICATION:
            return CurlFailure(.untrustedCertificate, "TLS certificate not trusted" + why)
        case CURLE_SSL_CONNECT_ERROR: return CurlFailure(.tlsFailed, "TLS handshake failed" + why)
        case CURLE_USE_SSL_FAILED:
            return CurlFailure(.invalidRequest, "the mail server does not offer STARTTLS, which is required")
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            return CurlFailure(.invalidRequest, "the URL cannot be used" + why)
        case CURLE_FILESIZE_EXCEEDED:
            return CurlFailure(.tooLarge, "response too large")
        case CURLE_LOGIN_DENIED:
            return CurlFailure(
                .rejected, "the mail server refused the login" + Self.quoting(reply),
                replyCode: replyCode > 0 ? replyCode : nil)
        default:
            if replyCode >= 400 {
                return CurlFailure(.rejected, detail + Self.quoting(reply), replyCode: replyCode)
            }
            switch result {
            case CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_WEIRD_SERVER_REPLY:
                return CurlFailure(.connectionBroken, "connection broken" + why)
            default: return CurlFailure(.other, detail)
            }
        }
    }

    private static func quoting(_ reply: String?) -> String {
        guard let reply, !reply.isEmpty else { return "" }
        return ": \(reply)"
    }

    /// `5s`, `300ms`.
    static func seconds(_ duration: Duration) -> String {
        let milliseconds = CurlDefaults.milliseconds(duration)
        return milliseconds % 1000 == 0 ? "\(milliseconds / 1000)s" : "\(milliseconds)ms"
    }
}
