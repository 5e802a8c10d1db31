public import BeaconCore
public import Foundation
public import Hummingbird

/// Finds who is calling: an API token (`Authorization: Bearer …`) or a console session cookie.
///
/// Requests with a session cookie that change state must carry the session's CSRF token (the
/// `X-CSRF-Token` header, or the `csrf` field of a console form, which the console checks itself).
public struct AuthMiddleware: RouterMiddleware {
    public typealias Context = BeaconRequestContext

    public static let cookieName = "beacon_session"

    let people: any PeopleRepository
    let now: @Sendable () -> Date

    public init(people: any PeopleRepository, now: @escaping @Sendable () -> Date) {
        self.people = people
        self.now = now
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        if let header = request.headers[.authorization] {
            guard header.lowercased().hasPrefix("bearer "),
                let user = try await people.user(
                    tokenHash: Credentials.sha256(String(header.dropFirst(7))), at: now())
            else { throw APIError(.unauthorized, "The API token is not valid.") }
            context.identity = Identity(user: user, csrf: nil, sessionHash: nil)
        } else if let cookie = request.cookies[Self.cookieName]?.value {
            let hash = Credentials.sha256(cookie)
            if let (user, csrf) = try await people.session(idHash: hash, at: now()) {
                context.identity = Identity(user: user, csrf: csrf, sessionHash: hash)
            }
        }
        return try await next(request, context)
    }
}

extension BeaconRequestContext {
    /// The signed-in user, or a 401.
    func requireUser() throws -> User {
        guard let identity else { throw APIError.unauthorized }
        return identity.user
    }

    /// The signed-in user of a state-changing API call; cookie sessions must send their CSRF token.
    func requireWriter(_ request: Request) throws -> User {
        guard let identity else { throw APIError.unauthorized }
        if let csrf = identity.csrf, request.headers[.init("X-CSRF-Token")!] != csrf {
            throw APIError(.forbidden, "Missing or wrong X-CSRF-Token for this session.")
        }
        return identity.user
    }
}
