import BeaconApproval
import BeaconCore
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import BeaconServer

/// A store file in a fresh folder, removed with the value.
final class StoreFile: Sendable {
    let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("beacon-api-\(UUID())")
    var path: String { directory.appendingPathComponent("beacon.sqlite").path }

    init() throws { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) }

    deinit { try? FileManager.default.removeItem(at: directory) }
}

@Suite struct PostMortemAPITests {
    let file: StoreFile
    let store: BeaconStore
    let postMortems: PostMortemStore
    let token: String
    /// Monday 2026-11-23 09:00 UTC.
    let start = Date(timeIntervalSince1970: 1_795_424_400)
    /// Resolved with a post-mortem (#1), and still open without one (#2).
    let resolved: IncidentID
    let open: IncidentID

    init() async throws {
        file = try StoreFile()
        store = try BeaconStore.open(path: file.path)
        try await store.people.addUser(
            login: "wanglei", name: "Wang Lei", layer: .execution, admin: false,
            passwordHash: Credentials.hashPassword("x", cost: 4), at: start)
        let made = Credentials.newToken()
        try await store.people.addToken(login: "wanglei", hash: made.hash, prefix: made.prefix, at: start)
        token = made.token
        let ledger = IncidentLedger(store, planner: CommandPlanner(config: Self.config))
        postMortems = PostMortemStore(ledger, calendar: Calendar(identifier: .gregorian))
        resolved = try #require(
            try await ledger.declare(
                title: "Checkout errors", category: .system, severity: .sev2, by: "zhangmin", at: start
            )
            .incident.id)
        try await ledger.perform(.resolve, on: resolved, by: "zhangmin", at: start.addingTimeInterval(600))
        try await postMortems.openPostMortem(resolved, at: start.addingTimeInterval(600))
        open = try #require(
            try await ledger.declare(
                title: "Search slow", category: .system, severity: .sev3, by: "zhangmin", at: start
            )
            .incident.id)
    }

    /// The server tests' chain, its people given roles.
    static let config: BeaconConfig = {
        var config = ApprovalLinkTests.chainConfig
        config.chain.operation.people[0].role = "CS team lead"
        config.chain.execution.people[0].role = "CS director"
        return config
    }()

    func application() -> some ApplicationProtocol {
        let config = Self.config
        let now = start.addingTimeInterval(3_600)
        return BeaconHTTP.application(
            listen: ListenAddress(host: "127.0.0.1", port: 0),
            repositories: store.repositories(configuration: { config }),
            signer: ApprovalSigner(key: Array(repeating: 1, count: 32)), config: { config },
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }, now: { now },
            health: {
                HealthReport(storeOK: true, monitorRunning: true, targets: 0, failingSources: 0, outboxDepth: 0)
            }, passwordCost: 4)
    }

    var headers: HTTPFields { [.authorization: "Bearer \(token)", .contentType: "application/json"] }

    func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    func put(_ client: some TestClientProtocol, _ body: String, id: IncidentID? = nil) async throws -> TestResponse {
        try await client.execute(
            uri: "/api/incidents/\((id ?? resolved).rawValue)/postmortem", method: .put, headers: headers,
            body: ByteBuffer(string: body))
    }

    @Test func getServesTheReportAsShowJSONPrintsIt() async throws {
        try await application().test(.live) { client in
            let response = try await client.execute(
                uri: "/api/incidents/\(resolved.rawValue)/postmortem", method: .get, headers: headers)
            #expect(response.status == .ok)
            let expected = try await JSONEncoder.beacon.encode(try postMortems.report(resolved))
            #expect(String(buffer: response.body) == String(decoding: expected, as: UTF8.self))
            #expect(try json(response)["missing_for_close"] as? [String] != [])
        }
    }

    @Test func whoNamesThePeopleWithTheirLayersAndRoles() async throws {
        try await application().test(.live) { client in
            let response = try await client.execute(
                uri: "/api/incidents/\(resolved.rawValue)/postmortem", method: .get, headers: headers)
            let who = try #require((try json(response)["draft"] as? [String: Any])?["who"] as? [String: Any])
            #expect(who["people"] as? [String] == ["zhangmin"])
            #expect(who["layers_paged"] as? [String] == ["operation", "execution"])
            #expect(
                who["acted"] as? [[String: String]] == [
                    ["handle": "zhangmin", "name": "Zhang Min", "layer": "operation", "role": "CS team lead"]
                ])
            let paged = try #require(who["paged"] as? [[String: Any]])
            #expect(paged.map { $0["duty"] as? String } == ["on-call leads", "directors"])
            #expect(
                paged.last?["people"] as? [[String: String]] == [
                    ["handle": "wanglei", "name": "Wang Lei", "layer": "execution", "role": "CS director"]
                ])
            let markdown = try await client.execute(
                uri: "/api/incidents/\(resolved.rawValue)/postmortem.md", method: .get, headers: headers)
            #expect(
                String(buffer: markdown.body).contains(
                    """
                    - People who acted: Zhang Min (zhangmin; operation, CS team lead)
                    - Layers paged:
                      - operation (on-call leads): Zhang Min, CS team lead
                      - execution (directors): Wang Lei, CS director

                    """))
        }
    }

    @Test func missingIncidentsAndPostMortemsAre404WithAMessage() async throws {
        try await application().test(.live) { client in
            for (path, message) in [
                ("99/postmortem", "No incident #99."), ("99/postmortem.md", "No incident #99."),
                (
                    "\(open.rawValue)/postmortem",
                    "Incident \(open) has no post-mortem yet; it opens when the incident resolves."
                ),
            ] {
                let response = try await client.execute(uri: "/api/incidents/\(path)", method: .get, headers: headers)
                #expect(response.status == .notFound)
                #expect(try json(response)["error"] as? String == message)
            }
            let put = try await put(client, "{}", id: open)
            #expect(put.status == .notFound)
        }
    }

    @Test func everyRouteNeedsAUserAndWritesNeedTheSessionsCSRFToken() async throws {
        let cookie = "session-cookie"
        let user = try #require(try await store.people.user(login: "wanglei"))
        try await store.people.createSession(
            idHash: Credentials.sha256(cookie), userID: try #require(user.id), csrf: "csrf-1",
            expiresAt: start.addingTimeInterval(86_400), at: start)
        try await application().test(.live) { client in
            for (path, method) in [
                ("postmortem", HTTPRequest.Method.get), ("postmortem.md", .get), ("postmortem", .put),
            ] {
                let anonymous = try await client.execute(
                    uri: "/api/incidents/\(resolved.rawValue)/\(path)", method: method, body: ByteBuffer(string: "{}"))
                #expect(anonymous.status == .unauthorized)
            }
            let forged = try await client.execute(
                uri: "/api/incidents/\(resolved.rawValue)/postmortem", method: .put,
                headers: [.cookie: "beacon_session=\(cookie)"], body: ByteBuffer(string: "{}"))
            #expect(forged.status == .forbidden)
            let read = try await client.execute(
                uri: "/api/incidents/\(resolved.rawValue)/postmortem", method: .get,
                headers: [.cookie: "beacon_session=\(cookie)"])
            #expect(read.status == .ok)
        }
        #expect(try await postMortems.report(resolved).postMortem.updatedAt == start.addingTimeInterval(600))
    }

    @Test func theDecisionLayerReadsButDoesNotWrite() async throws {
        try await store.people.addUser(
            login: "lina", name: "Li Na", layer: .decision, admin: true,
            passwordHash: Credentials.hashPassword("x", cost: 4), at: start)
        let made = Credentials.newToken()
        try await store.people.addToken(login: "lina", hash: made.hash, prefix: made.prefix, at: start)
        let executive: HTTPFields = [.authorization: "Bearer \(made.token)", .contentType: "application/json"]
        try await application().test(.live) { client in
            let read = try await client.execute(
                uri: "/api/incidents/\(resolved.rawValue)/postmortem", method: .get, headers: executive)
            #expect(read.status == .ok)
            let write = try await client.execute(
                uri: "/api/incidents/\(resolved.rawValue)/postmortem", method: .put, headers: executive,
                body: ByteBuffer(string: #"{"root_cause": "x"}"#))
            #expect(write.status == .forbidden)
            #expect(
                try json(write)["error"] as? String
                    == "Only the operation and execution layers write post-mortems; lina is in the decision layer.")
        }
        #expect(try await postMortems.report(resolved).postMortem.updatedAt == start.addingTimeInterval(600))
    }

    @Test func putAppliesTheEditAsTheSignedInUser() async throws {
        try await application().test(.live) { client in
            let response = try await put(
                client,
                #"""
                {"root_cause": "Expired TLS certificate", "trigger": "Nightly rotation failed",
                 "impact": {"orders_affected": 120, "revenue_at_risk": 5000.5},
                 "comments": {"warned_early": "Customers told us first."},
                 "follow_ups": [{"kind": "plan", "description": "Alert before expiry", "owner": "wanglei",
                                 "due": "2026-12-01"}]}
                """#)
            #expect(response.status == .ok)
            let body = try json(response)
            let postMortem = try #require(body["post_mortem"] as? [String: Any])
            let fields = try #require(postMortem["fields"] as? [String: Any])
            #expect(fields["root_cause"] as? String == "Expired TLS certificate")
            #expect(fields["revenue_at_risk"] as? Double == 5000.5)
            #expect((body["follow_ups"] as? [[String: Any]])?.first?["due_at"] as? String == "2026-12-01T23:59:59Z")
            #expect(body["missing_for_close"] as? [String] == [])
        }
        let event = try #require(try store.timeline(resolved).last)
        #expect(event.actor == "wanglei")
        #expect(
            event.message
                == "Post-mortem edited by wanglei: root cause, trigger, orders affected, revenue at risk, "
                + "comment on warned early; 1 follow-up added")

        let again = await PostMortemUpdate(try postMortems.report(resolved))
        let encoded = String(decoding: try JSONEncoder.beacon.encode(again), as: UTF8.self)
        let events = try store.timeline(resolved).count
        try await application().test(.live) { client in
            let response = try await put(client, encoded)
            #expect(response.status == .ok)
        }
        #expect(try store.timeline(resolved).count == events, "the same document again changes nothing")
    }

    @Test func badBodiesAre400AndInvalidEditsAre422ListingEveryProblem() async throws {
        try await application().test(.live) { client in
            let garbage = try await put(client, "{not json")
            #expect(garbage.status == .badRequest)
            #expect(try json(garbage)["error"] as? String == "The body is not valid JSON.")
            let empty = try await put(client, "")
            #expect(empty.status == .badRequest)

            let invalid = try await put(
                client,
                #"""
                {"rot_cause": "x", "impact": {"users_affected": -4},
                 "comments": {"fully_solved": false},
                 "follow_ups": [{"id": 5, "kind": "plan", "description": "", "owner": "bob", "due": "tomorrow"}]}
                """#)
            #expect(invalid.status == .unprocessableContent)
            let body = try json(invalid)
            let problems = try #require(body["problems"] as? [[String: String]])
            #expect(
                Set(problems.map { "\($0["field"] ?? ""): \($0["reason"] ?? "")" }) == [
                    #"rot_cause: unknown key "rot_cause"; did you mean "root_cause"?"#,
                    "impact.users_affected: must not be negative",
                    "comments.fully_solved: the verdict is computed from the record (now No) and cannot be set; "
                        + "write a comment that explains it instead",
                    "follow_ups[0].id: incident #1 has no follow-up 5 (it has none yet); leave the id out to add a new one",
                    "follow_ups[0].description: every follow-up needs a description of what will be done",
                    #"follow_ups[0].due: malformed date "tomorrow"; write the day as YYYY-MM-DD, like 2026-12-01"#,
                ])
            #expect((body["error"] as? String)?.hasPrefix("The post-mortem has 6 problems; nothing was saved.") == true)
        }
        #expect(try await postMortems.report(resolved).postMortem.fields.rootCause == nil)
        #expect(try store.timeline(resolved).allSatisfy { !$0.message.hasPrefix("Post-mortem edited") })
    }

    @Test func markdownIsServedInlineWithAFileName() async throws {
        try await application().test(.live) { client in
            let response = try await client.execute(
                uri: "/api/incidents/\(resolved.rawValue)/postmortem.md", method: .get, headers: headers)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/markdown; charset=utf-8")
            #expect(response.headers[.contentDisposition] == #"inline; filename="incident-1-postmortem.md""#)
            await #expect(String(buffer: response.body) == (try postMortems.report(resolved).markdown))
        }
    }
}
