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

/// A user is a person of the chain: their layer is the chain's at every request, and taking them out of the chain
/// stops them acting. Tools use service accounts, which read (or post alerts) and never act as a person.
struct PeopleAreUsersTests {
    let store: BeaconStore
    let config = Locked(ApprovalLinkTests.chainConfig)
    var tokens: [String: String] = [:]

    init() async throws {
        store = try BeaconStore.inMemory()
        try await store.people.addUser(
            login: "wanglei", name: "stored name", layer: .operation, admin: false, passwordHash: nil, at: Date())
        _ = try await store.people.addServiceAccount(login: "dashboard", scope: .read, at: Date())
        for login in ["wanglei", "dashboard"] {
            let made = Credentials.newToken()
            try await store.people.addToken(login: login, hash: made.hash, prefix: made.prefix, at: Date())
            tokens[login] = made.token
        }
    }

    func application() -> some ApplicationProtocol {
        let config = config
        return BeaconHTTP.application(
            listen: ListenAddress(host: "127.0.0.1", port: 0),
            repositories: store.repositories(configuration: { config.value }),
            signer: ApprovalSigner(key: Array(repeating: 1, count: 32)), config: { config.value },
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() },
            health: {
                HealthReport(storeOK: true, monitorRunning: true, targets: 0, failingSources: 0, outboxDepth: 0)
            })
    }

    func headers(_ login: String) -> HTTPFields {
        [.authorization: "Bearer \(tokens[login]!)", .contentType: "application/json"]
    }

    static let declaration = ByteBuffer(
        string: #"{"title":"Card payments down","category":"system","severity":"sev3"}"#)

    @Test func theLayerIsTheChainsAtEveryRequestAndLeavingTheChainStopsActing() async throws {
        try await application().test(.router) { client in
            // Stored as operation, but the chain has Wang Lei in the execution layer: execution counts.
            let declared = try await client.execute(
                uri: "/api/incidents", method: .post, headers: headers("wanglei"), body: Self.declaration)
            #expect(declared.status == .created)
            let object = try JSONSerialization.jsonObject(with: Data(buffer: declared.body)) as? [String: Any]
            let id = try #require(object?["id"] as? Int)
            let acknowledged = try await client.execute(
                uri: "/api/incidents/\(id)/ack", method: .post, headers: headers("wanglei"))
            #expect(acknowledged.status == .ok)
            let timeline = try store.timeline(IncidentID(Int64(id)))
            #expect(timeline.contains { $0.actor == "wanglei" })

            config.withLock { $0.chain.execution.people = [Person(name: "Sun Li", login: "sunli", channels: ["hook"])] }
            let after = try await client.execute(uri: "/api/incidents", method: .get, headers: headers("wanglei"))
            #expect(after.status == .forbidden)
            #expect(
                String(buffer: after.body).contains(
                    "wanglei is not a person of the command chain in beacon.yaml, so the account can no longer act."))
        }
    }

    @Test func aServiceAccountReadsButNeverActs() async throws {
        try await application().test(.router) { client in
            let list = try await client.execute(uri: "/api/incidents", method: .get, headers: headers("dashboard"))
            #expect(list.status == .ok)
            let declare = try await client.execute(
                uri: "/api/incidents", method: .post, headers: headers("dashboard"), body: Self.declaration)
            #expect(declare.status == .forbidden)
            let intake = try await client.execute(
                uri: "/api/intake/alertmanager", method: .post, headers: headers("dashboard"),
                body: ByteBuffer(string: #"{"version":"4","alerts":[]}"#))
            #expect(intake.status == .forbidden, "only an intake account posts alerts")
        }
    }
}
