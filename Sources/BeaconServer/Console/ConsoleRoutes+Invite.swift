import BeaconCore
import Foundation
import Hummingbird

/// `GET/POST /invite/{code}`: a person of the chain sets their password from the one-time link
/// `beacon user invite` made. The code is the secret; only its hash is stored.
struct InvitePage {
    var chrome: PageChrome
    var name: String
    var login: String
    var layer: String
    var code: String
    var error: String?
}

extension ConsoleRoutes {
    func invitePage(
        _ context: BeaconRequestContext, error: String? = nil, status: HTTPResponse.Status = .ok
    )
        async throws -> Response
    {
        let code = try context.parameters.require("code")
        guard let login = try await people.invitation(codeHash: Credentials.sha256(code), at: now()),
            let (person, layer) = config().chain.person(PersonID(login)), person.login == login
        else { return Self.expiredInvitation(now: now()) }
        let chrome = PageChrome(title: ConsoleFormat.t("title.welcome"), identity: nil, section: .none, now: now())
        let page = InvitePage(
            chrome: chrome, name: person.name, login: login, layer: ConsoleFormat.words.layer(layer), code: code,
            error: error)
        var response = ConsoleResponse.html(status, ConsoleTemplates.render(page, .invite))
        response.headers[.init("Referrer-Policy")!] = "no-referrer"
        return response
    }

    func acceptInvitation(_ request: Request, _ context: BeaconRequestContext) async throws -> Response {
        let code = try context.parameters.require("code")
        let fields = try await ConsoleForm.read(request)
        let password = fields["password"] ?? ""
        guard password == fields["again"] ?? "" else {
            return try await invitePage(context, error: ConsoleFormat.t("invite.differ"), status: .badRequest)
        }
        do {
            try Credentials.validate(password: password)
        } catch {
            return try await invitePage(
                context, error: ConsoleFormat.t("invite.weak", ["minimum": "\(Credentials.minimumPasswordLength)"]),
                status: .badRequest)
        }
        guard try await people.invitation(codeHash: Credentials.sha256(code), at: now()) != nil else {
            return Self.expiredInvitation(now: now())
        }
        // bcrypt is slow on purpose; it runs off the server's event loops.
        let hash = await Task.detached { Credentials.hashPassword(password) }.value
        guard
            try await people.acceptInvitation(codeHash: Credentials.sha256(code), passwordHash: hash, at: now()) != nil
        else { return Self.expiredInvitation(now: now()) }
        return ConsoleResponse.redirect(to: "/login")
    }

    static func expiredInvitation(now: Date) -> Response {
        let page = ErrorPage(
            chrome: PageChrome(title: ConsoleFormat.t("title.invitation"), identity: nil, section: .none, now: now),
            heading: ConsoleFormat.t("title.invitation"),
            message: ConsoleFormat.t("invite.gone")
        )
        return ConsoleResponse.html(.notFound, ConsoleTemplates.render(page, .error))
    }
}
