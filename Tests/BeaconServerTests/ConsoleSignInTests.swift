import BeaconCore
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BeaconServer

@Suite struct ConsoleSignInTests {
    let fixture: ConsoleFixture

    init() async throws { fixture = try await ConsoleFixture() }

    func signInForm(_ login: String, _ password: String, next: String? = nil) -> ByteBuffer {
        let next = next.map { "&next=\(ConsoleFixture.escaped($0))" } ?? ""
        return ByteBuffer(
            string:
                "login=\(login)&password=\(ConsoleFixture.escaped(password))\(next)&csrf=\(ConsoleFixture.loginToken)")
    }

    @Test func signingInStartsASessionWithAStrictCookie() async throws {
        try await fixture.application().test(.router) { client in
            let response = try await client.execute(
                uri: "/login", method: .post, headers: ConsoleFixture.loginHeaders,
                body: signInForm("zhangmin", ConsoleFixture.password, next: "/incidents/1"))
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/incidents/1")
            let cookie = try #require(ConsoleFixture.cookie("beacon_session", in: response))
            #expect(cookie.value.count >= 43, "32 random bytes, base64url")
            let attributes = Set(cookie.attributes.map { $0.lowercased() })
            #expect(attributes.contains("httponly"))
            #expect(attributes.contains("samesite=lax"))
            #expect(attributes.contains("path=/"))
            #expect(attributes.contains("max-age=43200"))
            #expect(!attributes.contains("secure"), "served over plain HTTP in this configuration")
            let expires = try #require(cookie.attributes.first { $0.lowercased().hasPrefix("expires=") })
            #expect(expires.contains("GMT"))
            let session = try #require(
                try await fixture.store.people.session(idHash: Credentials.sha256(cookie.value), at: fixture.now))
            #expect(session.user.login == "zhangmin")
            #expect(session.csrf.count >= 43)
            #expect(
                try await fixture.store.people.session(idHash: cookie.value, at: fixture.now) == nil,
                "only the hash of the cookie is stored")
            let expired = fixture.now.addingTimeInterval(ConsoleRoutes.sessionLifetime + 1)
            #expect(
                try await fixture.store.people.session(idHash: Credentials.sha256(cookie.value), at: expired) == nil)
        }
    }

    @Test func aWrongPasswordOrLoginSaysSoWith401() async throws {
        try await fixture.application().test(.router) { client in
            for (login, password) in [("zhangmin", "wrong password"), ("nobody", ConsoleFixture.password)] {
                let response = try await client.execute(
                    uri: "/login", method: .post, headers: ConsoleFixture.loginHeaders,
                    body: signInForm(login, password))
                #expect(response.status == .unauthorized)
                let html = String(buffer: response.body)
                #expect(html.contains("Wrong login or password."))
                #expect(html.contains(#"value="\#(login)""#), "the login is kept, the password is not")
                #expect(ConsoleFixture.cookie("beacon_session", in: response) == nil)
            }
        }
    }

    @Test func fiveFailuresLockTheAccountEvenForTheRightPassword() async throws {
        try await fixture.application().test(.router) { client in
            for _ in 0..<SignIn.allowedFailures {
                let response = try await client.execute(
                    uri: "/login", method: .post, headers: ConsoleFixture.loginHeaders,
                    body: signInForm("zhangmin", "wrong password"))
                #expect(response.status == .unauthorized)
            }
            let locked = try await client.execute(
                uri: "/login", method: .post, headers: ConsoleFixture.loginHeaders,
                body: signInForm("zhangmin", ConsoleFixture.password))
            #expect(ConsoleFixture.cookie("beacon_session", in: locked) == nil)
            // The locked account answers exactly as a login that does not exist: nothing to enumerate.
            let unknown = try await client.execute(
                uri: "/login", method: .post, headers: ConsoleFixture.loginHeaders,
                body: signInForm("nobody", ConsoleFixture.password))
            #expect(locked.status == .unauthorized)
            #expect(unknown.status == locked.status)
            #expect(locked.headers[.retryAfter] == nil)
            for answer in [locked, unknown] {
                #expect(
                    String(buffer: answer.body).contains(
                        "Wrong login or password. After 5 failed sign-ins an account waits 5 minutes."))
            }
            #expect(locked.headers.map(\.name) == unknown.headers.map(\.name))
        }
    }

    @Test func signedOutPagesRedirectToSignInAndComeBack() async throws {
        try await fixture.application().test(.router) { client in
            for uri in ["/", "/incidents", "/incidents/1", "/approvals", "/incidents?status=open&q=card"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .seeOther, "\(uri)")
                #expect(response.headers[.location] == "/login?next=" + ConsoleResponse.queryEscaped(uri))
            }
            let login = try await client.execute(uri: "/login?next=%2Fincidents%3Fstatus%3Dopen", method: .get)
            #expect(login.status == .ok)
            #expect(String(buffer: login.body).contains(#"name="next" value="/incidents?status=open""#))
            let stale = try await client.execute(
                uri: "/", method: .get, headers: [.cookie: "beacon_session=forged-or-expired"])
            #expect(stale.status == .seeOther)
            let forms = try await client.execute(
                uri: "/incidents/1/acknowledge", method: .post, headers: ConsoleFixture.formHeaders,
                body: ByteBuffer(string: "csrf=x"))
            #expect(forms.status == .seeOther)
            #expect(forms.headers[.location] == "/login")
            #expect(try fixture.store.incident(fixture.incidentID)?.status == .open)
        }
    }

    @Test func nextOnlyLeadsToBeaconsOwnPages() {
        #expect(ConsoleResponse.safeNext("/incidents/4?x=1") == "/incidents/4?x=1")
        for hostile in ["//evil.example", "https://evil.example", "/\\evil.example", "/login", "evil", nil, "/a b"] {
            #expect(ConsoleResponse.safeNext(hostile) == "/", "\(hostile ?? "nil")")
        }
    }

    @Test func signingOutEndsTheSessionAndNeedsTheToken() async throws {
        try await fixture.application().test(.router) { client in
            let session = try await fixture.signIn(client, as: .operation)
            let forged = try await fixture.post(client, "/logout", as: session, csrf: nil)
            #expect(forged.status == .forbidden)
            #expect(
                try await fixture.store.people.session(idHash: Credentials.sha256(session.cookie), at: fixture.now)
                    != nil)
            let response = try await fixture.post(client, "/logout", as: session, csrf: session.csrf)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/login")
            let cleared = try #require(ConsoleFixture.cookie("beacon_session", in: response))
            #expect(cleared.value.isEmpty)
            #expect(cleared.attributes.contains("Max-Age=0"))
            #expect(
                try await fixture.store.people.session(idHash: Credentials.sha256(session.cookie), at: fixture.now)
                    == nil)
            let after = try await fixture.get(client, "/", as: session)
            #expect(after.status == .seeOther)
        }
    }

    @Test func theSignInPageSendsASignedInPersonOn() async throws {
        try await fixture.application().test(.router) { client in
            let session = try await fixture.signIn(client, as: .decision)
            let response = try await fixture.get(client, "/login?next=/approvals", as: session)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/approvals")
        }
    }

    @Test func aSignInFormWithoutItsTokenIsRefused() async throws {
        try await fixture.application().test(.router) { client in
            for headers in [ConsoleFixture.formHeaders, ConsoleFixture.loginHeaders] {
                let response = try await client.execute(
                    uri: "/login", method: .post, headers: headers,
                    body: ByteBuffer(
                        string: "login=zhangmin&password=\(ConsoleFixture.escaped(ConsoleFixture.password))"))
                #expect(response.status == .forbidden)
                #expect(ConsoleFixture.cookie("beacon_session", in: response) == nil)
            }
            let page = try await client.execute(uri: "/login", method: .get)
            let token = try #require(ConsoleFixture.cookie("beacon_login", in: page))
            #expect(String(buffer: page.body).contains(#"name="csrf" value="\#(token.value)""#))
        }
    }
}
