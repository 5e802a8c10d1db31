import BeaconCore
import Foundation
import Hummingbird

/// Answers every request by the behaviour its path is set to, after logging it.
struct LoopbackResponder: HTTPResponder {
    typealias Context = LoopbackRequestContext

    let table: Locked<RouteTable>
    /// Opens when the server stops; releases `.hang` and `.slow` handlers.
    let stopping: Latch
    let clock: any Clock<Duration>
    let now: @Sendable () -> Date
    let maxRequestBodyBytes: Int

    /// The size of each piece of an `.oversized` body.
    static let chunkSize = 64 * 1024

    func respond(to request: Request, context: Context) async throws -> Response {
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: maxRequestBodyBytes)
        } catch {
            // Too large (or the client went away): refused, and not logged, since its body is unknown.
            return Self.response(status: 413, bytes: Array("request body over \(maxRequestBodyBytes) bytes\n".utf8))
        }
        let recorded = LoopbackHTTPServer.RecordedRequest(
            method: request.method.rawValue, path: request.uri.path, query: request.uri.query,
            headers: request.headers.map { .init(name: $0.name.rawName, value: $0.value) },
            body: Array(body.readableBytesView), receivedAt: now(), clientPort: context.clientPort)
        let behaviour = table.withLock { $0.record(recorded) }
        return await response(for: behaviour)
    }

    private func response(for behaviour: LoopbackHTTPServer.Behaviour) async -> Response {
        switch behaviour {
        case .respond(let status, let body, let contentType):
            return Self.response(status: status, bytes: Array(body.utf8), contentType: contentType)
        case .status(let status):
            return Self.response(status: status, bytes: Array("HTTP \(status)\n".utf8))
        case .garbage:
            return Self.response(
                status: 200, bytes: LoopbackHTTPServer.Behaviour.garbageBody, contentType: "application/json")
        case .oversized(let bytes, let declaresLength):
            return oversized(bytes: bytes, declaresLength: declaresLength)
        case .hang:
            await stopping.wait()
            return Self.stopped
        case .slow(let delay, let then):
            if await stopping.wait(atMost: delay, clock: clock) { return Self.stopped }
            return await response(for: then)
        }
    }

    /// Streams `bytes` bytes of `x` lines; gives up (closing the connection) once the server stops.
    private func oversized(bytes: Int, declaresLength: Bool) -> Response {
        let stopping = self.stopping
        let pattern = Array(repeating: UInt8(ascii: "x"), count: Self.chunkSize - 1) + [UInt8(ascii: "\n")]
        let body = ResponseBody(contentLength: declaresLength ? bytes : nil) { writer in
            var remaining = max(bytes, 0)
            while remaining > 0 {
                if stopping.isOpen || Task.isCancelled { throw CancellationError() }
                let count = min(remaining, pattern.count)
                try await writer.write(ByteBuffer(bytes: pattern[..<count]))
                remaining -= count
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: Self.plainText], body: body)
    }

    private static func response(status: Int, bytes: [UInt8], contentType: String = plainText) -> Response {
        Response(
            status: HTTPResponse.Status(code: status), headers: [.contentType: contentType],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    private static let plainText = "text/plain; charset=utf-8"

    /// What a released `.hang` or `.slow` request gets, if the connection is still open.
    private static var stopped: Response { response(status: 503, bytes: Array("server stopping\n".utf8)) }
}
