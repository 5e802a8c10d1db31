import BeaconTestSupport

/// Runs `body` against a fresh loopback server and stops the server afterwards, even when `body` throws.
func withLoopbackServer<Result>(
    routes: [String: LoopbackHTTPServer.Behaviour] = [:],
    _ body: (LoopbackHTTPServer) async throws -> Result
) async throws -> Result {
    let server = try await LoopbackHTTPServer.start(routes: routes)
    do {
        let result = try await body(server)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}

/// The outcome of an async throwing call, as a value.
func outcome<Value>(_ body: () async throws -> Value) async -> Result<Value, any Error> {
    do {
        return .success(try await body())
    } catch {
        return .failure(error)
    }
}
