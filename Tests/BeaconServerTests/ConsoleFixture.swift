import BeaconApproval
import BeaconCore
import BeaconStore
import BeaconTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import BeaconServer

/// A store with one console user per layer and a sev1 incident whose playbook has a step for every layer and
/// an approval (and, for logistics incidents, a half-hourly progress update); the application around it, and
/// helpers to sign in and post forms.
struct ConsoleFixture {
    static let password = "correct horse battery"
    static let start = Date(timeIntervalSince1970: 1_790_000_000)
    /// The people of each layer, by login.
    static let logins: [Layer: String] = [.operation: "zhangmin", .execution: "wanglei", .decision: "lina"]

    static let config = BeaconConfig(
        channels: [Channel(id: "hook", type: .webhook, url: "http://127.0.0.1:9/hook")],
        chain: TestChain.chain(
            operation: [TestChain.zhangMin(["hook"])], execution: [TestChain.wangLei(["hook"], role: "CS director")],
            decision: [TestChain.liNa(["hook"])]),
        rules: [
            Rule(
                id: "payment-success-rate", title: "Payment success rate", category: .system,
                source: Source(url: "http://127.0.0.1:9/metrics", format: .prometheus),
                condition: .threshold(op: .below, levels: [.sev2: 0.9, .sev1: 0.8])),
            Rule(
                id: "queue-wait", title: "Queue wait", category: .service,
                source: Source(url: "http://127.0.0.1:9/queue", format: .json),
                condition: .threshold(op: .above, levels: [.sev3: 600])),
        ],
        playbooks: [
            Playbook(
                id: "payment-failure", title: "Payments failing", appliesTo: PlaybookScope(categories: [.system]),
                steps: [
                    PlaybookStep(
                        id: "confirm", title: "Confirm the failure and its scope", owner: .operation,
                        within: .seconds(300), checklist: ["Check the payment gateway dashboard"]),
                    PlaybookStep(
                        id: "root-cause", title: "Tech owner reports the cause", owner: .execution,
                        within: .seconds(600)),
                    PlaybookStep(
                        id: "user-notice", title: "Publish the user notice", owner: .operation, within: .seconds(900),
                        message: "Payment is temporarily unstable. Please try another payment method."),
                    PlaybookStep(
                        id: "compensation", title: "Approve compensation for affected orders", owner: .decision,
                        message: "Refund the delivery fee of every affected order, up to 20 yuan each.", approval: true,
                        minSeverity: .sev2),
                ]),
            Playbook(
                id: "complaints", title: "Complaints", appliesTo: PlaybookScope(categories: [.complaint]), steps: []),
            Playbook(
                id: "delays", title: "Deliveries delayed", appliesTo: PlaybookScope(categories: [.logistics]),
                steps: [
                    PlaybookStep(
                        id: "progress", title: "Progress update to the execution layer", owner: .operation,
                        every: .seconds(1_800))
                ]),
        ])

    let store: BeaconStore
    /// The application's clock: fixed, unless a test runs against real time (the browser).
    let clock: @Sendable () -> Date
    var now: Date { clock() }
    let incidentID: IncidentID
    let approvalID: ApprovalID
    var failing: [String: String] = [:]
    /// The configuration the application serves: `config`, unless a test sets a zone or a language.
    var served = ConsoleFixture.config

    /// - Parameter title: the incident's title, which tests of escaping make hostile.
    ///   - declaredAt: when the incident was declared.
    init(
        title: String = "Card payments failing", declaredAt: Date = ConsoleFixture.start,
        clock: @escaping @Sendable () -> Date = { ConsoleFixture.start.addingTimeInterval(120) }
    ) async throws {
        store = try BeaconStore.inMemory()
        self.clock = clock
        for (layer, login) in Self.logins {
            try await store.people.addUser(
                login: login, name: login.capitalized, layer: layer, admin: false,
                passwordHash: Credentials.hashPassword(Self.password, cost: 4), at: Self.start)
        }
        let ledger = IncidentLedger(store, planner: CommandPlanner(config: Self.config))
        let change = try await ledger.declare(
            title: title, category: .system, severity: .sev1, by: "zhangmin", at: declaredAt)
        incidentID = try #require(change.incident.id)
        approvalID = try #require(try store.approvals(incidentID).first?.id)
    }

    func application() -> some ApplicationProtocol {
        let config = served
        let clock = clock
        let failing = failing
        return BeaconHTTP.application(
            listen: ListenAddress(host: "127.0.0.1", port: 0),
            repositories: store.repositories(configuration: { config }),
            signer: ApprovalSigner(key: Array(repeating: 3, count: 32)), config: { config },
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }, now: clock,
            health: {
                HealthReport(storeOK: true, monitorRunning: true, targets: 0, failingSources: 0, outboxDepth: 0)
            },
            failingSources: { failing })
    }

    /// A signed-in browser: the session cookie and the session's CSRF token.
    struct Session {
        var cookie: String
        var csrf: String

        var headers: HTTPFields { [.cookie: "\(AuthMiddleware.cookieName)=\(cookie)"] }
    }

    /// The sign-in form's double-submit pair, as a browser that loaded the form sends it.
    static let loginToken = "sign-in-form-token"
    static var loginHeaders: HTTPFields {
        var headers = formHeaders
        headers[.cookie] = "beacon_login=\(loginToken)"
        return headers
    }

    /// Signs in through the form and returns the session it made.
    func signIn(_ client: some TestClientProtocol, as layer: Layer) async throws -> Session {
        let login = try #require(Self.logins[layer])
        let response = try await client.execute(
            uri: "/login", method: .post, headers: Self.loginHeaders,
            body: ByteBuffer(string: "login=\(login)&password=\(Self.escaped(Self.password))&csrf=\(Self.loginToken)"))
        #expect(response.status == .seeOther)
        let cookie = try #require(Self.cookie(AuthMiddleware.cookieName, in: response))
        let csrf = try #require(try await store.people.session(idHash: Credentials.sha256(cookie.value), at: now)?.csrf)
        return Session(cookie: cookie.value, csrf: csrf)
    }

    /// Posts a form as `session`; `csrf` nil leaves the token out.
    func post(
        _ client: some TestClientProtocol, _ uri: String, as session: Session, csrf: String?,
        _ fields: [(String, String)] = []
    ) async throws -> TestResponse {
        let all = (csrf.map { [("csrf", $0)] } ?? []) + fields
        let body = all.map { "\(Self.escaped($0.0))=\(Self.escaped($0.1))" }.joined(separator: "&")
        var headers = session.headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// Fetches a page as `session`, carrying a one-time message cookie when there is one.
    func get(
        _ client: some TestClientProtocol, _ uri: String, as session: Session?, flash: String? = nil,
        language: Language? = nil
    ) async throws -> TestResponse {
        var cookies: [String] = language.map { ["\(ConsoleLanguageMiddleware.cookieName)=\($0.rawValue)"] } ?? []
        if let session { cookies.append("\(AuthMiddleware.cookieName)=\(session.cookie)") }
        if let flash { cookies.append("\(ConsoleResponse.flashCookieName)=\(flash)") }
        let headers: HTTPFields = cookies.isEmpty ? [:] : [.cookie: cookies.joined(separator: "; ")]
        return try await client.execute(uri: uri, method: .get, headers: headers)
    }

    /// Follows a form's 303 to the page it names, showing the message it left.
    func follow(
        _ client: some TestClientProtocol, _ response: TestResponse, as session: Session
    ) async throws
        -> (location: String, html: String)
    {
        #expect(response.status == .seeOther)
        let location = try #require(response.headers[.location])
        let flash = Self.cookie(ConsoleResponse.flashCookieName, in: response)?.value
        let page = try await get(client, location, as: session, flash: flash)
        #expect(page.status == .ok)
        return (location, String(buffer: page.body))
    }

    static let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    static func escaped(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }

    /// A cookie the response sets: its value and attributes as sent.
    static func cookie(_ name: String, in response: TestResponse) -> (value: String, attributes: [String])? {
        for header in response.headers[values: .setCookie] {
            let parts = header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let first = parts.first, first.hasPrefix("\(name)=") else { continue }
            return (String(first.dropFirst(name.count + 1)), Array(parts.dropFirst()))
        }
        return nil
    }
}
