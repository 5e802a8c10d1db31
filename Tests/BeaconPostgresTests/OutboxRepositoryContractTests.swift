import BeaconCore
import Foundation
import Testing

/// What every store's outbox answers the dispatcher, SQLite and PostgreSQL alike.
@Suite struct OutboxRepositoryContractTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static func later(_ seconds: Double) -> Date { now.addingTimeInterval(seconds) }

    /// A message to `login` on each of `channels` in turn: an invitation, the one notice that needs no incident.
    static func planned(_ login: String, channels: [String], code: String) -> PlannedNotification {
        let recipient = Recipient(name: login, login: login, layer: .operation, channels: channels)
        let message = NotificationMessage(
            kind: .invitation, subject: "Beacon", text: "Set your password: https://beacon.example/invite/\(code)",
            incident: nil,
            invitation: InvitationLink(url: "https://beacon.example/invite/\(code)", expiresAt: later(3_600)),
            language: .zhCN)
        return PlannedNotification(
            idempotencyKey: "user-\(login)/invitation-\(code)/\(channels[0])", incidentID: nil, recipient: recipient,
            channelID: channels[0], channelIndex: 0, stepID: nil, approvalStepID: nil, message: message,
            purpose: .invitation(at: 1))
    }

    @Test(.timeLimit(.minutes(2)), arguments: RepositoryBackend.allCases)
    func notificationsAreDueOnceQueuedAndLeaveWhenDelivered(_ backend: RepositoryBackend) async throws {
        try await backend.withStores { stores in
            let outbox = stores.outbox
            try await stores.people.createInvitation(
                login: "lina", codeHash: "c1", expiresAt: Self.later(3_600),
                notifications: [Self.planned("lina", channels: ["mail", "sms"], code: "c1")], at: Self.now)
            try await stores.people.createInvitation(
                login: "sunli", codeHash: "c2", expiresAt: Self.later(3_600),
                notifications: [Self.planned("sunli", channels: ["mail"], code: "c2")], at: Self.later(1))
            #expect(try await outbox.depth() == 2)
            #expect(try await outbox.depthByChannel() == ["mail": 2])
            #expect(try await outbox.due(at: Self.now, limit: 10, excluding: []).map(\.person) == ["lina"])
            let due = try await outbox.due(at: Self.later(5), limit: 10, excluding: [])
            #expect(due.map(\.person) == ["lina", "sunli"], "oldest first")
            #expect(due[0].message.language == .zhCN && due[0].recipient.channels == ["mail", "sms"])
            let lina = due[0]
            let sun = due[1]
            #expect(
                try await outbox.due(at: Self.later(5), limit: 10, excluding: [try #require(lina.id)]).map(\.person)
                    == ["sunli"])

            try await outbox.postpone([try #require(sun.id)], until: Self.later(60))
            #expect(try await outbox.due(at: Self.later(6), limit: 10, excluding: []).map(\.person) == ["lina"])

            try await outbox.recordDelivered(lina, detail: "250 OK", at: Self.later(7))
            try await outbox.recordDelivered(lina, detail: "again", at: Self.later(8))
            #expect(try await outbox.depth() == 1)
            #expect(try await outbox.due(at: Self.later(60), limit: 10, excluding: []).map(\.person) == ["sunli"])
            #expect(try await outbox.failingChannels(since: Self.now) == [:])
        }
    }

    @Test(.timeLimit(.minutes(2)), arguments: RepositoryBackend.allCases)
    func aFailedAttemptRetriesThenFallsOverToTheNextChannel(_ backend: RepositoryBackend) async throws {
        try await backend.withStores { stores in
            let outbox = stores.outbox
            try await stores.people.createInvitation(
                login: "lina", codeHash: "c1", expiresAt: Self.later(3_600),
                notifications: [Self.planned("lina", channels: ["mail", "sms"], code: "c1")], at: Self.now)
            let first = try #require(try await outbox.due(at: Self.now, limit: 10, excluding: []).first)
            try await outbox.recordFailed(
                first, reason: "SMTP 451", retryAt: Self.later(30), fallovers: [], at: Self.now)
            #expect(try await outbox.due(at: Self.later(10), limit: 10, excluding: []) == [])
            let retry = try #require(try await outbox.due(at: Self.later(30), limit: 10, excluding: []).first)
            #expect(retry.attempts == 1 && retry.lastError == "SMTP 451" && retry.channelID == "mail")
            #expect(try await outbox.failingChannels(since: Self.now) == ["mail": "SMTP 451"])

            let next = Fallover(channelID: "sms", index: 1, recipients: [], group: false)
            try await outbox.recordFailed(
                retry, reason: "SMTP 550", retryAt: nil, fallovers: [next], at: Self.later(31))
            let sms = try await outbox.due(at: Self.later(31), limit: 10, excluding: [])
            #expect(sms.map(\.channelID) == ["sms"])
            #expect(sms.first?.attempts == 0 && sms.first?.channelIndex == 1)
            #expect(sms.first?.idempotencyKey.hasSuffix("/sms") == true)
            // Giving up twice queues the next channel once.
            try await outbox.recordFailed(
                retry, reason: "SMTP 550", retryAt: nil, fallovers: [next], at: Self.later(32))
            #expect(try await outbox.depth() == 1)

            try await outbox.recordDelivered(try #require(sms.first), detail: "ok", at: Self.later(33))
            #expect(try await outbox.depth() == 0)
            #expect(try await outbox.failingChannels(since: Self.now) == ["mail": "SMTP 550"])
            #expect(try await outbox.unreachedIncidents().isEmpty)
        }
    }
}
