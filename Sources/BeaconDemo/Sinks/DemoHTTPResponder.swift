import BeaconCore
import Foundation
import Hummingbird
import Logging

/// Answers every `POST` as the real service of its channel would, after reporting it as a ``DemoDelivery``.
struct DemoHTTPResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let channelTypes: [String: ChannelType]
    let maximumBodyBytes: Int
    let logger: Logger
    let onDelivery: @Sendable (DemoDelivery) -> Void

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .post else {
            return Self.response(
                status: .methodNotAllowed,
                answer: .init(contentType: Self.plainText, body: "POST a notification here.\n"),
                extra: [.allow: "POST"])
        }
        let bytes: ByteBuffer
        do {
            bytes = try await request.body.collect(upTo: maximumBodyBytes)
        } catch {
            return Self.response(
                status: .contentTooLarge,
                answer: .init(contentType: Self.plainText, body: "The body is over \(maximumBodyBytes) bytes.\n"))
        }
        let path = request.uri.path
        let channel = String(path.drop { $0 == "/" }).removingPercentEncoding ?? String(path.drop { $0 == "/" })
        let body = DemoRequestBody(Array(bytes.readableBytesView), contentType: request.headers[.contentType])
        let type = DemoHTTPSink.channelType(for: channel, body: body, known: channelTypes)
        let delivery = DemoDelivery(channel: channel, type: type, body: body)
        logger.info(
            "The demo HTTP sink received a notification.",
            metadata: [
                "sink.channel": "\(channel)", "sink.type": "\(type.rawValue)",
                "sink.recipient": "\(delivery.recipient ?? "")",
            ])
        onDelivery(delivery)
        return Self.response(status: .ok, answer: DemoHTTPSink.answer(for: type))
    }

    private static let plainText = "text/plain; charset=utf-8"

    private static func response(
        status: HTTPResponse.Status, answer: DemoHTTPSink.Answer, extra: HTTPFields = [:]
    ) -> Response {
        var headers: HTTPFields = [.contentType: answer.contentType]
        headers.append(contentsOf: extra)
        return Response(
            status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: answer.body)))
    }
}
