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

/// The console's on-call page: who holds each layer now and for two weeks, gaps flagged; a lead takes a shift,
/// and a director sees it (on the page and in the dashboard's header) but cannot change the leads' roster.
struct OnCallPageTests {
    static let zone = TimeZone(identifier: "Asia/Shanghai")!
    static let now = LocalDateTime(parsing: "2027-02-03T10:00")!.date(in: zone)
    let store: BeaconStore
    let config: BeaconConfig

    init() async throws {
        let config = TestChain.rostered(
            BeaconConfig(
                channels: [Channel(id: "hook", type: .webhook, url: "http://127.0.0.1:9/hook", audience: .personal)],
                chain: TestChain.chain(
                    operation: [TestChain.zhangMin(["hook"]), TestChain.chenXiao(["hook"])],
                    execution: [TestChain.wangLei(["hook"])], decision: [TestChain.liNa(["hook"])])),
            shift: .seconds(86_400), handoff: "2027-02-01T08:00", hours: "08:00-20:00", zone: Self.zone)
        self.config = config
        store = try BeaconStore.inMemory()
        for (login, layer) in [("chenxiao", Layer.operation), ("wanglei", .execution)] {
            try await store.people.addUser(
                login: login, name: login, layer: layer, admin: false,
                passwordHash: Credentials.hashPassword(ConsoleFixture.password, cost: 4), at: Self.now)
        }
    }

    func application() -> some ApplicationProtocol {
        let config = config
        return BeaconHTTP.application(
            listen: ListenAddress(host: "127.0.0.1", port: 0),
            repositories: store.repositories(configuration: { config }),
            signer: ApprovalSigner(key: Array(repeating: 3, count: 32)), config: { config },
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }, now: { Self.now },
            health: {
                HealthReport(storeOK: true, monitorRunning: true, targets: 0, failingSources: 0, outboxDepth: 0)
            })
    }

    func signIn(_ client: some TestClientProtocol, _ login: String) async throws -> ConsoleFixture.Session {
        let response = try await client.execute(
            uri: "/login", method: .post, headers: ConsoleFixture.loginHeaders,
            body: ByteBuffer(
                string: "login=\(login)&password=\(ConsoleFixture.escaped(ConsoleFixture.password))"
                    + "&csrf=\(ConsoleFixture.loginToken)"))
        #expect(response.status == .seeOther)
        let cookie = try #require(ConsoleFixture.cookie(AuthMiddleware.cookieName, in: response))
        let csrf = try #require(
            try await store.people.session(idHash: Credentials.sha256(cookie.value), at: Self.now)?.csrf)
        return ConsoleFixture.Session(cookie: cookie.value, csrf: csrf)
    }

    func page(
        _ client: some TestClientProtocol, _ uri: String, as session: ConsoleFixture.Session
    ) async throws
        -> String
    {
        let response = try await client.execute(uri: uri, method: .get, headers: session.headers)
        #expect(response.status == .ok)
        return String(buffer: response.body)
    }

    func post(
        _ client: some TestClientProtocol, _ uri: String, as session: ConsoleFixture.Session,
        _ fields: [(String, String)]
    ) async throws -> TestResponse {
        let body = ([("csrf", session.csrf)] + fields).map {
            "\(ConsoleFixture.escaped($0.0))=\(ConsoleFixture.escaped($0.1))"
        }.joined(separator: "&")
        var headers = session.headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    @Test func aLeadTakesAShiftAndADirectorSeesIt() async throws {
        try await application().test(.router) { client in
            let lead = try await signIn(client, "chenxiao")
            let before = try await page(client, "/oncall", as: lead)
            #expect(before.contains(#"<p class="now" id="now-operation">On duty now: <strong>Zhang Min</strong></p>"#))
            #expect(before.contains(#"id="gaps-operation""#), "nights are uncovered")
            #expect(before.contains(#"id="override-form-operation""#))
            let taken = try await post(
                client, "/oncall/cs-duty/overrides", as: lead,
                [("person", "chenxiao"), ("from", "2027-02-03T09:00"), ("to", "2027-02-03T20:00"), ("reason", "swap")])
            #expect(taken.status == .seeOther)

            let director = try await signIn(client, "wanglei")
            let after = try await page(client, "/oncall", as: director)
            #expect(after.contains(#"On duty now: <strong>Chen Xiao</strong>"#))
            #expect(after.contains("by chenxiao — swap"))
            #expect(!after.contains(#"id="override-form-operation""#), "only the layer's people change its roster")
            let dashboard = try await page(client, "/", as: director)
            #expect(dashboard.contains(#"<strong>operation</strong> Chen Xiao"#))
            let refused = try await post(
                client, "/oncall/cs-duty/overrides", as: director,
                [("person", "zhangmin"), ("from", "2027-02-04T09:00"), ("to", "2027-02-04T20:00")])
            #expect(refused.status == .forbidden)
            #expect(String(buffer: refused.body).contains("Only people of the operation layer"))
        }
    }
}
