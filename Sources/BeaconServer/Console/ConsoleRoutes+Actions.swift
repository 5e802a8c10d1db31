import BeaconCore
import Foundation
import Hummingbird

extension ConsoleRoutes {
    typealias Outcome = (location: String, flash: PageChrome.Flash)

    func act(
        _ action: IncidentAction, _ context: BeaconRequestContext, _ identity: Identity, _ form: ConsoleForm
    ) async throws -> Outcome {
        let id = try incidentID(context)
        let back = "/incidents/\(id.rawValue)"
        let change = try await perform(back) {
            try await commands.perform(action, on: id, by: identity.user.login, note: form.text("note"), at: now())
        }
        if change.notificationsQueued > 0 { queued(change.notificationsQueued) }
        return (
            back,
            .init(
                .ok,
                ConsoleFormat.t("flash.status", ["id": "\(id)", "status": ConsoleFormat.words.status(action.result)]))
        )
    }

    func escalate(_ context: BeaconRequestContext, _ identity: Identity, _ form: ConsoleForm) async throws -> Outcome {
        let id = try incidentID(context)
        let back = "/incidents/\(id.rawValue)"
        let layer = try form.text("layer").map { text in
            guard let layer = Layer(rawValue: text) else {
                throw ConsoleError(
                    status: .badRequest, heading: ConsoleFormat.t("error.cannot"),
                    message: ConsoleFormat.t("flash.no_layer", ["layer": text]),
                    location: back)
            }
            return layer
        }
        let count = try await perform(back) {
            try await commands.escalate(id, to: layer, by: identity.user.login, note: form.text("note"), at: now())
        }
        if count > 0 { queued(count) }
        let paged =
            layer.map { ConsoleFormat.t("flash.the_layer", ["layer": ConsoleFormat.words.layer($0)]) }
            ?? ConsoleFormat.t("flash.next_layer")
        return (back, .init(.ok, ConsoleFormat.t("flash.escalated", ["layer": paged, "count": "\(count)"])))
    }

    func instruct(_ context: BeaconRequestContext, _ identity: Identity, _ form: ConsoleForm) async throws -> Outcome {
        let id = try incidentID(context)
        let back = "/incidents/\(id.rawValue)"
        let change = try await perform(back) {
            try await commands.instruct(
                id, text: form.text("text") ?? "", by: identity.user.login, layer: identity.user.layer, at: now())
        }
        if change.notificationsQueued > 0 { queued(change.notificationsQueued) }
        return (back, .init(.ok, ConsoleFormat.t("flash.instructed")))
    }

    func completeStep(
        _ context: BeaconRequestContext, _ identity: Identity, _ form: ConsoleForm
    ) async throws -> Outcome {
        let id = try incidentID(context)
        let back = "/incidents/\(id.rawValue)"
        let stepID = try context.parameters.require("step")
        let user = identity.user
        let step = try await perform(back) {
            try await commands.completeStep(
                StepID(stepID), of: id, by: user.login, layer: user.layer, note: form.text("note"), at: now())
        }
        return (back, .init(.ok, ConsoleFormat.t("flash.step_done", ["step": step.title])))
    }

    func answer(_ context: BeaconRequestContext, _ identity: Identity, _ form: ConsoleForm) async throws -> Outcome {
        guard let approvalID = context.parameters.get("id", as: Int64.self).map(ApprovalID.init),
            let approval = try await incidentRepository.approval(approvalID)
        else { throw ConsoleError.notFound(ConsoleFormat.t("flash.no_approval")) }
        let back = form["return_to"] == "inbox" ? "/approvals" : "/incidents/\(approval.incidentID.rawValue)"
        let approve: Bool
        switch form["decision"] {
        case "approve": approve = true
        case "reject": approve = false
        default: throw ConsoleError.badRequest(ConsoleFormat.t("flash.choose_answer"))
        }
        let user = identity.user
        let answered = try await perform(back) {
            try await commands.answer(
                approvalID, approve: approve, by: user.login, layer: user.layer, comment: form.text("comment"),
                at: now())
        }
        queued(1)
        return (
            back, .init(.ok, ConsoleFormat.t("flash.answered.\(answered.state.rawValue)", ["title": answered.title]))
        )
    }

    /// Runs a ledger change, turning its refusals into console errors that know where to go back to.
    func perform<T>(_ back: String, _ change: () async throws -> T) async throws -> T {
        do {
            return try await change()
        } catch let error as IncidentError {
            throw ConsoleError(error, location: back)
        }
    }
}
