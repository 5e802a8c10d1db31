import BeaconCore
import Foundation
public import Hummingbird

/// Who is on duty, and the rosters' overrides, over HTTP:
/// `GET /api/oncall[?at=…]`, `GET /api/rosters/{roster}/overrides`, `POST /api/rosters/{roster}/overrides`
/// (`{"person", "from", "to", "reason"}`) and `DELETE /api/rosters/{roster}/overrides/{id}`. Only people of the
/// roster's layer, or an admin, change it.
public struct OnCallRoutes: EnvironmentRoutes {
    let environment: RouteEnvironment

    public init(_ environment: RouteEnvironment) { self.environment = environment }

    public func add(to router: Router<BeaconRequestContext>) {
        let api = router.group("api")
        api.get("oncall") { request, context in
            _ = try context.requireUser()
            let config = config()
            let at = try request.uri.queryParameters["at"].map { try time(String($0), config, field: "at") } ?? now()
            let overrides = try await environment.repositories.rosters.overrides(
                roster: nil, from: at, to: at.addingTimeInterval(15 * 86_400))
            return try JSONBody.response(OnCallReport(config: config, overrides: overrides, at: at))
        }
        api.get("rosters/:roster/overrides") { request, context in
            _ = try context.requireUser()
            let roster = try context.parameters.require("roster")
            guard config().roster(roster) != nil else { throw APIError(.notFound, "No roster \(roster).") }
            let page = try Page(request)
            let after: Int64 =
                try page.after.map { key -> Int64 in
                    guard let number = Int64(key) else {
                        throw APIError(.badRequest, "cursor is an override's number.", field: "cursor")
                    }
                    return number
                } ?? 0
            // By number, the order the cursor counts in.
            let overrides = try await environment.repositories.rosters.overrides(
                roster: roster, from: now(), to: .distantFuture
            ).sorted { ($0.id ?? 0) < ($1.id ?? 0) }.filter { ($0.id ?? 0) > after }
            return try page.response(
                Array(overrides.prefix(page.limit + 1)), request: request, key: { String($0.id ?? 0) }, encode: { $0 })
        }
        api.get("rosters/:roster/overrides/:id") { _, context in
            _ = try context.requireUser()
            let roster = try context.parameters.require("roster")
            guard config().roster(roster) != nil else { throw APIError(.notFound, "No roster \(roster).") }
            guard let id = context.parameters.get("id", as: Int64.self),
                let override = try await environment.repositories.rosters.override(id), override.roster == roster
            else { throw APIError(.notFound, "No such override of roster \(roster).") }
            return try JSONBody.response(override)
        }
        api.post("rosters/:roster/overrides") { request, context in
            let user = try context.requireWriter(request)
            let config = config()
            let body = try await JSONBody.decode(OverrideRequest.self, from: request)
            let override = RosterOverride(
                roster: try context.parameters.require("roster"),
                person: config.chain.person(body.person)?.person.id ?? PersonID(body.person),
                from: try time(body.from, config, field: "from"), to: try time(body.to, config, field: "to"),
                createdBy: user.login, reason: body.reason, createdAt: now())
            let stored = try await perform {
                try await environment.repositories.addOverride(override, config: config, actorIsAdmin: user.admin)
            }
            return try JSONBody.response(
                stored, status: .created, location: "/api/rosters/\(stored.roster)/overrides/\(stored.id ?? 0)")
        }
        api.delete("rosters/:roster/overrides/:id") { request, context in
            let user = try context.requireWriter(request)
            guard let id = context.parameters.get("id", as: Int64.self) else {
                throw APIError(.notFound, "No such override.")
            }
            let removed = try await perform {
                try await environment.repositories.removeOverride(
                    id, of: try context.parameters.require("roster"), by: user.login, actorIsAdmin: user.admin,
                    config: config(), at: now())
            }
            guard removed != nil else { throw APIError(.notFound, "No override \(id) in force.") }
            return Response(status: .noContent)
        }
    }

    struct OverrideRequest: Decodable {
        var person: String
        var from: String
        var to: String
        var reason: String?
    }

    func time(_ text: String, _ config: BeaconConfig, field: String) throws -> Date {
        guard let date = config.time(text) else {
            throw APIError(
                .badRequest, "\(field) is a local time (2026-12-08T20:00) or an RFC 3339 time.", field: field)
        }
        return date
    }
}
