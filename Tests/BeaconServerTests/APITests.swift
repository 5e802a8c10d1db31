import BeaconApproval
import BeaconCore
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import BeaconServer

@Suite struct APITests {
    let store: BeaconStore
    /// The server tests' chain, with Sun Li, a second director, who has no user yet.
    let config: BeaconConfig = {
        var config = ApprovalLinkTests.chainConfig
        config.chain.execution.people.append(Person(name: "Sun Li", login: "sunli", channels: ["hook"]))
        return config
    }()
    let tokens: [String: String]

    init() async throws {
        store = try BeaconStore.inMemory()
        var tokens: [String: String] = [:]
        for (login, layer) in [("zhangmin", Layer.operation), ("wanglei", .execution), ("lina", .decision)] {
            try await store.people.addUser(
                login: login, name: login, layer: layer, admin: false,
                passwordHash: Credentials.hashPassword("x", cost: 4),
                at: Date())
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
            health: {
                HealthReport(storeOK: true, monitorRunning: true, targets: 0, failingSources: 0, outboxDepth: 0)
            },
            passwordCost: 4
        )
    }

    func headers(_ login: String) -> HTTPFields {
        [.authorization: "Bearer \(tokens[login]!)", .contentType: "application/json"]
    }

    func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    func declare(_ client: some TestClientProtocol, severity: String = "sev1") async throws -> Int {
        let response = try await client.execute(
            uri: "/api/incidents", method: .post, headers: headers("zhangmin"),
            body: ByteBuffer(
                string: #"{"title":"Card payments down","category":"sentiment","severity":"\#(severity)"}"#))
        #expect(response.status == .created)
        return try #require(try json(response)["id"] as? Int)
    }

    @Test func answersAreNeitherSniffedNorCachedErrorsIncluded() async throws {
        try await application().test(.router) { client in
            let listed = try await client.execute(uri: "/api/incidents", method: .get, headers: headers("zhangmin"))
            let refused = try await client.execute(uri: "/api/incidents", method: .get)
            let missing = try await client.execute(
                uri: "/api/incidents/999", method: .get, headers: headers("zhangmin"))
            #expect([listed.status, refused.status, missing.status] == [.ok, .unauthorized, .notFound])
            for answer in [listed, refused, missing] {
                #expect(answer.headers[.xContentTypeOptions] == "nosniff")
                #expect(answer.headers[.cacheControl] == "no-store")
            }
        }
    }

    @Test func callersMustAuthenticate() async throws {
        try await application().test(.router) { client in
            let anonymous = try await client.execute(uri: "/api/incidents", method: .get)
            #expect(anonymous.status == .unauthorized)
            #expect(
                try json(anonymous)["error"] as? String
                    == "Sign in, or send an API token as Authorization: Bearer <token>.")
            let forged = try await client.execute(
                uri: "/api/incidents", method: .get, headers: [.authorization: "Bearer bcn_forged"])
            #expect(forged.status == .unauthorized)
        }
    }

    @Test func declaringValidatesTheBodyNamingTheField() async throws {
        try await application().test(.router) { client in
            let missing = try await client.execute(
                uri: "/api/incidents", method: .post, headers: headers("zhangmin"),
                body: ByteBuffer(string: #"{"category":"system","severity":"sev2"}"#))
            #expect(missing.status == .badRequest)
            #expect(try json(missing)["field"] as? String == "title")
            let wrong = try await client.execute(
                uri: "/api/incidents", method: .post, headers: headers("zhangmin"),
                body: ByteBuffer(string: #"{"title":"x","category":"system","severity":"sev9"}"#))
            #expect(wrong.status == .badRequest)
            #expect(try json(wrong)["field"] as? String == "severity")
            let garbage = try await client.execute(
                uri: "/api/incidents", method: .post, headers: headers("zhangmin"),
                body: ByteBuffer(string: "{not json"))
            #expect(garbage.status == .badRequest)
            #expect(try await declare(client) == 1)
        }
    }

    @Test func listingFiltersAndRejectsUnknownValues() async throws {
        try await application().test(.router) { client in
            _ = try await declare(client, severity: "sev1")
            _ = try await declare(client, severity: "sev3")
            let sev1 = try await client.execute(
                uri: "/api/incidents?severity=sev1", method: .get, headers: headers("wanglei"))
            let list = try #require(try JSONSerialization.jsonObject(with: Data(buffer: sev1.body)) as? [[String: Any]])
            #expect(list.map { $0["severity"] as? String } == ["sev1"])
            let bad = try await client.execute(
                uri: "/api/incidents?status=burning", method: .get, headers: headers("wanglei"))
            #expect(bad.status == .badRequest)
            #expect(try json(bad)["field"] as? String == "status")
            let missing = try await client.execute(uri: "/api/incidents/99", method: .get, headers: headers("wanglei"))
            #expect(missing.status == .notFound)
        }
    }

    @Test func actionsFollowTheStatusOrderAndAreAttributed() async throws {
        try await application().test(.router) { client in
            let id = try await declare(client)
            let ack = try await client.execute(
                uri: "/api/incidents/\(id)/ack", method: .post, headers: headers("zhangmin"),
                body: ByteBuffer(string: #"{"note":"looking"}"#))
            #expect(ack.status == .ok)
            let again = try await client.execute(
                uri: "/api/incidents/\(id)/ack", method: .post, headers: headers("zhangmin"))
            #expect(again.status == .conflict)
            let detail = try json(
                try await client.execute(uri: "/api/incidents/\(id)", method: .get, headers: headers("lina")))
            let timeline = try #require(detail["timeline"] as? [[String: Any]])
            #expect(timeline.contains { $0["message"] as? String == "Acknowledged by zhangmin: looking" })
            #expect((detail["playbook_run"] as? [[String: Any]])?.isEmpty == false)
        }
    }

    @Test func closingNamesWhatThePostMortemLacks() async throws {
        try await application().test(.router) { client in
            let id = try await declare(client)
            let resolve = try await client.execute(
                uri: "/api/incidents/\(id)/resolve", method: .post, headers: headers("zhangmin"))
            #expect(resolve.status == .ok)
            let detail = try json(
                try await client.execute(uri: "/api/incidents/\(id)", method: .get, headers: headers("wanglei")))
            let postMortem = try #require(detail["post_mortem"] as? [String: Any])
            #expect(postMortem["owner"] as? String == "execution")
            #expect((postMortem["missing_for_close"] as? [String])?.first == "a root cause")
            let refused = try await client.execute(
                uri: "/api/incidents/\(id)/close", method: .post, headers: headers("wanglei"))
            #expect(refused.status == .conflict)
            #expect(
                try json(refused)["error"] as? String
                    == "Incident #\(id) cannot close: its post-mortem needs a root cause and at least one follow-up "
                    + "or a reason why no action is needed.")
            try PostMortemStore(IncidentLedger.recordingOnly(store), calendar: Calendar.current).edit(
                IncidentID(Int64(id)), at: Date()
            ) {
                $0.fields.rootCause = "A card network outage"
                $0.noActionReason = "The network fixed it; nothing of ours to change."
            }
            let closed = try await client.execute(
                uri: "/api/incidents/\(id)/close", method: .post, headers: headers("wanglei"))
            #expect(closed.status == .ok)
            #expect(try json(closed)["status"] as? String == "closed")
        }
    }

    @Test func stepsAndApprovalsBelongToTheirLayers() async throws {
        try await application().test(.router) { client in
            let id = try await declare(client)
            let approvalID = try #require(try store.approvals(IncidentID(Int64(id))).first?.id)
            let director = try await client.execute(
                uri: "/api/approvals/\(approvalID)", method: .post, headers: headers("wanglei"),
                body: ByteBuffer(string: #"{"decision":"approve"}"#))
            #expect(director.status == .forbidden)
            let badDecision = try await client.execute(
                uri: "/api/approvals/\(approvalID)", method: .post, headers: headers("lina"),
                body: ByteBuffer(string: #"{"decision":"maybe"}"#))
            #expect(badDecision.status == .badRequest)
            #expect(try json(badDecision)["field"] as? String == "decision")
            let approved = try await client.execute(
                uri: "/api/approvals/\(approvalID)", method: .post, headers: headers("lina"),
                body: ByteBuffer(string: #"{"decision":"approve","comment":"go"}"#))
            #expect(approved.status == .ok)
            #expect(try json(approved)["state"] as? String == "approved")
            let twice = try await client.execute(
                uri: "/api/approvals/\(approvalID)", method: .post, headers: headers("lina"),
                body: ByteBuffer(string: #"{"decision":"reject"}"#))
            #expect(twice.status == .conflict)
            let wrongLayer = try await client.execute(
                uri: "/api/incidents/\(id)/steps/statement", method: .post, headers: headers("zhangmin"))
            #expect(wrongLayer.status == .forbidden)
        }
    }

    @Test func sessionWritesNeedTheirCSRFToken() async throws {
        let cookie = "session-cookie-value"
        let user = try #require(try await store.people.user(login: "zhangmin"))
        try await store.people.createSession(
            idHash: Credentials.sha256(cookie), userID: try #require(user.id), csrf: "csrf-123",
            expiresAt: Date().addingTimeInterval(3600), at: Date())
        try await application().test(.router) { client in
            let read = try await client.execute(
                uri: "/api/incidents", method: .get, headers: [.cookie: "beacon_session=\(cookie)"])
            #expect(read.status == .ok)
            let body = ByteBuffer(string: #"{"title":"x","category":"system","severity":"sev3"}"#)
            let forged = try await client.execute(
                uri: "/api/incidents", method: .post, headers: [.cookie: "beacon_session=\(cookie)"], body: body)
            #expect(forged.status == .forbidden)
            let genuine = try await client.execute(
                uri: "/api/incidents", method: .post,
                headers: [.cookie: "beacon_session=\(cookie)", .init("X-CSRF-Token")!: "csrf-123"], body: body)
            #expect(genuine.status == .created)
        }
    }

    @Test func escalatingPagesTheNextLayer() async throws {
        try await application().test(.router) { client in
            let id = try await declare(client, severity: "sev3")
            let response = try await client.execute(
                uri: "/api/incidents/\(id)/escalate", method: .post, headers: headers("zhangmin"),
                body: ByteBuffer(string: #"{"note":"need the director"}"#))
            #expect(response.status == .ok)
            #expect(try json(response)["notifications_queued"] as? Int == 1)
            let outbox = try store.notifications(IncidentID(Int64(id)))
            #expect(outbox.last.map { "\($0.kind.rawValue) \($0.person)" } == "escalation wanglei")
        }
    }
}

extension APITests {
    @Test func onlyAdminsManageUsers() async throws {
        try await store.people.updateUser(login: "lina") { $0.admin = true }
        try await application().test(.router) { client in
            let director = try await client.execute(uri: "/api/users", method: .get, headers: headers("wanglei"))
            #expect(director.status == .forbidden)
            let weak = try await client.execute(
                uri: "/api/users", method: .post, headers: headers("lina"),
                body: ByteBuffer(string: #"{"login":"sunli","password":"short"}"#))
            #expect(weak.status == .badRequest)
            #expect(try json(weak)["field"] as? String == "password")
            let stranger = try await client.execute(
                uri: "/api/users", method: .post, headers: headers("lina"),
                body: ByteBuffer(string: #"{"login":"randomguy","password":"long enough pass"}"#))
            #expect(stranger.status == .conflict, "only people of the chain become users")
            #expect(try json(stranger)["field"] as? String == "login")
            let created = try await client.execute(
                uri: "/api/users", method: .post, headers: headers("lina"),
                body: ByteBuffer(string: #"{"login":"sunli","password":"long enough pass"}"#))
            #expect(created.status == .created)
            #expect(try json(created)["layer"] as? String == "execution", "the chain's layer")
            #expect(try json(created)["name"] as? String == "Sun Li", "and the chain's name")
            #expect(try json(created)["password_hash"] == nil)
            let again = try await client.execute(
                uri: "/api/users", method: .post, headers: headers("lina"),
                body: ByteBuffer(string: #"{"login":"sunli","password":"long enough pass"}"#))
            #expect(again.status == .conflict)

            let made = try await client.execute(uri: "/api/users/sunli/token", method: .post, headers: headers("lina"))
            let token = try #require(try json(made)["token"] as? String)
            let asSunLi = try await client.execute(
                uri: "/api/incidents", method: .get, headers: [.authorization: "Bearer \(token)"])
            #expect(asSunLi.status == .ok)
            let disabled = try await client.execute(
                uri: "/api/users/sunli/disable", method: .post, headers: headers("lina"))
            #expect(disabled.status == .ok)
            let afterwards = try await client.execute(
                uri: "/api/incidents", method: .get, headers: [.authorization: "Bearer \(token)"])
            #expect(afterwards.status == .unauthorized, "a disabled user's tokens stop working")
        }
    }
}
