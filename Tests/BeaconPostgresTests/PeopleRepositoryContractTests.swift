import BeaconCore
import Foundation
import Testing

/// What every store's users, tokens, sessions and invitations answer, SQLite and PostgreSQL alike.
@Suite struct PeopleRepositoryContractTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static func later(_ seconds: Double) -> Date { now.addingTimeInterval(seconds) }

    @Test(.timeLimit(.minutes(2)), arguments: RepositoryBackend.allCases)
    func usersAreAddedOnceFoundAndChanged(_ backend: RepositoryBackend) async throws {
        try await backend.withStores { stores in
            let people = stores.people
            let zhang = try await people.addUser(
                login: "zhangmin", name: "张敏", layer: .operation, admin: true, passwordHash: "h1", at: Self.now)
            #expect(zhang.id != nil && zhang.name == "张敏" && zhang.admin && zhang.service == nil)
            await #expect(throws: UserError.self) {
                try await people.addUser(
                    login: "zhangmin", name: "Again", layer: .execution, admin: false, passwordHash: nil, at: Self.now)
            }
            await #expect(throws: UserError.self) {
                try await people.addUser(
                    login: "no spaces", name: "x", layer: .execution, admin: false, passwordHash: nil, at: Self.now)
            }
            let tool = try await people.addServiceAccount(login: "alertmanager", scope: .intake, at: Self.now)
            #expect(tool.service == .intake && tool.passwordHash == nil)
            #expect(try await people.users().map(\.login) == ["alertmanager", "zhangmin"])
            #expect(try await people.user(login: "zhangmin") == zhang)
            #expect(try await people.user(login: "nobody") == nil)

            let locked = try await people.updateUser(login: "zhangmin") { user in
                user.failedLogins = 5
                user.lockedUntil = Self.later(900)
            }
            #expect(try await people.user(login: "zhangmin") == locked)
            let unlocked = try await people.updateUser(login: "zhangmin") { user in
                user.failedLogins = 0
                user.lockedUntil = nil
            }
            #expect(try await people.user(login: "zhangmin")?.lockedUntil == nil, "a cleared time is stored as none")
            #expect(unlocked.failedLogins == 0)
            await #expect(throws: UserError.self) { try await people.updateUser(login: "nobody") { _ in } }
        }
    }

    @Test(.timeLimit(.minutes(2)), arguments: RepositoryBackend.allCases)
    func tokensAndSessionsFindTheirEnabledUser(_ backend: RepositoryBackend) async throws {
        try await backend.withStores { stores in
            let people = stores.people
            let wang = try await people.addUser(
                login: "wanglei", name: "王磊", layer: .execution, admin: false, passwordHash: "h", at: Self.now)
            let id = try #require(wang.id)
            try await people.addToken(login: "wanglei", hash: "t-hash", prefix: "bk_1234", at: Self.now)
            await #expect(throws: UserError.self) {
                try await people.addToken(login: "nobody", hash: "x", prefix: "bk_0000", at: Self.now)
            }
            #expect(try await people.user(tokenHash: "t-hash", at: Self.later(10))?.login == "wanglei")
            #expect(try await people.user(tokenHash: "other", at: Self.later(10)) == nil)

            try await people.createSession(
                idHash: "s1", userID: id, csrf: "c1", expiresAt: Self.later(3_600), at: Self.now)
            let live = try #require(try await people.session(idHash: "s1", at: Self.later(60)))
            #expect(live.user.login == "wanglei" && live.csrf == "c1")
            #expect(try await people.session(idHash: "s1", at: Self.later(3_600)) == nil, "expired")
            try await people.createSession(
                idHash: "s2", userID: id, csrf: "c2", expiresAt: Self.later(3_600), at: Self.now)
            try await people.deleteSession(idHash: "s2")
            #expect(try await people.session(idHash: "s2", at: Self.later(60)) == nil)

            try await people.updateUser(login: "wanglei") { $0.disabled = true }
            #expect(try await people.session(idHash: "s1", at: Self.later(60)) == nil, "disabling ends sessions")
            #expect(try await people.user(tokenHash: "t-hash", at: Self.later(60)) == nil, "and tokens")
        }
    }

    @Test(.timeLimit(.minutes(2)), arguments: RepositoryBackend.allCases)
    func anInvitationIsAcceptedOnceBeforeItExpires(_ backend: RepositoryBackend) async throws {
        try await backend.withStores { stores in
            let people = stores.people
            try await people.addUser(
                login: "lina", name: "李娜", layer: .decision, admin: false, passwordHash: nil, at: Self.now)
            try await people.addUser(
                login: "sunli", name: "孙丽", layer: .operation, admin: false, passwordHash: nil, at: Self.now)
            try await people.createInvitation(
                login: "lina", codeHash: "code-1", expiresAt: Self.later(3_600), notifications: [], at: Self.now)
            try await people.createInvitation(
                login: "sunli", codeHash: "code-2", expiresAt: Self.later(3_600), notifications: [], at: Self.now)
            #expect(try await people.invitation(codeHash: "code-1", at: Self.later(60)) == "lina")
            #expect(try await people.invitation(codeHash: "code-1", at: Self.later(3_600)) == nil, "expired")
            #expect(
                try await people.acceptInvitation(codeHash: "code-1", passwordHash: "p", at: Self.later(3_600)) == nil)

            let accepted = try await people.acceptInvitation(codeHash: "code-1", passwordHash: "p", at: Self.later(60))
            #expect(accepted?.login == "lina" && accepted?.passwordHash == "p")
            #expect(try await people.acceptInvitation(codeHash: "code-1", passwordHash: "q", at: Self.later(61)) == nil)
            #expect(try await people.user(login: "lina")?.passwordHash == "p", "the second use changed nothing")

            try await people.updateUser(login: "sunli") { $0.disabled = true }
            #expect(try await people.acceptInvitation(codeHash: "code-2", passwordHash: "p", at: Self.later(60)) == nil)
            #expect(try await people.user(login: "sunli")?.passwordHash == nil)
        }
    }
}
