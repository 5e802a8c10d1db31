import BeaconCore
import Foundation
public import Hummingbird

/// `/api/users`: admins manage who may sign in. Everyone else gets 403.
public struct UserRoutes: EnvironmentRoutes {
    let environment: RouteEnvironment
    /// Bcrypt cost for new passwords; tests lower it.
    let passwordCost: UInt8

    public init(_ environment: RouteEnvironment, passwordCost: UInt8 = 12) {
        self.environment = environment
        self.passwordCost = passwordCost
    }

    /// A person of the chain (`login`, `password`, optionally `admin`; the name and layer are the chain's), or a
    /// service account (`login`, `service`: `read` or `intake`; it uses API tokens).
    struct NewUser: Decodable {
        var login: String
        var admin: Bool?
        var password: String?
        var service: ServiceScope?
    }

    public func add(to router: Router<BeaconRequestContext>) {
        router.get("api/users") { request, context in
            try requireAdmin(context)
            let page = try Page(request)
            if let cursor = page.after, !User.isValidLogin(cursor) {
                throw APIError(.badRequest, "cursor is a login.", field: "cursor")
            }
            // As the chain says now: a person's name and layer are the chain's.
            let chain = config().chain
            let users = try await people.users().map { $0.inChain(chain) ?? $0 }.sorted { $0.login < $1.login }
                .filter { user in page.after.map { user.login > $0 } ?? true }
            return try page.response(
                Array(users.prefix(page.limit + 1)), request: request, key: \.login, encode: { UserResource($0) })
        }
        router.get("api/users/:login") { _, context in
            try requireAdmin(context)
            let login = try context.parameters.require("login")
            guard let user = try await people.user(login: login).map({ $0.inChain(config().chain) ?? $0 }) else {
                throw APIError(.notFound, "No user \"\(login)\".")
            }
            return try JSONBody.response(UserResource(user))
        }
        router.post("api/users") { request, context in try await create(request, context) }
        router.post("api/users/:login/disable") { request, context in
            try requireAdmin(context, request)
            let user = try await change {
                try await people.updateUser(login: context.parameters.require("login")) { $0.disabled = true }
            }
            return try JSONBody.response(UserResource(user))
        }
        router.post("api/users/:login/token") { request, context in
            try requireAdmin(context, request)
            let login = try context.parameters.require("login")
            let made = Credentials.newToken()
            try await change {
                try await people.addToken(login: login, hash: made.hash, prefix: made.prefix, at: now())
            }
            return try JSONBody.response(
                ["login": login, "token": made.token], status: .created, location: "/api/users/\(login)")
        }
    }

    func create(_ request: Request, _ context: BeaconRequestContext) async throws -> Response {
        try requireAdmin(context, request)
        let body = try await JSONBody.decode(NewUser.self, from: request)
        if let scope = body.service {
            let account = try await change {
                try await people.addServiceAccount(login: body.login, scope: scope, at: now())
            }
            return try JSONBody.response(
                UserResource(account), status: .created, location: "/api/users/\(account.login)")
        }
        guard let (person, layer) = config().chain.person(PersonID(body.login)), person.login == body.login else {
            // 409: the request conflicts with the configuration in force, which an edit of beacon.yaml changes.
            throw APIError(
                .conflict,
                "\(body.login) is not the login of a person of the command chain in beacon.yaml; add them there "
                    + "first, or create a service account with \"service\".", field: "login")
        }
        do {
            try Credentials.validate(password: body.password ?? "")
        } catch {
            throw APIError(.badRequest, error.description, field: "password")
        }
        let user = try await change {
            try await people.addUser(
                login: body.login, name: person.name, layer: layer, admin: body.admin ?? false,
                passwordHash: Credentials.hashPassword(body.password ?? "", cost: passwordCost), at: now())
        }
        return try JSONBody.response(UserResource(user), status: .created, location: "/api/users/\(user.login)")
    }

    /// An admin, or a 401/403; writes by a console session must carry its CSRF token.
    func requireAdmin(_ context: BeaconRequestContext, _ request: Request? = nil) throws {
        let user = try request.map { try context.requireWriter($0) } ?? context.requireUser()
        guard user.admin else { throw APIError(.forbidden, "Only admins manage users.") }
    }

    @discardableResult
    func change<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as UserError {
            switch error.code {
            case .exists: throw APIError(.conflict, error.message, field: "login")
            case .notFound: throw APIError(.notFound, error.message)
            case .invalid: throw APIError(.badRequest, error.message, field: "login")
            }
        }
    }
}
