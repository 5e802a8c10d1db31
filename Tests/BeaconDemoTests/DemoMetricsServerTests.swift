import BeaconCore
import BeaconDemo
import BeaconTestSupport
import Testing

/// The demo server serves the scenario at every shipped URL, at the time its clock says.
@Suite(.timeLimit(.minutes(1)))
struct DemoMetricsServerTests {
    let scenario = DemoScenario.standard
    let shipped: BeaconConfig
    let elapsed = ElapsedTime()

    init() throws {
        shipped = try ShippedConfig.load()
    }

    /// Runs a demo server on 127.0.0.1 and a free port for `body`, then cancels it.
    func withDemoServer<Result>(_ body: (Int) async throws -> Result) async throws -> Result {
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let elapsed = elapsed
        let server = DemoMetricsServer(
            scenario: scenario, address: ListenAddress(host: "127.0.0.1", port: 0), elapsed: { elapsed.read() },
            logger: LoopbackHTTPServer.silentLogger, onRunning: { portSink.yield($0) })
        let task = Task {
            defer { portSink.finish() }
            try await server.run()
        }
        guard let port = await ports.first(where: { _ in true }) else {
            _ = await task.result
            throw LoopbackServerError("the demo server did not start")
        }
        let result = await outcome { try await body(port) }
        task.cancel()
        _ = await task.result
        return try result.get()
    }

    @Test func servesAParseableBodyAtEveryShippedURL() async throws {
        try await withDemoServer { port in
            for rule in shipped.rules {
                let path = RuleProbe.path(of: rule.source.url)
                let response = try await RawHTTPClient.get(port: port, path: path)
                #expect(response.status == 200, "\(path)")
                if rule.condition.kind == .contains {
                    #expect((SeriesReader.strings(rule.source, in: response.text)?.count ?? 0) >= 50, "\(rule.id)")
                } else {
                    let values = SeriesReader.numbers(rule.source, in: response.text)
                    #expect(values?.isEmpty == false, "\(rule.id) reads nothing from \(response.text)")
                }
            }
        }
    }

    @Test func servesTheScenarioAtTheInjectedTime() async throws {
        try await withDemoServer { port in
            for seconds in [3, 25, 47] {
                elapsed.set(.seconds(seconds))
                let expected = scenario.metrics(at: .seconds(seconds))
                for endpoint in DemoEndpoint.allCases {
                    let response = try await RawHTTPClient.get(port: port, path: endpoint.path)
                    #expect(response.text == endpoint.body(expected), "\(endpoint.path) at \(seconds) s")
                    #expect(response.headers["content-type"] == endpoint.contentType)
                }
            }
            elapsed.set(.seconds(25))
            let metrics = try await RawHTTPClient.get(port: port, path: "/metrics")
            #expect(
                metrics.text.contains("payment_success_rate 0.7") || metrics.text.contains("payment_success_rate 0.69"))
        }
    }

    @Test func healthEndpointsReportUp() async throws {
        try await withDemoServer { port in
            for path in ["/healthz", "/cs/healthz"] {
                let response = try await RawHTTPClient.get(port: port, path: path)
                #expect(response.text == "{\"status\":\"ok\",\"up\":1}\n")
            }
        }
    }

    @Test func unknownPathIsNotFound() async throws {
        try await withDemoServer { port in
            let response = try await RawHTTPClient.get(port: port, path: "/nothing")
            #expect(response.status == 404)
        }
    }
}
