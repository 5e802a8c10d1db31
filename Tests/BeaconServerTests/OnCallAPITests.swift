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

/// `GET /api/oncall` and the rosters' overrides over the API, with the operation layer rostered in 12-hour shifts.
struct OnCallAPITests {
    let store: BeaconStore
    let tokens: [String: String]
    let config: BeaconConfig

    init() async throws {
        let config = TestChain.rostered(
            BeaconConfig(
                channels: [Channel(id: "hook", type: .webhook, url: "http://127.0.0.1:9/hook", audience: .personal)],
                chain: TestChain.chain(
                    operation: [TestChain.zhangMin(["hook"]), TestChain.chenXiao(["hook"])],
                    execution: [TestChain.wangLei(["hook"])], decision: [TestChain.liNa(["hook"])])),
            shift: .seconds(12 * 3_600), handoff: "2027-02-01T08:00", zone: TimeZone(identifier: "Asia/Shanghai")!)
        self.config = config
        store = try BeaconStore.inMemory()
        var tokens: [String: String] = [:]
        for (login, layer) in [("chenxiao", Layer.operation), ("wanglei", .execution)] {
            try await store.people.addUser(
                login: login, name: login, layer: layer, admin: false, passwordHash: nil, at: Date())
            let made = Credentials.newToken()
            try await store.people.addToken(login: login, hash: made.hash, prefix: made.prefix, at: Date())
            tokens[login] = made.token
        }
        self.tokens = tokens
    }

    func application() -> some ApplicationProtocol {
        let config = config
        return BeaconHTTP.application(
            listen: ListenAddress(host: "127.0.0.1", port: 0),
            repositories: store.repositories(configuration: { config }),
            signer: ApprovalSigner(key: Array(repeating: 1, count: 32)), config: { config },
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() },
            now: { Date(timeIntervalSince1970: 1_800_000_000) },
            health: {
                HealthReport(storeOK: true, monitorRunning: true, targets: 0, failingSources: 0, outboxDepth: 0)
            })
    }

    func headers(_ login: String) -> HTTPFields {
        [.authorization: "Bearer \(tokens[login]!)", .contentType: "application/json"]
    }

    func onDuty(_ client: some TestClientProtocol, at time: String) async throws -> [String] {
        let response = try await client.execute(
            uri: "/api/oncall?at=\(time)", method: .get, headers: headers("wanglei"))
        #expect(response.status == .ok)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
        let layers = try #require(object["layers"] as? [[String: Any]])
        let operation = try #require(layers.first { $0["layer"] as? String == "operation" })
        return (operation["on_duty"] as? [[String: Any]] ?? []).compactMap { $0["login"] as? String }
    }

    @Test func showsWhoIsOnDutyAndTakesOverridesFromPeopleOfTheLayerOnly() async throws {
        try await application().test(.router) { client in
            #expect(try await client.execute(uri: "/api/oncall", method: .get).status == .unauthorized)
            #expect(try await onDuty(client, at: "2027-02-02T10:00") == ["zhangmin"])
            #expect(try await onDuty(client, at: "2027-02-02T21:00") == ["chenxiao"])
            let body = #"{"person":"zhangmin","from":"2027-02-02T20:00","to":"2027-02-03T08:00","reason":"swap"}"#
            let refused = try await client.execute(
                uri: "/api/rosters/cs-duty/overrides", method: .post, headers: headers("wanglei"),
                body: ByteBuffer(string: body))
            #expect(refused.status == .forbidden, "wanglei is not of the operation layer")
            let made = try await client.execute(
                uri: "/api/rosters/cs-duty/overrides", method: .post, headers: headers("chenxiao"),
                body: ByteBuffer(string: body))
            #expect(made.status == .created)
            let location = try #require(made.headers[.location])
            #expect(location == "/api/rosters/cs-duty/overrides/1")
            #expect(try await onDuty(client, at: "2027-02-02T21:00") == ["zhangmin"])
            let badTime = try await client.execute(
                uri: "/api/rosters/cs-duty/overrides", method: .post, headers: headers("chenxiao"),
                body: ByteBuffer(string: #"{"person":"zhangmin","from":"tonight","to":"2027-02-03T08:00"}"#))
            #expect(badTime.status == .badRequest)
            let removed = try await client.execute(uri: location, method: .delete, headers: headers("chenxiao"))
            #expect(removed.status == .noContent)
            #expect(try await onDuty(client, at: "2027-02-02T21:00") == ["chenxiao"])
            #expect(
                try await client.execute(uri: location, method: .delete, headers: headers("chenxiao")).status
                    == .notFound)
        }
    }
}
