import Hummingbird

/// Headers every JSON API answer carries, errors included: never sniffed as another type, never cached (the
/// answers hold incidents and people's names, and a shared cache must not keep them).
struct APIHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let path = request.uri.path
        guard path.hasPrefix("/api/") || path == "/healthz" || path == "/metrics" else {
            return try await next(request, context)
        }
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as APIError {
            response = try error.response(from: request, context: context)
        } catch let error as HTTPError {
            response = try Self.json(error, request).response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// The router's own errors as the API's JSON: an unknown route is a 404 that says so, a known path with
    /// another method a 405 with `Allow`, anything else its status with its message.
    static func json(_ error: HTTPError, _ request: Request) -> APIError {
        let method = request.method.rawValue
        let path = request.uri.path
        guard error.status == .notFound || error.status == .methodNotAllowed else {
            return APIError(error.status, error.body ?? error.status.reasonPhrase)
        }
        let allowed = APIRouteTable.served.methods(at: path)
        guard allowed.isEmpty || allowed.contains(method) else {
            return APIError(
                .methodNotAllowed, "\(path) answers \(allowed.joined(separator: ", ")), not \(method).",
                headers: [.allow: allowed.joined(separator: ", ")])
        }
        return APIError(.notFound, "No route \(method) \(path); the routes are in /api/openapi.json.")
    }
}
