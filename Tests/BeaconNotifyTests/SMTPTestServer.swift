import Foundation

/// A real SMTP server for tests: aiosmtpd (Debian's `python3-aiosmtpd`) in a Python subprocess on 127.0.0.1.
///
/// Every accepted message is parsed by Python's own `email` package, independently of Beacon's writer, and
/// saved as JSON. Recipients named `greylisted@…` are refused with 451, `nobody@…` with 550. The subprocess
/// exits when stopped, when the test process goes away, or after two minutes, whichever comes first.
final class SMTPTestServer: Sendable {
    private let server: PythonTestServer

    private init(_ server: PythonTestServer) {
        self.server = server
    }

    var port: Int { server.port }

    /// `smtp://127.0.0.1:<port>`.
    var url: String { "smtp://127.0.0.1:\(port)" }

    /// Starts the server and returns once it listens, waiting at most 15 seconds.
    static func start() async throws -> SMTPTestServer {
        SMTPTestServer(try await PythonTestServer.start(script, requiring: "aiosmtpd"))
    }

    /// Stops the server; every wait bounded.
    func stop() async { await server.stop() }

    /// The messages accepted so far, oldest first.
    func messages() throws -> [ReceivedMail] {
        let directory = server.directory
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasPrefix("message-") && $0.hasSuffix(".json") }
            .sorted { $0.count == $1.count ? $0 < $1 : $0.count < $1.count }
        return try names.map { name in
            let data = try Data(contentsOf: URL(fileURLWithPath: directory.file(name)))
            return try JSONDecoder().decode(ReceivedMail.self, from: data)
        }
    }

    private static let script = #"""
        import asyncio, email, json
        from email import policy
        from aiosmtpd.smtp import SMTP

        class Handler:
            def __init__(self):
                self.count = 0

            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                local = address.split("@")[0]
                if local == "greylisted":
                    return "451 4.7.1 Greylisted, try again later"
                if local == "nobody":
                    return "550 5.1.1 No such user here"
                envelope.rcpt_tos.append(address)
                return "250 OK"

            async def handle_DATA(self, server, session, envelope):
                self.count += 1
                raw = envelope.content
                message = email.message_from_bytes(raw, policy=policy.default)
                parts = message.iter_parts() if message.is_multipart() else [message]
                record = {
                    "mailFrom": envelope.mail_from,
                    "rcptTos": envelope.rcpt_tos,
                    "headers": {name: str(value) for name, value in message.items()},
                    "contentType": message.get_content_type(),
                    "parts": [
                        {"contentType": part.get_content_type(), "charset": part.get_content_charset() or "",
                         "encoding": part.get("Content-Transfer-Encoding", ""), "content": part.get_content()}
                        for part in parts
                    ],
                    "raw": raw.decode("utf-8", "replace"),
                }
                path = os.path.join(outdir, "message-%d.json" % self.count)
                with open(path + ".tmp", "w") as out:
                    json.dump(record, out)
                os.rename(path + ".tmp", path)
                return "250 OK queued as beacon-%d" % self.count

        async def main():
            loop = asyncio.get_running_loop()
            handler = Handler()
            server = await loop.create_server(lambda: SMTP(handler, hostname="beacon-test"), "127.0.0.1", 0)
            publish_port(server.sockets[0].getsockname()[1])
            while keep_running():
                await asyncio.sleep(0.2)

        asyncio.run(main())
        """#
}

/// One message as the SMTP test server received and parsed it.
struct ReceivedMail: Decodable {
    struct Part: Decodable {
        var contentType: String
        var charset: String
        var encoding: String
        /// Decoded from its transfer encoding and charset.
        var content: String
    }

    var mailFrom: String
    var rcptTos: [String]
    /// Decoded (RFC 2047 words become text).
    var headers: [String: String]
    var contentType: String
    var parts: [Part]
    var raw: String

    func part(_ contentType: String) -> Part? { parts.first { $0.contentType == contentType } }
}
