public import BeaconCore
public import Hummingbird

/// The request context of Beacon's routes: who is signed in, and how.
public struct BeaconRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The authenticated user, if any; set by `AuthMiddleware`.
    public var identity: Identity?

    public init(source: Self.Source) {
        coreContext = .init(source: source)
    }
}

/// A signed-in user, by API token or console session.
public struct Identity: Sendable {
    public var user: User
    /// The CSRF token of the console session; `nil` for API tokens, which forms cannot forge.
    public var csrf: String?
    /// The hash of the session cookie, to sign out.
    public var sessionHash: String?
}
