public import Foundation

extension LoopbackHTTPServer {
    /// One request as the server received it.
    public struct RecordedRequest: Sendable, Hashable {
        /// One header line, as sent.
        public struct Header: Sendable, Hashable {
            public var name: String
            public var value: String

            public init(name: String, value: String) {
                self.name = name
                self.value = value
            }
        }

        /// `GET`, `POST`, …
        public var method: String
        /// The path without the query (`/hook`).
        public var path: String
        /// The query without the `?`, if any.
        public var query: String?
        /// In the order received.
        public var headers: [Header]
        public var body: [UInt8]
        /// When the request's body had been read, by the server's `now`.
        public var receivedAt: Date
        /// The client's port: requests from the same port came over the same (kept-alive) connection.
        public var clientPort: Int?

        public init(
            method: String, path: String, query: String? = nil, headers: [Header] = [], body: [UInt8] = [],
            receivedAt: Date, clientPort: Int? = nil
        ) {
            self.method = method
            self.path = path
            self.query = query
            self.headers = headers
            self.body = body
            self.receivedAt = receivedAt
            self.clientPort = clientPort
        }

        /// The body decoded as UTF-8 (invalid bytes replaced).
        public var bodyText: String { String(decoding: body, as: UTF8.self) }

        /// The first value of a header, matched without regard to case.
        public func header(_ name: String) -> String? {
            headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
    }
}
