import BeaconCore
import Foundation
import Hummingbird

extension ConsoleRoutes {
    func onCallPage(_ identity: Identity, _ flash: PageChrome.Flash?) async throws -> Rendered {
        let now = now()
        let overrides = try await environment.repositories.rosters.overrides(
            roster: nil, from: now, to: now.addingTimeInterval(Double(OnCallPage.days + 1) * 86_400))
        let chrome = await PageChrome(
            title: ConsoleFormat.t("title.oncall"), identity: identity, section: .oncall, now: now,
            pendingApprovals: try pendingCount(identity), flash: flash)
        let page = OnCallPage(chrome: chrome, config: config(), overrides: overrides, user: identity.user, now: now)
        return (.ok, ConsoleTemplates.render(page, .oncall))
    }

    /// Puts someone of the layer on duty for a while: take a shift, or give it to a colleague.
    func addOverride(
        _ context: BeaconRequestContext, _ identity: Identity, _ form: ConsoleForm
    ) async throws -> Outcome {
        let back = "/oncall"
        let config = config()
        let roster = try context.parameters.require("roster")
        func time(_ field: String) throws -> Date {
            guard let text = form.text(field), let date = config.time(text) else {
                throw ConsoleError(
                    status: .badRequest, heading: ConsoleFormat.t("error.cannot"),
                    message: ConsoleFormat.t(field == "from" ? "flash.give_from" : "flash.give_to"),
                    location: back)
            }
            return date
        }
        let override = RosterOverride(
            roster: roster, person: PersonID(form.text("person") ?? identity.user.login), from: try time("from"),
            to: try time("to"), createdBy: identity.user.login, reason: form.text("reason"), createdAt: now())
        let stored = try await perform(back) {
            try await environment.repositories.addOverride(override, config: config, actorIsAdmin: identity.user.admin)
        }
        return (
            back,
            .init(
                .ok,
                ConsoleFormat.t(
                    "flash.on_duty", ["person": ConsoleFormat.name(stored.person.rawValue), "roster": roster]))
        )
    }

    func removeOverride(
        _ context: BeaconRequestContext, _ identity: Identity, _ form: ConsoleForm
    ) async throws -> Outcome {
        let back = "/oncall"
        guard let id = context.parameters.get("id", as: Int64.self) else {
            throw ConsoleError.notFound(ConsoleFormat.t("flash.no_override"))
        }
        let removed = try await perform(back) {
            try await environment.repositories.removeOverride(
                id, by: identity.user.login, actorIsAdmin: identity.user.admin, config: config(), at: now())
        }
        guard removed != nil else {
            throw ConsoleError.notFound(ConsoleFormat.t("flash.no_override_id", ["id": "\(id)"]))
        }
        return (back, .init(.ok, ConsoleFormat.t("flash.override_removed", ["id": "\(id)"])))
    }
}
