/// The behaviour for each path and the log of requests received, shared by the handlers and the test.
struct RouteTable: Sendable {
    var behaviours: [String: LoopbackHTTPServer.Behaviour]
    var fallback: LoopbackHTTPServer.Behaviour
    var requests: [LoopbackHTTPServer.RecordedRequest] = []
    var counts: [String: Int] = [:]

    /// Logs a request and returns what to do with it.
    mutating func record(_ request: LoopbackHTTPServer.RecordedRequest) -> LoopbackHTTPServer.Behaviour {
        requests.append(request)
        counts[request.path, default: 0] += 1
        return behaviours[request.path] ?? fallback
    }
}
