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
    /// The chain in force: a person's layer and name are read from it at every request.
    let chain: @Sendable () -> CommandChain
    let now: @Sendable () -> Date

    public init(
        people: any PeopleRepository, chain: @escaping @Sendable () -> CommandChain,
        now: @escaping @Sendable () -> Date
    ) {
        self.people = people
        self.chain = chain
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
            else {
                throw APIError(
                    .unauthorized, "The API token is not valid.",
                    headers: [.wwwAuthenticate: "Bearer realm=\"beacon\", error=\"invalid_token\""])
            }
            guard let current = user.inChain(chain()) else { throw Self.outsideChain(user) }
            context.identity = Identity(user: current, csrf: nil, sessionHash: nil)
        } else if let cookie = request.cookies[Self.cookieName]?.value {
            let hash = Credentials.sha256(cookie)
            // A person taken out of the chain is signed out: their session no longer says who they are.
            if let (user, csrf) = try await people.session(idHash: hash, at: now()), let current = user.inChain(chain())
            {
                context.identity = Identity(user: current, csrf: csrf, sessionHash: hash)
            }
        }
        return try await next(request, context)
    }

    static func outsideChain(_ user: User) -> APIError {
        APIError(
            .forbidden,
            "\(user.login) is not a person of the command chain in beacon.yaml, so the account can no longer act.")
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
        if let scope = identity.user.service {
            throw APIError(.forbidden, "A service account (\(scope.rawValue)) does not act on incidents or people.")
        }
        if let csrf = identity.csrf, request.headers[.init("X-CSRF-Token")!] != csrf {
            throw APIError(.forbidden, "Missing or wrong X-CSRF-Token for this session.")
        }
        return identity.user
    }

    /// Who may post alerts: a person of the chain, or a service account with the `intake` scope.
    func requireIntake(_ request: Request) throws -> User {
        guard let identity else { throw APIError.unauthorized }
        if identity.user.service == .intake { return identity.user }
        return try requireWriter(request)
    }
}
