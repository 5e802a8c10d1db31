import BeaconCore
import Foundation
import Hummingbird

/// Sets the reader's language and clock around every console request: the `beacon_lang` cookie (the language
/// switch), else the signed-in person's `locale:`, else the configuration's; the person's `time_zone:`, else the
/// configuration's. The JSON API speaks English and is left alone.
struct ConsoleLanguageMiddleware: RouterMiddleware {
    typealias Context = BeaconRequestContext

    /// The cookie the language switch sets.
    static let cookieName = "beacon_lang"

    let config: @Sendable () -> BeaconConfig

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        // The API speaks English; the stylesheet and script have no words.
        guard !request.uri.path.hasPrefix("/api/"), !request.uri.path.hasPrefix("/assets/") else {
            return try await next(request, context)
        }
        let config = config()
        let words = Self.words(request, identity: context.identity, config: config)
        return try await ConsoleFormat.$words.withValue(words) {
            try await ConsoleFormat.$page.withValue(request.uri.description) {
                try await ConsoleFormat.$people.withValue(ConsoleFormat.people(of: config.chain)) {
                    try await next(request, context)
                }
            }
        }
    }

    static func words(_ request: Request, identity: Identity?, config: BeaconConfig) -> Localizer {
        let person = identity.flatMap { config.chain.person($0.user.login)?.person }
        let words = config.words(for: person)
        guard let chosen = request.cookies[cookieName].flatMap({ Language(tag: $0.value) }) else { return words }
        return Localizer(chosen, timeZone: words.timeZone)
    }
}
