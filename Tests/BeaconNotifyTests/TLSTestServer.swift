import BeaconTestSupport
import Foundation

/// An HTTPS server for tests with a self-signed certificate made for it by the `openssl` command: Python's
/// `http.server` behind `ssl`, on 127.0.0.1. It answers every POST with 200 and `ok`, and counts them.
final class TLSTestServer: Sendable {
    private let server: PythonTestServer

    private init(_ server: PythonTestServer) {
        self.server = server
    }

    /// The certificate, which is its own certification authority: trusting this file trusts the server.
    var certificateFile: String { server.directory.file("cert.pem") }

    /// `https://127.0.0.1:<port><path>`.
    func url(_ path: String) -> String { "https://127.0.0.1:\(server.port)\(path)" }

    /// The number of requests answered.
    var requestCount: Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: server.directory.path)) ?? []
        return names.filter { $0.hasPrefix("request-") }.count
    }

    /// Makes a certificate for `subjectAltName` (`IP:127.0.0.1`, `DNS:elsewhere.test`) and starts the server.
    static func start(subjectAltName: String) async throws -> TLSTestServer {
        let directory = TemporaryDirectory()
        let status = await PythonTestServer.exitStatus(
            "/usr/bin/env",
            [
                "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-days", "2", "-subj", "/CN=beacon-test", "-addext", "subjectAltName=\(subjectAltName)",
                "-keyout", directory.file("key.pem"), "-out", directory.file("cert.pem"),
            ])
        guard status == 0 else { throw FixtureError("`openssl req` could not make a test certificate.") }
        return TLSTestServer(try await PythonTestServer.start(script, requiring: "ssl", in: directory))
    }

    func stop() async { await server.stop() }

    private static let script = #"""
        import http.server, ssl, threading

        class Handler(http.server.BaseHTTPRequestHandler):
            count = 0

            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length", "0")))
                Handler.count += 1
                open(os.path.join(outdir, "request-%d" % Handler.count), "w").close()
                self.send_response(200)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(os.path.join(outdir, "cert.pem"), os.path.join(outdir, "key.pem"))
        server.socket = context.wrap_socket(server.socket, server_side=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        publish_port(server.server_address[1])
        while keep_running():
            time.sleep(0.2)
        """#
}
