import BeaconTestSupport
import Foundation
import Testing

/// The loopback server answers each path by its behaviour, records what it receives and always stops.
@Suite(.timeLimit(.minutes(1)))
struct LoopbackHTTPServerTests {
    @Test func respondServesTheBodyStatusAndContentType() async throws {
        try await withLoopbackServer(routes: ["/metrics": .prometheus("up 1\n")]) { server in
            let response = try await RawHTTPClient.get(port: server.port, path: "/metrics")
            #expect(response.status == 200)
            #expect(response.text == "up 1\n")
            #expect(response.headers["content-type"]?.hasPrefix("text/plain") == true)
            #expect(server.url("/metrics") == "http://127.0.0.1:\(server.port)/metrics")
        }
    }

    @Test func operatingSystemChoosesDistinctPorts() async throws {
        try await withLoopbackServer { first in
            try await withLoopbackServer { second in
                #expect(first.port > 0)
                #expect(second.port > 0)
                #expect(first.port != second.port)
            }
        }
    }

    @Test func pathWithoutBehaviourAnswersTheFallback() async throws {
        try await withLoopbackServer { server in
            let missing = try await RawHTTPClient.get(port: server.port, path: "/nothing")
            server.setFallback(.json("{}"))
            let fallback = try await RawHTTPClient.get(port: server.port, path: "/nothing")
            #expect(missing.status == 404)
            #expect(fallback.text == "{}")
        }
    }

    @Test func statusBehaviourAnswersThatStatus() async throws {
        try await withLoopbackServer(routes: ["/healthz": .status(500)]) { server in
            let response = try await RawHTTPClient.get(port: server.port, path: "/healthz")
            #expect(response.status == 500)
        }
    }

    @Test func garbageIsOKButParsesAsNothing() async throws {
        try await withLoopbackServer(routes: ["/sentiment.json": .garbage]) { server in
            let response = try await RawHTTPClient.get(port: server.port, path: "/sentiment.json")
            #expect(response.status == 200)
            #expect(response.body == LoopbackHTTPServer.Behaviour.garbageBody)
            #expect((try? JSONSerialization.jsonObject(with: Data(response.body))) == nil)
            #expect(String(validating: response.body, as: UTF8.self) == nil)
        }
    }

    @Test(arguments: [false, true])
    func oversizedStreamsExactlyThatManyBytes(declaresLength: Bool) async throws {
        let size = 3 * 1024 * 1024 + 17
        let routes: [String: LoopbackHTTPServer.Behaviour] = [
            "/big": .oversized(bytes: size, declaresLength: declaresLength)
        ]
        try await withLoopbackServer(routes: routes) { server in
            let response = try await RawHTTPClient.get(port: server.port, path: "/big")
            #expect(response.status == 200)
            #expect(response.body.count == size)
            if declaresLength {
                #expect(response.headers["content-length"] == String(size))
            } else {
                #expect(response.headers["transfer-encoding"]?.lowercased() == "chunked")
            }
        }
    }

    @Test func hangNeverAnswersButIsLogged() async throws {
        try await withLoopbackServer(routes: ["/metrics": .hang]) { server in
            await #expect(throws: RawHTTPError.self) {
                try await RawHTTPClient.get(port: server.port, path: "/metrics", timeout: .milliseconds(300))
            }
            // The log may lag the client's timeout on a busy machine: wait for it, boundedly, then count.
            #expect(await server.waitForRequests(to: "/metrics", timeout: .seconds(60)))
            #expect(server.requestCount("/metrics") == 1)
        }
    }

    @Test func stopReturnsWhileRequestsHang() async throws {
        let server = try await LoopbackHTTPServer.start(routes: [
            "/metrics": .hang, "/slow": .slow(delay: .seconds(3600), then: .status(200)),
        ])
        let port = server.port
        async let hanging = outcome { try await RawHTTPClient.get(port: port, path: "/metrics", timeout: .seconds(30)) }
        async let slow = outcome { try await RawHTTPClient.get(port: port, path: "/slow", timeout: .seconds(30)) }
        #expect(await server.waitForRequests(to: "/metrics"))
        #expect(await server.waitForRequests(to: "/slow"))
        await server.stop()
        // Released requests either get a 503 or see the connection close; neither waits for its timeout.
        for result in await [hanging, slow] {
            switch result {
            case .success(let response): #expect(response.status == 503)
            case .failure(let error): #expect((error as? RawHTTPError)?.code != .timedOut)
            }
        }
        await #expect(throws: RawHTTPError.self) {
            try await RawHTTPClient.get(port: port, path: "/metrics", timeout: .seconds(2))
        }
    }

    @Test func stopReturnsWhileAClientStallsAnOversizedBody() async throws {
        let server = try await LoopbackHTTPServer.start(routes: ["/big": .oversized(bytes: 1 << 30)])
        let socket = try RawHTTPClient.stalledRequest(port: server.port, path: "/big")
        defer { close(socket) }
        #expect(await server.waitForRequests(to: "/big"))
        // The body's writes are blocked on a full socket; stopping cancels them instead of waiting.
        await server.stop()
    }

    @Test func slowWaitsThenBehavesAsTheNextBehaviour() async throws {
        let delay = Duration.milliseconds(300)
        try await withLoopbackServer(routes: ["/slow": .slow(delay: delay, then: .json("{\"up\": 1}"))]) { server in
            let clock = ContinuousClock()
            let started = clock.now
            let response = try await RawHTTPClient.get(port: server.port, path: "/slow")
            #expect(started.duration(to: clock.now) >= delay)
            #expect(response.status == 200)
            #expect(response.text == "{\"up\": 1}")
            #expect(response.headers["content-type"] == "application/json")
        }
    }

    @Test func postBodiesHeadersAndTimesAreRecorded() async throws {
        try await withLoopbackServer(routes: ["/hook": .status(204)]) { server in
            let before = Date()
            let payload = Array("{\"incident\": \"INC-1\", \"text\": \"支付失败\"}".utf8)
            let response = try await RawHTTPClient.request(
                method: "POST", port: server.port, path: "/hook?token=abc",
                headers: ["Content-Type": "application/json", "X-Beacon-Signature": "sha256=00ff"], body: payload)
            #expect(response.status == 204)
            let recorded = try #require(server.requests(to: "/hook").first)
            #expect(recorded.method == "POST")
            #expect(recorded.path == "/hook")
            #expect(recorded.query == "token=abc")
            #expect(recorded.body == payload)
            #expect(recorded.bodyText.contains("支付失败"))
            #expect(recorded.header("x-beacon-signature") == "sha256=00ff")
            #expect(recorded.header("CONTENT-TYPE") == "application/json")
            #expect(recorded.receivedAt >= before.addingTimeInterval(-1))
        }
    }

    @Test func requestBodyOverTheLimitIsRefused() async throws {
        let server = try await LoopbackHTTPServer.start(routes: ["/hook": .status(200)], maxRequestBodyBytes: 16)
        let small = await outcome {
            try await RawHTTPClient.request(
                method: "POST", port: server.port, path: "/hook", body: Array(repeating: 1, count: 16))
        }
        let large = await outcome {
            try await RawHTTPClient.request(
                method: "POST", port: server.port, path: "/hook", body: Array(repeating: 1, count: 17))
        }
        await server.stop()
        #expect(try small.get().status == 200)
        #expect(try large.get().status == 413)
        #expect(server.requests(to: "/hook").map(\.body.count) == [16])
    }

    @Test func webhookReceiverFailsOnCommand() async throws {
        try await withLoopbackServer(routes: ["/hook": .status(500)]) { server in
            let first = try await RawHTTPClient.request(method: "POST", port: server.port, path: "/hook", body: [1])
            server.set(.status(200), for: "/hook")
            let second = try await RawHTTPClient.request(method: "POST", port: server.port, path: "/hook", body: [2])
            #expect(first.status == 500)
            #expect(second.status == 200)
            #expect(server.requests(to: "/hook").map(\.body) == [[1], [2]])
            #expect(server.behaviour(for: "/hook") == .status(200))
        }
    }

    @Test func concurrentRequestsAreAllCounted() async throws {
        try await withLoopbackServer(routes: ["/a": .status(200), "/b": .json("[]")]) { server in
            let port = server.port
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<24 {
                    group.addTask {
                        try await RawHTTPClient.get(port: port, path: index.isMultiple(of: 2) ? "/a" : "/b").status
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: 200, count: 24))
            // Count this test's own paths: anything else on the machine may find an ephemeral port too.
            #expect(server.requestCount("/a") == 12 && server.requestCount("/b") == 12)
            #expect(server.requests(to: "/a").count + server.requests(to: "/b").count == 24)
            server.clearLog()
            #expect(server.requestCount("/a") == 0)
        }
    }
}
