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

/// A person of the chain sets their password from a one-time invitation link, then signs in.
struct InvitationTests {
    let store: BeaconStore
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let code = "an-invitation-code-nobody-guesses"

    init() async throws {
        store = try BeaconStore.inMemory()
        try await store.people.addUser(
            login: "zhangmin", name: "zhangmin", layer: .operation, admin: false, passwordHash: nil, at: now)
        try await store.people.createInvitation(
            login: "zhangmin", codeHash: Credentials.sha256(code), expiresAt: now.addingTimeInterval(3_600),
            notifications: [],
            at: now)
    }

    func application(at time: Date) -> some ApplicationProtocol {
        let config = ConsoleFixture.config
        return BeaconHTTP.application(
            listen: ListenAddress(host: "127.0.0.1", port: 0),
            repositories: store.repositories(configuration: { config }),
            signer: ApprovalSigner(key: Array(repeating: 3, count: 32)), config: { config },
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }, now: { time },
            health: {
                HealthReport(storeOK: true, monitorRunning: true, targets: 0, failingSources: 0, outboxDepth: 0)
            })
    }

    func submit(
        _ client: some TestClientProtocol, _ password: String, again: String? = nil
    ) async throws
        -> TestResponse
    {
        let body = "password=\(ConsoleFixture.escaped(password))&again=\(ConsoleFixture.escaped(again ?? password))"
        return try await client.execute(
            uri: "/invite/\(code)", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: body))
    }

    @Test func anInvitedPersonSetsTheirPasswordOnceAndSignsIn() async throws {
        try await application(at: now.addingTimeInterval(60)).test(.router) { client in
            let form = try await client.execute(uri: "/invite/\(code)", method: .get)
            #expect(form.status == .ok)
            #expect(String(buffer: form.body).contains("Welcome to Beacon, Zhang Min"))
            #expect(try await submit(client, "long enough pass", again: "different pass").status == .badRequest)
            #expect(try await submit(client, "short").status == .badRequest)
            let set = try await submit(client, "long enough pass")
            #expect(set.status == .seeOther)
            #expect(set.headers[.location] == "/login")
            #expect(try await submit(client, "another long pass").status == .notFound, "a link works once")
            #expect(try await client.execute(uri: "/invite/\(code)", method: .get).status == .notFound)
            let signedIn = try await client.execute(
                uri: "/login", method: .post, headers: ConsoleFixture.loginHeaders,
                body: ByteBuffer(
                    string: "login=zhangmin&password=\(ConsoleFixture.escaped("long enough pass"))"
                        + "&csrf=\(ConsoleFixture.loginToken)"))
            #expect(signedIn.status == .seeOther)
            #expect(signedIn.headers[.location] == "/")
        }
    }

    @Test func anExpiredInvitationSetsNothing() async throws {
        try await application(at: now.addingTimeInterval(3_601)).test(.router) { client in
            #expect(try await client.execute(uri: "/invite/\(code)", method: .get).status == .notFound)
            #expect(try await submit(client, "long enough pass").status == .notFound)
            let user = try await store.people.user(login: "zhangmin")
            #expect(user?.passwordHash == nil)
        }
    }
}
