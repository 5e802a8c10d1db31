import Foundation
import Hummingbird
import HummingbirdTesting

/// A small W3C WebDriver client: the commands the console's browser test needs, as JSON over HTTP to
/// chromedriver on 127.0.0.1. Every request has its own connection and a bounded wait.
struct WebDriver: Sendable {
    /// A WebDriver error reply (`no such element`, `stale element reference`…) or a transport failure.
    struct Failure: Error, CustomStringConvertible {
        var error: String
        var message: String
        var description: String { "WebDriver \(error): \(message)" }
    }

    /// An element of the page, by the id the driver gave it.
    struct Element: Sendable {
        var id: String
    }

    static let elementKey = "element-6066-11e4-a52e-4f735466cecf"

    let port: Int
    let session: String

    /// Starts headless Chromium on a phone-sized screen.
    /// - Parameters:
    ///   - profile: the browser's profile folder, which also tells its processes apart from any other Chromium.
    static func newSession(
        port: Int, chromium: String, profile: String, width: Int, height: Int
    ) async throws
        -> WebDriver
    {
        let options: [String: Any] = [
            "binary": chromium,
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--user-data-dir=\(profile)", "--window-size=\(width),\(height)", "--no-first-run",
                "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
            ],
            "mobileEmulation": ["deviceMetrics": ["width": width, "height": height, "pixelRatio": 2]],
        ]
        let capabilities: [String: Any] = [
            "capabilities": ["alwaysMatch": ["browserName": "chrome", "goog:chromeOptions": options]]
        ]
        let reply = try await request(port: port, .post, "/session", capabilities, timeout: .seconds(90))
        guard let value = reply as? [String: Any], let session = value["sessionId"] as? String else {
            throw Failure(error: "session not created", message: "\(reply)")
        }
        return WebDriver(port: port, session: session)
    }

    func quit() async {
        _ = try? await Self.request(port: port, .delete, "/session/\(session)", nil, timeout: .seconds(30))
    }

    func open(_ url: String) async throws {
        _ = try await command(.post, "url", ["url": url], timeout: .seconds(60))
    }

    func currentURL() async throws -> String {
        try await command(.get, "url") as? String ?? ""
    }

    func find(_ selector: String) async throws -> Element {
        let reply = try await command(.post, "element", ["using": "css selector", "value": selector])
        guard let object = reply as? [String: Any], let id = object[Self.elementKey] as? String else {
            throw Failure(error: "no such element", message: selector)
        }
        return Element(id: id)
    }

    func click(_ selector: String) async throws {
        let element = try await find(selector)
        _ = try await command(.post, "element/\(element.id)/click", [:], timeout: .seconds(60))
    }

    func type(_ text: String, into selector: String) async throws {
        let element = try await find(selector)
        _ = try await command(.post, "element/\(element.id)/value", ["text": text])
    }

    func text(_ selector: String) async throws -> String {
        let element = try await find(selector)
        return try await command(.get, "element/\(element.id)/text") as? String ?? ""
    }

    /// Runs a script in the page and returns what it returns.
    @discardableResult
    func run(_ script: String, _ arguments: [Any] = []) async throws -> Any {
        try await command(.post, "execute/sync", ["script": script, "args": arguments])
    }

    /// A PNG of the viewport.
    func screenshot() async throws -> Data {
        guard let text = try await command(.get, "screenshot") as? String, let data = Data(base64Encoded: text) else {
            throw Failure(error: "screenshot", message: "no image in the reply")
        }
        return data
    }

    /// Polls until `condition` holds, at most `timeout`; the page may be navigating meanwhile.
    func wait(
        _ what: String, timeout: Duration = .seconds(20), until condition: () async throws -> Bool
    ) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var lastError: (any Error)?
        while clock.now < deadline {
            do {
                if try await condition() { return }
            } catch {
                lastError = error
            }
            try await clock.sleep(for: .milliseconds(100))
        }
        throw Failure(
            error: "timeout", message: "waited \(timeout) for \(what)" + (lastError.map { "; last error: \($0)" } ?? "")
        )
    }

    private func command(
        _ method: HTTPRequest.Method, _ path: String, _ body: [String: Any]? = nil, timeout: Duration = .seconds(30)
    ) async throws -> Any {
        try await Self.request(port: port, method, "/session/\(session)/\(path)", body, timeout: timeout)
    }

    /// One request; a WebDriver error reply is thrown as a `Failure`.
    /// - Returns: the reply's `value`.
    static func request(
        port: Int, _ method: HTTPRequest.Method, _ path: String, _ body: [String: Any]?, timeout: Duration
    ) async throws -> Any {
        let data = try body.map { try JSONSerialization.data(withJSONObject: $0) }
        let request = TestClient.Request(
            path, method: method, authority: "127.0.0.1:\(port)",
            headers: data == nil ? [:] : [.contentType: "application/json; charset=utf-8"],
            body: data.map { ByteBuffer(bytes: $0) })
        let response = try await TestClient.withClient(
            host: "127.0.0.1", port: port, configuration: .init(timeout: timeout)
        ) { client in
            try await client.execute(request)
        }
        let bytes = response.body.map { Data(buffer: $0) } ?? Data()
        let object = (try? JSONSerialization.jsonObject(with: bytes)) as? [String: Any]
        let value = object?["value"] ?? NSNull()
        if let error = value as? [String: Any], let kind = error["error"] as? String {
            throw Failure(error: kind, message: error["message"] as? String ?? "")
        }
        guard response.status.code < 400 else {
            throw Failure(error: "HTTP \(response.status.code)", message: String(decoding: bytes, as: UTF8.self))
        }
        return value
    }
}
