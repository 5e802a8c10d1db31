import Foundation

/// A real SMTP server for tests: aiosmtpd (Debian's `python3-aiosmtpd`) in a Python subprocess on 127.0.0.1.
///
/// Every accepted message is parsed by Python's own `email` package, independently of Beacon's writer, and
/// saved as JSON. Recipients named `greylisted@…` are refused with 451, `nobody@…` with 550. The subprocess
/// exits when stopped, when the test process goes away, or after two minutes, whichever comes first.
final class SMTPTestServer: @unchecked Sendable {
    let port: Int
    private let directory: TemporaryDirectory
    private let process: Process

    private init(port: Int, directory: TemporaryDirectory, process: Process) {
        self.port = port
        self.directory = directory
        self.process = process
    }

    /// A server the test forgot to stop is killed at once.
    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// `smtp://127.0.0.1:<port>`.
    var url: String { "smtp://127.0.0.1:\(port)" }

    /// Starts the server and returns once it listens, waiting at most 15 seconds.
    static func start() async throws -> SMTPTestServer {
        let python = try await pythonWithAiosmtpd()
        let directory = TemporaryDirectory()
        try script.write(toFile: directory.file("smtp_server.py"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [directory.file("smtp_server.py"), directory.path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        _ = FileManager.default.createFile(atPath: directory.file("server.log"), contents: nil)
        process.standardError = FileHandle(forWritingAtPath: directory.file("server.log"))
        try process.run()
        let portFile = directory.file("port")
        for _ in 0..<600 {
            if let text = try? String(contentsOfFile: portFile, encoding: .utf8),
                let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                return SMTPTestServer(port: port, directory: directory, process: process)
            }
            guard process.isRunning else { break }
            try await ContinuousClock().sleep(for: .milliseconds(25))
        }
        let log = (try? String(contentsOfFile: directory.file("server.log"), encoding: .utf8)) ?? ""
        await SMTPTestServer(port: 0, directory: directory, process: process).stop()
        throw FixtureError("The SMTP test server did not start within 15 s: \(log)")
    }

    /// The messages accepted so far, oldest first.
    func messages() throws -> [ReceivedMail] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasPrefix("message-") && $0.hasSuffix(".json") }
            .sorted { $0.count == $1.count ? $0 < $1 : $0.count < $1.count }
        return try names.map { name in
            let data = try Data(contentsOf: URL(fileURLWithPath: directory.file(name)))
            return try JSONDecoder().decode(ReceivedMail.self, from: data)
        }
    }

    /// Stops the subprocess: SIGTERM, then SIGKILL if it has not exited within 5 seconds. Waits without
    /// blocking a thread, since the HTTP servers of tests running alongside need the same few threads.
    func stop() async {
        guard process.isRunning else { return }
        process.terminate()
        for _ in 0..<500 where process.isRunning {
            try? await ContinuousClock().sleep(for: .milliseconds(10))
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// A Python 3 that can import aiosmtpd: Debian's own first, since the first `python3` on the PATH may be
    /// another installation without Debian's packages.
    private static func pythonWithAiosmtpd() async throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let candidates = ["/usr/bin/python3"] + path.split(separator: ":").map { "\($0)/python3" }
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
            if await exitStatus(candidate, ["-c", "import aiosmtpd"]) == 0 { return candidate }
        }
        throw FixtureError(
            "No python3 with aiosmtpd: install Debian's python3-aiosmtpd (scripts/install-deps.sh test).")
    }

    /// Runs a short command to its end without blocking a thread; nil when it cannot start.
    private static func exitStatus(_ executable: String, _ arguments: [String]) async -> Int32? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        return await withCheckedContinuation { (continuation: CheckedContinuation<Int32?, Never>) in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(returning: nil)
            }
        }
    }

    private static let script = #"""
        import asyncio, email, json, os, signal, sys, time
        from email import policy
        from aiosmtpd.smtp import SMTP

        # A child of Foundation's Process inherits the test thread's signal mask, which blocks SIGTERM.
        signal.pthread_sigmask(signal.SIG_SETMASK, [])
        outdir = sys.argv[1]
        parent = os.getppid()

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
            port = server.sockets[0].getsockname()[1]
            with open(os.path.join(outdir, "port.tmp"), "w") as out:
                out.write(str(port))
            os.rename(os.path.join(outdir, "port.tmp"), os.path.join(outdir, "port"))
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and os.getppid() == parent:
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
