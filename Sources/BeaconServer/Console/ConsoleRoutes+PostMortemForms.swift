import BeaconCore
import Foundation
import Hummingbird

extension ConsoleRoutes {
    /// Opens the post-mortem of an incident resolved without one (before post-mortems were kept).
    func openPostMortem(
        _ context: BeaconRequestContext, _ identity: Identity, _ form: ConsoleForm
    ) async throws -> Outcome {
        let id = try incidentID(context)
        let back = Self.postMortemPath(id)
        let incident = try await existingIncident(id)
        guard !incident.status.isActive else {
            throw ConsoleError(
                status: .conflict, heading: ConsoleFormat.t("error.cannot"),
                message: ConsoleFormat.t(
                    "flash.postmortem_not_yet", ["id": "\(id)", "status": ConsoleFormat.words.status(incident.status)]),
                location: back)
        }
        let now = now()
        let opened = try await postMortemChange(back) { try await postMortems.openPostMortem(id, at: now) }
        let due = ConsoleFormat.time(opened.dueAt, now: now)
        return (
            back,
            .init(
                .ok,
                ConsoleFormat.t(
                    "flash.postmortem_opened", ["layer": ConsoleFormat.words.layer(opened.owner), "due": due]))
        )
    }

    /// Saves the written fields the form sends: root cause, trigger, and the impact figures.
    func saveFields(_ context: BeaconRequestContext, _ identity: Identity, _ form: ConsoleForm) async throws -> Outcome
    {
        let id = try incidentID(context)
        let back = Self.postMortemPath(id)
        let incident = try await existingIncident(id)
        var updated = try await existingPostMortem(id, back: back)
        let changed: [String]
        do {
            let result = try PostMortemInput.fields(form, over: updated.fields)
            updated.fields = result.0
            changed = result.1
            try await Self.keepClosed(incident, updated, followUps: try postMortems.followUps(id))
        } catch let invalid as PostMortemInput.Invalid {
            throw PostMortemPage.Rejected(form: .fields, sent: form, errors: invalid.errors)
        }
        guard !changed.isEmpty else { return (back, .init(.ok, ConsoleFormat.t("flash.nothing_changed"))) }
        try await applyPostMortem(id, by: identity, back: back) { update in
            // Applied to the stored fields again, so a field this form left out keeps a concurrent change.
            if let result = try? PostMortemInput.fields(form, over: update.fields) { update.fields = result.0 }
        }
        return (back, .init(.ok, ConsoleFormat.t("flash.saved", ["fields": ConsoleFormat.words.list(changed)])))
    }

    /// Saves the team's comment on one finding; a blank comment removes it.
    func saveComment(_ context: BeaconRequestContext, _ identity: Identity, _ form: ConsoleForm) async throws -> Outcome
    {
        let id = try incidentID(context)
        let back = Self.postMortemPath(id)
        _ = try await existingIncident(id)
        guard let kind = context.parameters.get("finding").flatMap(FindingKind.init(rawValue:)) else {
            let known = ConsoleFormat.choices { (kind: FindingKind) in ConsoleFormat.t("finding.\(kind.rawValue)") }
            throw ConsoleError.notFound(ConsoleFormat.t("flash.no_finding", ["known": known]))
        }
        _ = try await existingPostMortem(id, back: back)
        let comment = form.text("comment")
        try await applyPostMortem(id, by: identity, back: back) { $0.comments[kind] = comment }
        let question = ConsoleFormat.t("finding.\(kind.rawValue).question")
        return (
            back,
            .init(
                .ok,
                ConsoleFormat.t(
                    comment == nil ? "flash.comment_removed" : "flash.comment_saved", ["question": question]))
        )
    }

    /// Saves why no follow-up is needed; a blank reason removes it.
    func saveNoActionReason(
        _ context: BeaconRequestContext, _ identity: Identity, _ form: ConsoleForm
    ) async throws -> Outcome {
        let id = try incidentID(context)
        let back = Self.postMortemPath(id)
        let incident = try await existingIncident(id)
        var updated = try await existingPostMortem(id, back: back)
        let reason = form.text("reason")
        updated.noActionReason = reason
        do {
            try await Self.keepClosed(incident, updated, followUps: try postMortems.followUps(id))
        } catch let invalid as PostMortemInput.Invalid {
            throw PostMortemPage.Rejected(form: .noAction, sent: form, errors: invalid.errors)
        }
        try await applyPostMortem(id, by: identity, back: back) { $0.noActionReason = reason }
        return (back, .init(.ok, ConsoleFormat.t(reason == nil ? "flash.no_action_removed" : "flash.no_action_saved")))
    }

    /// Adds a follow-up: type, action, owner and due day.
    func addFollowUp(_ context: BeaconRequestContext, _ identity: Identity, _ form: ConsoleForm) async throws -> Outcome
    {
        let id = try incidentID(context)
        let back = Self.postMortemPath(id)
        _ = try await existingIncident(id)
        _ = try await existingPostMortem(id, back: back)
        let now = now()
        let followUp: FollowUp
        do {
            followUp = try PostMortemInput.newFollowUp(form, incident: id, now: now)
        } catch let invalid as PostMortemInput.Invalid {
            throw PostMortemPage.Rejected(form: .followUp, sent: form, errors: invalid.errors)
        }
        try await applyPostMortem(id, by: identity, back: back) { $0.followUps.append(followUp) }
        return (
            back,
            .init(
                .ok,
                ConsoleFormat.t(
                    "flash.follow_up_added",
                    ["description": followUp.description, "owner": ConsoleFormat.name(followUp.owner)])
            )
        )
    }

    /// Marks a follow-up done, won't do (with a reason), or open again.
    func setFollowUp(_ context: BeaconRequestContext, _ identity: Identity, _ form: ConsoleForm) async throws -> Outcome
    {
        let id = try incidentID(context)
        let back = Self.postMortemPath(id)
        _ = try await existingIncident(id)
        guard let number = context.parameters.get("followUp", as: Int64.self),
            var item = try await postMortems.followUps(id).first(where: { $0.id == number })
        else { throw ConsoleError.notFound(ConsoleFormat.t("flash.no_follow_up", ["id": "\(id)"])) }
        guard let status = form["status"].flatMap(FollowUpStatus.init(rawValue:)) else {
            throw ConsoleError.badRequest(ConsoleFormat.t("flash.choose_follow_up"))
        }
        let reason = form.text("reason")
        if status == .wontDo && reason == nil {
            throw ConsoleError(
                status: .badRequest, heading: ConsoleFormat.t("error.cannot"),
                message: ConsoleFormat.t("flash.wont_do_reason", ["description": item.description]), location: back)
        }
        item.status = status
        item.reason = status == .wontDo ? reason : nil
        try await applyPostMortem(id, by: identity, back: back) { update in
            update.followUps = update.followUps.map { $0.id == item.id ? item : $0 }
        }
        let result =
            switch status {
            case .open: ConsoleFormat.t("flash.follow_up_reopened")
            case .done: ConsoleFormat.t("flash.follow_up_done")
            case .wontDo: ConsoleFormat.t("flash.follow_up_wont_do")
            }
        return (
            back,
            .init(.ok, ConsoleFormat.t("flash.follow_up_result", ["result": result, "description": item.description]))
        )
    }

    /// Closes the incident through the closing rule; what the post-mortem still lacks comes back as the error.
    func closeIncident(
        _ context: BeaconRequestContext, _ identity: Identity, _ form: ConsoleForm
    ) async throws -> Outcome {
        let id = try incidentID(context)
        let back = Self.postMortemPath(id)
        _ = try await existingIncident(id)
        let change = try await postMortemChange(back) {
            try await commands.perform(.close, on: id, by: identity.user.login, at: now())
        }
        if change.notificationsQueued > 0 { queued(change.notificationsQueued) }
        return (back, .init(.ok, ConsoleFormat.t("flash.closed", ["id": "\(id)"])))
    }

    /// Reopens a closed incident, with a reason, so its post-mortem can be changed.
    func reopenIncident(
        _ context: BeaconRequestContext, _ identity: Identity, _ form: ConsoleForm
    ) async throws -> Outcome {
        let id = try incidentID(context)
        let back = Self.postMortemPath(id)
        _ = try await existingIncident(id)
        _ = try await postMortemChange(back) {
            try await commands.reopen(
                id, reason: form.text("reason") ?? "", by: identity.user.login, layer: identity.user.layer, at: now())
        }
        return (back, .init(.ok, ConsoleFormat.t("flash.reopened")))
    }

    static func postMortemPath(_ id: IncidentID) -> String { "/incidents/\(id.rawValue)/postmortem" }

    func existingIncident(_ id: IncidentID) async throws -> Incident {
        guard let incident = try await incidentRepository.incident(id) else {
            throw ConsoleError.notFound(ConsoleFormat.t("flash.no_incident", ["id": "\(id)"]))
        }
        return incident
    }

    func existingPostMortem(_ id: IncidentID, back: String) async throws -> PostMortem {
        guard let postMortem = try await postMortems.postMortem(id) else {
            throw ConsoleError(
                status: .conflict, heading: ConsoleFormat.t("error.cannot"),
                message: ConsoleFormat.t("flash.no_postmortem_yet", ["id": "\(id)"]),
                location: back)
        }
        return postMortem
    }

    /// A closed incident's post-mortem keeps what closing needed.
    static func keepClosed(_ incident: Incident, _ postMortem: PostMortem, followUps: [FollowUp]) throws {
        guard incident.status == .closed else { return }
        let missing = postMortem.missingForClose(followUps: followUps)
        guard missing.isEmpty else {
            throw PostMortemInput.Invalid(errors: [
                ConsoleFormat.t(
                    "flash.closed_keeps",
                    [
                        "id": "\(incident.id?.rawValue ?? 0)",
                        "missing": CloseNeed.list(missing, in: ConsoleFormat.words),
                    ])
            ])
        }
    }

    /// Changes what is written through `PostMortemStore.apply`, so the timeline says who changed what.
    @discardableResult
    func applyPostMortem(
        _ id: IncidentID, by identity: Identity, back: String, _ change: @escaping (inout PostMortemUpdate) -> Void
    ) async throws -> PostMortemChanges {
        return try await postMortemChange(back) {
            let postMortem = try await existingPostMortem(id, back: back)
            var update = await PostMortemUpdate(postMortem, followUps: try postMortems.followUps(id))
            change(&update)
            return try await postMortems.apply(update, to: id, by: identity.user.login, at: now())
        }
    }

    /// Runs a post-mortem change, turning the store's and the ledger's refusals into a message on the page.
    @discardableResult
    func postMortemChange<T>(_ back: String, _ change: () async throws -> T) async throws -> T {
        do {
            return try await perform(back, change)
        } catch let error as StoreError {
            throw ConsoleError(
                status: .conflict, heading: ConsoleFormat.t("error.cannot"),
                message: error.message(in: ConsoleFormat.words),
                location: back)
        }
    }
}
