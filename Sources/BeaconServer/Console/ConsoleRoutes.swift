import BeaconCore
public import Foundation
public import Hummingbird

/// The web console: server-rendered pages for signing in, the dashboard, incidents and approvals, and the
/// forms that act on them.
///
/// Every form posts the session's CSRF token in a hidden `csrf` field, is checked before anything else, and
/// ends in a 303 back to the page it came from, the result shown there once. What a person may do is decided
/// by `IncidentLedger`; the buttons a page offers are only a convenience.
public struct ConsoleRoutes: EnvironmentRoutes {
    /// How long a console sign-in lasts.
    public static let sessionLifetime: TimeInterval = 12 * 3_600
    /// How often the dashboard, incident and approvals pages refresh themselves.
    public static let refreshSeconds = 15

    let environment: RouteEnvironment
    /// Source URLs the monitor cannot read, and why.
    let failingSources: @Sendable () -> [String: String]

    /// - Parameter failingSources: the source URLs the monitor cannot read, and why (`MonitorService.status`).
    public init(
        _ environment: RouteEnvironment, failing failingSources: @escaping @Sendable () -> [String: String] = { [:] }
    ) {
        self.environment = environment
        self.failingSources = failingSources
    }

    public func add(to router: Router<BeaconRequestContext>) {
        router.get("/assets/console.css") { _, _ in ConsoleResponse.asset(ConsoleAssets.css, type: "text/css") }
        router.get("/assets/console.js") { _, _ in
            ConsoleResponse.asset(ConsoleAssets.javascript, type: "text/javascript")
        }
        router.get("/login") { request, context in try loginPage(request, context) }
        router.post("/login") { request, context in try await signIn(request, context) }
        router.post("/logout") { request, context in try await signOut(request, context) }
        router.get("/") { request, context in try await page(request, context) { try await dashboard($0, $1) } }
        router.get("/incidents") { request, context in
            try await page(request, context) { try await incidentList(request, $0, $1) }
        }
        router.get("/incidents/new") { request, context in
            try await page(request, context) { try await declarePage($0, $1) }
        }
        router.post("/incidents/new") { request, context in
            try await form(request, context) { try await declare($0, $1) }
        }
        router.post("/incidents/:id/severity") { request, context in
            try await form(request, context) { try await setSeverity(context, $0, $1) }
        }
        router.get("/incidents/:id") { request, context in
            try await page(request, context) { try await incidentPage(request, context, $0, $1) }
        }
        router.get("/approvals") { request, context in
            try await page(request, context) { try await inbox($0, $1) }
        }
        router.get("/invite/:code") { _, context in try await invitePage(context) }
        router.post("/invite/:code") { request, context in try await acceptInvitation(request, context) }
        router.get("/oncall") { request, context in
            try await page(request, context) { try await onCallPage($0, $1) }
        }
        router.post("/oncall/:roster/overrides") { request, context in
            try await form(request, context) { try await addOverride(context, $0, $1) }
        }
        router.post("/oncall/overrides/:id/remove") { request, context in
            try await form(request, context) { try await removeOverride(context, $0, $1) }
        }
        router.get("/reports/weekly.md") { request, context in try await weeklyMarkdown(request, context) }
        router.get("/reports/weekly") { request, context in
            try await page(request, context) { try await weeklyReport(request, $0, $1) }
        }
        for action in [IncidentAction.acknowledge, .mitigate, .resolve] {
            router.post("/incidents/:id/\(action.rawValue)") { request, context in
                try await form(request, context) { try await act(action, context, $0, $1) }
            }
        }
        router.post("/incidents/:id/instruct") { request, context in
            try await form(request, context) { try await instruct(context, $0, $1) }
        }
        router.post("/incidents/:id/escalate") { request, context in
            try await form(request, context) { try await escalate(context, $0, $1) }
        }
        router.post("/incidents/:id/steps/:step") { request, context in
            try await form(request, context) { try await completeStep(context, $0, $1) }
        }
        // Not `/approvals/:id/…`: the approval links own the `/approvals/:token` capture.
        router.post("/approvals/answer/:id") { request, context in
            try await form(request, context) { try await answer(context, $0, $1) }
        }
        addPostMortem(to: router)
        router.get("/language/:tag") { request, context in language(request, context) }
    }

    /// The language switch: remembers the choice for a year in a cookie (the language is no secret, and the link
    /// changes nothing else) and goes back to the page it was pressed on.
    func language(_ request: Request, _ context: BeaconRequestContext) -> Response {
        // Back to the page the switch was pressed on: `next`, else the referring page's path on this site.
        let referrer = request.headers[.referer].flatMap(URLComponents.init(string:)).map { parts in
            parts.percentEncodedPath + (parts.percentEncodedQuery.map { "?" + $0 } ?? "")
        }
        let next = ConsoleResponse.safeNext(
            request.uri.queryParameters["next"].map(String.init) ?? referrer, allowingLogin: true)
        var response = ConsoleResponse.redirect(to: next)
        if let language = context.parameters.get("tag").flatMap(Language.init(tag:)) {
            response.setCookie(
                Cookie(
                    name: ConsoleLanguageMiddleware.cookieName, value: language.rawValue, maxAge: 365 * 86_400,
                    path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax))
        }
        return response
    }

    // MARK: - Pages and forms

    /// A page for a signed-in person: anyone else is sent to sign in and brought back afterwards.
    func page(
        _ request: Request, _ context: BeaconRequestContext,
        _ render: (Identity, PageChrome.Flash?) async throws -> (status: HTTPResponse.Status, html: String)
    ) async throws -> Response {
        guard let identity = context.identity else {
            return ConsoleResponse.redirect(to: "/login?next=" + ConsoleResponse.queryEscaped(request.uri.description))
        }
        let flash = ConsoleResponse.flash(in: request)
        var response: Response
        do {
            let (status, html) = try await render(identity, flash)
            response = ConsoleResponse.html(status, html)
        } catch let error as ConsoleError {
            response = errorPage(error.status, error.heading, error.message, identity: identity)
        }
        if flash != nil { response.setCookie(ConsoleResponse.clearedFlash) }
        return response
    }

    /// A form of a signed-in person: the CSRF token is checked first, then `handle` does the change and says
    /// where to go back to and what to show there.
    func form(
        _ request: Request, _ context: BeaconRequestContext,
        _ handle: (Identity, ConsoleForm) async throws -> (location: String, flash: PageChrome.Flash)
    ) async throws -> Response {
        guard let identity = context.identity else { return ConsoleResponse.redirect(to: "/login") }
        let fields: ConsoleForm
        do {
            fields = try await ConsoleForm.read(request)
        } catch let error as ConsoleForm.TooLarge {
            return errorPage(.contentTooLarge, ConsoleFormat.t("error.too_large"), error.message, identity: identity)
        }
        guard fields.carries(csrf: identity.csrf) else {
            return errorPage(
                .forbidden, ConsoleFormat.t("error.form_expired"), ConsoleFormat.t("error.form_session"),
                identity: identity)
        }
        do {
            let (location, flash) = try await handle(identity, fields)
            var response = ConsoleResponse.redirect(to: location)
            response.setCookie(ConsoleResponse.flashCookie(flash, secure: secureCookies))
            return response
        } catch let error as ConsoleError {
            guard let location = error.location else {
                return errorPage(error.status, error.heading, error.message, identity: identity)
            }
            var response = ConsoleResponse.redirect(to: location)
            response.setCookie(ConsoleResponse.flashCookie(.init(.error, error.message), secure: secureCookies))
            return response
        }
    }

    func errorPage(
        _ status: HTTPResponse.Status, _ heading: String, _ message: String, identity: Identity?
    ) -> Response {
        let chrome = PageChrome(title: heading, identity: identity, section: .none, now: now())
        let page = ErrorPage(chrome: chrome, heading: heading, message: message)
        return ConsoleResponse.html(status, ConsoleTemplates.render(page, .error))
    }

    /// Cookies are `Secure` when Beacon is reached over HTTPS.
    var secureCookies: Bool { config().publicURL.lowercased().hasPrefix("https://") }

    /// Pending approvals, for the decision layer's navigation badge.
    func pendingCount(_ identity: Identity) async throws -> Int? {
        guard identity.user.layer == .decision else { return nil }
        let now = now()
        return try await incidentRepository.pendingApprovals().filter { now <= $0.expiresAt }.count
    }
}
