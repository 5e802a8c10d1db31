import BeaconCore
import Foundation
import Hummingbird

/// `GET /incidents/new` and its form: anyone of the chain declares an incident from any page (the navigation's
/// Declare link), and `POST /incidents/{id}/severity`: the operation and execution layers set the severity with a
/// reason.
extension ConsoleRoutes {
    struct DeclarePage {
        var chrome: PageChrome
        var categories: [SelectOption]
        var severities: [SelectOption]
    }

    func declarePage(_ identity: Identity, _ flash: PageChrome.Flash?) async throws -> (HTTPResponse.Status, String) {
        let chrome = PageChrome(
            title: "Declare an incident", identity: identity, section: .incidents, now: now(),
            pendingApprovals: try await pendingCount(identity), flash: flash)
        let page = DeclarePage(
            chrome: chrome,
            categories: BeaconCore.Category.allCases.map {
                SelectOption(value: $0.rawValue, label: $0.rawValue, selected: $0 == .system)
            },
            severities: Severity.allCases.sorted(by: >).map {
                SelectOption(value: $0.rawValue, label: "\($0.rawValue) \($0.label)", selected: $0 == .sev3)
            })
        return (.ok, ConsoleTemplates.render(page, .declare))
    }

    func declare(_ identity: Identity, _ form: ConsoleForm) async throws -> Outcome {
        let back = "/incidents/new"
        guard let category = form["category"].flatMap(BeaconCore.Category.init(rawValue:)),
            let severity = form["severity"].flatMap(Severity.init(rawValue:))
        else {
            throw ConsoleError(
                status: .badRequest, heading: "Cannot do that", message: "Choose a category and a severity.",
                location: back)
        }
        let change = try await perform(back) {
            try await commands.declare(
                title: form.text("title") ?? "", category: category, severity: severity, by: identity.user.login,
                labels: Labels(), description: form.text("description"), at: now())
        }
        if change.notificationsQueued > 0 { queued(change.notificationsQueued) }
        let id = change.incident.id?.rawValue ?? 0
        return ("/incidents/\(id)", .init(.ok, "Declared #\(id) at \(severity.rawValue): the layers are paged."))
    }

    func setSeverity(
        _ context: BeaconRequestContext, _ identity: Identity, _ form: ConsoleForm
    ) async throws -> Outcome {
        let id = try incidentID(context)
        let back = "/incidents/\(id.rawValue)"
        guard let severity = form["severity"].flatMap(Severity.init(rawValue:)) else {
            throw ConsoleError(
                status: .badRequest, heading: "Cannot do that", message: "Choose sev1, sev2, sev3 or sev4.",
                location: back)
        }
        let change = try await perform(back) {
            try await commands.changeSeverity(
                id, to: severity, reason: form.text("reason") ?? "", by: identity.user.login,
                layer: identity.user.layer, at: now())
        }
        if change.notificationsQueued > 0 { queued(change.notificationsQueued) }
        return (
            back, .init(.ok, "Severity set to \(severity.rawValue); \(change.notificationsQueued) notification(s).")
        )
    }
}
