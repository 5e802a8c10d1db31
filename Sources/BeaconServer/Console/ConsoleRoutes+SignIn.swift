import BeaconCore
import Foundation
import Hummingbird

extension ConsoleRoutes {
    func loginPage(_ request: Request, _ context: BeaconRequestContext) throws -> Response {
        let next = ConsoleResponse.safeNext(request.uri.queryParameters["next"].map(String.init))
        if context.identity != nil { return ConsoleResponse.redirect(to: next) }
        return loginForm(.ok, login: "", next: next, error: nil)
    }

    /// Checks the password (5 failures lock the account for 5 minutes), then starts a session: a random
    /// cookie, stored only as its SHA-256 with a random CSRF token.
    func signIn(_ request: Request, _ context: BeaconRequestContext) async throws -> Response {
        let fields: ConsoleForm
        do {
            fields = try await ConsoleForm.read(request)
        } catch {
            return loginForm(.contentTooLarge, login: "", next: "/", error: ConsoleFormat.t("signin.too_large"))
        }
        let login = fields.text("login") ?? ""
        let next = ConsoleResponse.safeNext(fields["next"])
        // Double submit: the form's token must match the cookie the sign-in page set, so another site cannot
        // sign a browser in to an account of its choosing.
        guard let sent = fields["csrf"], !sent.isEmpty, sent == request.cookies[Self.loginCookie]?.value else {
            return loginForm(
                .forbidden, login: login, next: next, error: ConsoleFormat.t("signin.expired"))
        }
        let password = fields["password"] ?? ""
        let user: User
        do {
            user = try await check(login: login, password: password, at: now())
        } catch is SignIn.Failure {
            // A locked account answers as an unknown login does (same status, same words, same bcrypt time).
            return loginForm(
                .unauthorized, login: login, next: next,
                error: ConsoleFormat.t(
                    "signin.wrong",
                    ["failures": "\(SignIn.allowedFailures)", "minutes": "\(Int(SignIn.lockout / 60))"]))
        }
        guard let userID = user.id else { return loginForm(.unauthorized, login: login, next: next, error: nil) }
        guard user.inChain(config().chain) != nil else {
            // Said only after the right password: it tells nothing to someone guessing logins.
            return loginForm(
                .forbidden, login: login, next: next,
                error: ConsoleFormat.t("signin.outside_chain", ["login": login]))
        }
        let cookie = Credentials.randomText(bytes: 32)
        let now = now()
        let expires = now.addingTimeInterval(Self.sessionLifetime)
        try await people.createSession(
            idHash: Credentials.sha256(cookie), userID: userID, csrf: Credentials.randomText(bytes: 32),
            expiresAt: expires, at: now)
        var response = ConsoleResponse.redirect(to: next)
        response.setCookie(
            ConsoleResponse.sessionCookie(
                cookie, expires: expires, maxAge: Int(Self.sessionLifetime), secure: secureCookies))
        return response
    }

    /// bcrypt is slow on purpose; it runs off the server's event loops.
    private func check(login: String, password: String, at now: Date) async throws -> User {
        let signIn = SignIn(people: people)
        return try await Task.detached { try await signIn.check(login: login, password: password, at: now) }.value
    }

    func signOut(_ request: Request, _ context: BeaconRequestContext) async throws -> Response {
        guard let identity = context.identity else { return ConsoleResponse.redirect(to: "/login") }
        let fields = (try? await ConsoleForm.read(request)) ?? ConsoleForm("")
        guard fields.carries(csrf: identity.csrf) else {
            return errorPage(
                .forbidden, ConsoleFormat.t("error.form_expired"), ConsoleFormat.t("signin.sign_out_expired"),
                identity: identity)
        }
        if let hash = identity.sessionHash { try await people.deleteSession(idHash: hash) }
        var response = ConsoleResponse.redirect(to: "/login")
        response.setCookie(ConsoleResponse.clearedSession)
        return response
    }

    /// The cookie that carries the sign-in form's double-submit token.
    static let loginCookie = "beacon_login"

    private func loginForm(_ status: HTTPResponse.Status, login: String, next: String, error: String?) -> Response {
        let chrome = PageChrome(title: ConsoleFormat.t("title.sign_in"), identity: nil, section: .none, now: now())
        let token = Credentials.randomText(bytes: 24)
        let page = LoginPage(chrome: chrome, login: login, next: next, error: error, csrf: token)
        var response = ConsoleResponse.html(status, ConsoleTemplates.render(page, .login))
        response.setCookie(
            Cookie(
                name: Self.loginCookie, value: token, maxAge: 3600, path: "/login", httpOnly: true, sameSite: .strict))
        return response
    }
}
