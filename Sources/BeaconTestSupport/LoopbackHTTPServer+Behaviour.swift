extension LoopbackHTTPServer {
    /// What the server does with a request to one path.
    public indirect enum Behaviour: Sendable, Hashable {
        /// Answers with this status, body and content type.
        case respond(status: Int = 200, body: String, contentType: String = "text/plain; charset=utf-8")
        /// Answers this status with a one-line text body (`.status(500)`, `.status(503)`).
        case status(Int)
        /// Reads the request and never answers until the server stops (then a 503, or the connection closes).
        case hang
        /// Answers 200 with a body that is neither JSON nor Prometheus text (and not even valid UTF-8).
        case garbage
        /// Answers 200 and streams a body of `bytes` bytes, chunked, or with a `Content-Length` announcing the
        /// size up front when `declaresLength` is true.
        case oversized(bytes: Int, declaresLength: Bool = false)
        /// Waits `delay` (cut short when the server stops), then behaves as `then`.
        case slow(delay: Duration, then: Behaviour)

        /// Answers `body` as `application/json`.
        public static func json(_ body: String, status: Int = 200) -> Behaviour {
            .respond(status: status, body: body, contentType: "application/json")
        }

        /// Answers `body` as Prometheus text exposition.
        public static func prometheus(_ body: String) -> Behaviour {
            .respond(status: 200, body: body, contentType: "text/plain; version=0.0.4; charset=utf-8")
        }

        /// The bytes `.garbage` sends: a JSON document cut short, invalid UTF-8, and lines no metric parser reads.
        public static let garbageBody: [UInt8] =
            Array("{\"status\": \"ok\", \"up\": [1, 2,\n".utf8) + [0xFF, 0xFE, 0x00, 0xC3]
            + Array("\n<<< not a metric >>> {{{ ???\n".utf8)
    }
}
