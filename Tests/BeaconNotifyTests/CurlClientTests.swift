import BeaconCurl
import BeaconNotify
import BeaconTestSupport
import Foundation
import Testing

@Suite struct CurlClientTests {
    private func post(_ url: String, timeout: Duration = .seconds(5)) -> CurlRequest {
        .post(url, headers: [.init("Content-Type", "text/plain")], body: Array("hello".utf8), timeout: timeout)
    }

    @Test func postsTheBodyAndReturnsTheResponse() async throws {
        let server = try await LoopbackHTTPServer.start(routes: ["/echo": .json(#"{"ok":true}"#, status: 201)])
        let client = CurlClient()
        let outcome = await client.perform(post(server.url("/echo")))
        let response = try outcome.get()
        #expect(response.status == 201)
        #expect(response.bodyText == #"{"ok":true}"#)
        #expect(!response.bodyTruncated)
        let request = try #require(server.requests(to: "/echo").first)
        #expect(request.bodyText == "hello")
        #expect(request.header("Expect") == nil)
        #expect(client.statistics.completed == 1)
        await client.shutdown()
        await server.stop()
    }

    @Test func reusesTheConnectionForTheNextRequest() async throws {
        let server = try await LoopbackHTTPServer.start(routes: ["/hook": .respond(body: "ok")])
        let client = CurlClient()
        let first = try await client.perform(post(server.url("/hook"))).get()
        let second = try await client.perform(post(server.url("/hook"))).get()
        #expect(!first.reusedConnection)
        #expect(second.reusedConnection)
        await client.shutdown()
        await server.stop()
    }

    @Test func keepsOnlyTheFirst64KiBOfALongAnswer() async throws {
        let server = try await LoopbackHTTPServer.start(routes: ["/big": .oversized(bytes: 300_000)])
        let client = CurlClient()
        let response = try await client.perform(post(server.url("/big"))).get()
        #expect(response.status == 200)
        #expect(response.body.count == 64 * 1024)
        #expect(response.bodyTruncated)
        await client.shutdown()
        await server.stop()
    }

    @Test func boundsTransfersInFlightAndShutdownFailsThePending() async throws {
        let server = try await LoopbackHTTPServer.start(routes: ["/hang": .hang])
        var options = CurlClient.Options()
        options.maxInFlight = 2
        let client = CurlClient(options: options)
        let request = post(server.url("/hang"), timeout: .seconds(30))
        let outcomes = Task {
            await withTaskGroup(of: Result<CurlResponse, CurlFailure>.self) { group in
                for _ in 0..<4 { group.addTask { await client.perform(request) } }
                return await group.reduce(into: []) { $0.append($1) }
            }
        }
        #expect(await server.waitForRequests(to: "/hang", count: 2))
        // Give a third transfer every chance to start, were the bound not kept.
        try await Task.sleep(for: .milliseconds(200))
        #expect(server.requestCount("/hang") == 2)
        #expect(client.statistics.inFlight == 2)
        await client.shutdown()
        let results = await outcomes.value
        #expect(results.count == 4)
        #expect(results.allSatisfy { (try? $0.get()) == nil })
        #expect(results.compactMap { try? $0.get() }.isEmpty)
        for case .failure(let failure) in results {
            #expect(failure.code == .shutDown)
            #expect(failure.isRetryable)
        }
        let late = await client.perform(request)
        #expect(throws: CurlFailure.self) { try late.get() }
        await server.stop()
    }

    @Test func cancellingTheCallerAbandonsTheRequest() async throws {
        let server = try await LoopbackHTTPServer.start(routes: ["/hang": .hang])
        let client = CurlClient()
        let request = post(server.url("/hang"), timeout: .seconds(30))
        let task = Task { await client.perform(request) }
        #expect(await server.waitForRequests(to: "/hang"))
        task.cancel()
        if case .failure(let failure) = await task.value {
            #expect(failure.code == .cancelled)
        } else {
            Issue.record("a cancelled request must fail")
        }
        await client.shutdown()
        await server.stop()
    }
}
