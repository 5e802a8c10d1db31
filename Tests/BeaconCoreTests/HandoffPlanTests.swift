import BeaconCore
import BeaconTestSupport
import Foundation
import Testing

/// What a shift change and an invitation send, planned from the configuration alone.
struct HandoffPlanTests {
    static let zone = TimeZone(identifier: "Asia/Shanghai")!

    static var config: BeaconConfig {
        var config = BeaconConfig(
            publicURL: "https://beacon.example.com",
            channels: [
                Channel(id: "hook", type: .webhook, url: "http://127.0.0.1:9/hook", audience: .personal),
                Channel(id: "ops-robot", type: .dingtalk, url: "http://127.0.0.1:9/robot"),
                Channel(id: "sms", type: .sms, url: "http://127.0.0.1:9/sms"),
            ],
            chain: TestChain.chain(
                operation: [TestChain.zhangMin(["ops-robot", "sms", "hook"]), TestChain.chenXiao(["ops-robot"])],
                execution: [TestChain.wangLei(["hook"])], decision: [TestChain.liNa(["hook"])]))
        config = TestChain.rostered(
            config, shift: .seconds(12 * 3_600), handoff: "2027-02-01T08:00", hours: "08:00-20:00", zone: zone)
        return config
    }

    func at(_ text: String) -> Date { LocalDateTime(parsing: text)!.date(in: Self.zone) }

    @Test func theLatestChangeOfEachRosteredLayerIsItsHandoff() throws {
        // Day shifts only: at 20:00 nobody takes over from the day lead.
        let handoffs = Self.config.handoffs(after: at("2027-02-02T07:00"), through: at("2027-02-02T20:30"))
        let handoff = try #require(handoffs.first)
        #expect(handoffs.count == 1)
        #expect(handoff.at == at("2027-02-02T20:00"))
        #expect(handoff.outgoing.map(\.id) == ["zhangmin"])
        #expect(handoff.incoming.isEmpty)
        #expect(handoff.until == at("2027-02-03T08:00"))
        let planned = CommandPlanner(config: Self.config).handoff(handoff, holding: [], at: at("2027-02-02T20:00"))
        #expect(planned.map(\.message.kind) == [.handedOver])
        let text = try #require(planned.first?.message.text)
        #expect(text.contains("Nobody is on duty after you: until someone is, the whole operation layer is paged."))
        #expect(text.contains("No open incidents in your layer."))
        #expect(Self.config.handoffs(after: at("2027-02-02T20:00"), through: at("2027-02-02T23:00")).isEmpty)
    }

    @Test func anInvitationGoesOnlyOnPersonalChannels() throws {
        let planner = CommandPlanner(config: Self.config)
        let expires = at("2027-02-05T08:00")
        let zhangMin = try #require(Self.config.chain.person("zhangmin")?.person)
        let planned = planner.invitation(
            zhangMin, layer: .operation, url: "https://beacon.example.com/invite/abc", expiresAt: expires,
            at: at("2027-02-02T08:00"))
        let invitation = try #require(planned.first)
        #expect(planned.count == 1)
        #expect(invitation.channelID == "sms", "the group robot is skipped: anyone there could use the link")
        #expect(invitation.recipient.channels == ["sms", "hook"], "falls over to personal channels only")
        #expect(invitation.incidentID == nil)
        #expect(invitation.message.invitation?.url == "https://beacon.example.com/invite/abc")
        #expect(invitation.idempotencyKey.hasPrefix("user-zhangmin/invitation-"))
        let chenXiao = try #require(Self.config.chain.person("chenxiao")?.person)
        #expect(
            planner.invitation(chenXiao, layer: .operation, url: "u", expiresAt: expires, at: at("2027-02-02T08:00"))
                .isEmpty, "only a group channel: nothing is sent, the link is handed over by hand")
    }
}
