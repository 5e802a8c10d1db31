import BeaconCore
import Foundation
public import Hummingbird

/// An error of the JSON API: `{"error": "…", "field": "…"}` with its status.
public struct APIError: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var message: String
    public var field: String?
    /// Headers the answer carries besides its JSON: `WWW-Authenticate` on a 401, `Allow` on a 405.
    public var headers: HTTPFields

    public init(_ status: HTTPResponse.Status, _ message: String, field: String? = nil, headers: HTTPFields = [:]) {
        self.status = status
        self.message = message
        self.field = field
        self.headers = headers
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var object: [String: String] = ["error": message]
        if let field { object["field"] = field }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        var headers = headers
        headers[.contentType] = "application/json"
        return Response(
            status: status, headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static let unauthorized = APIError(
        .unauthorized, "Sign in, or send an API token as Authorization: Bearer <token>.",
        headers: [.wwwAuthenticate: "Bearer realm=\"beacon\""])
}

extension EnvironmentRoutes {
    /// Runs a change for an API call, mapping the ledger's errors to statuses: 404, 403, 409, 400.
    func perform<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as IncidentError {
            throw APIError(error.status, error.message)
        }
    }
}
