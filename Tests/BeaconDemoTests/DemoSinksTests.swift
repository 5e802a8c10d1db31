import BeaconCore
import BeaconCurl
import BeaconDemo
import BeaconNotify
import BeaconTestSupport
import Foundation
import Testing

/// `routeChannels` points every shipped channel at the sinks and nothing else changes; then a notification on
/// each routed channel, sent by Beacon's own sender, arrives on the sinks' one stream.
@Suite(.timeLimit(.minutes(1)))
struct DemoSinksTests {
    let shipped: BeaconConfig

    init() throws {
        shipped = try ShippedConfig.load()
    }

    @Test
    func routeChannelsPointsEveryShippedChannelAtTheSinks() throws {
        let routed = DemoConfig.routeChannels(shipped, httpPort: 41_001, smtpPort: 41_002)
        #expect(!shipped.channels.isEmpty)
        #expect(Set(shipped.channels.map(\.type)).isSuperset(of: [.dingtalk, .wecom, .webhook, .smtp, .sms]))
        #expect(routed.channels.map(\.id) == shipped.channels.map(\.id))
        for (before, after) in zip(shipped.channels, routed.channels) {
            if before.type == .smtp {
                #expect(after.url == "smtp://127.0.0.1:41002")
                #expect(after.security == .none)
            } else {
                #expect(after.url == "http://127.0.0.1:41001/\(before.id)")
                #expect(after.security == before.security)
            }
            // Everything but the address stays, so channels render and sign as in production.
            var restored = after
            restored.url = before.url
            restored.security = before.security
            #expect(restored == before)
        }
        var rest = routed
        rest.channels = shipped.channels
        #expect(rest == shipped)
    }

    @Test
    func aChannelIdIsOnePathSegment() {
        let config = BeaconConfig(
            channels: [Channel(id: "ops/回声 1", type: .webhook, url: "https://example.com/x")],
            chain: shipped.chain)
        let routed = DemoConfig.routeChannels(config, httpPort: 9_200, smtpPort: 2_525)
        #expect(routed.channels[0].url == "http://127.0.0.1:9200/ops%2F%E5%9B%9E%E5%A3%B0%201")
    }

    @Test
    func everyRoutedChannelDeliversToTheSinks() async throws {
        let sinks = try await DemoSinks.start(channels: shipped.channels, logger: LoopbackHTTPServer.silentLogger)
        let routed = sinks.route(shipped)
        let collected = Task {
            var deliveries: [DemoDelivery] = []
            for await delivery in sinks.deliveries { deliveries.append(delivery) }
            return deliveries
        }
        let client = CurlClient()
        let sender = CurlChannelSender(client: client, now: { NotificationFixture.now })
        var results: [String: DeliveryResult] = [:]
        for channel in routed.channels {
            let layers = Layer.allCases.flatMap { layer in routed.chain[layer].people.map { ($0, layer) } }
            let (person, layer) = try #require(layers.first { $0.0.channels.contains(channel.id) })
            let recipient = Recipient(person, layer: layer)
            results[channel.id] = await sender.send(NotificationFixture.delivery(channel, to: recipient))
        }
        await client.shutdown()
        await sinks.stop()
        // `stop()` finishes the stream, so collecting ends by itself.
        let deliveries = await collected.value
        for (id, result) in results { #expect(result.isDelivered, "\(id): \(result)") }
        let expected = routed.channels.map { $0.type == .smtp ? "smtp" : $0.id }
        #expect(deliveries.map(\.channel).sorted() == expected.sorted())
        #expect(deliveries.allSatisfy { $0.headline == NotificationFixture.pageSubject })
        for delivery in deliveries {
            let type = routed.channels.first { $0.id == delivery.channel }?.type ?? .smtp
            #expect(delivery.type == type)
        }
    }

    @Test
    func aTakenPortIsReportedAndNothingIsLeftRunning() async throws {
        let first = try await DemoSinks.start(logger: LoopbackHTTPServer.silentLogger)
        let failure = await outcome {
            try await DemoSinks.start(smtpPort: first.smtpPort, logger: LoopbackHTTPServer.silentLogger)
        }
        await first.stop()
        #expect(throws: DemoSinkError.self) { try failure.get() }
        if case .failure(let error as DemoSinkError) = failure {
            #expect(error.message.contains("127.0.0.1:\(first.smtpPort)"))
        }
    }
}
