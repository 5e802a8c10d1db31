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
            title: ConsoleFormat.t("title.declare"), identity: identity, section: .incidents, now: now(),
            pendingApprovals: try await pendingCount(identity), flash: flash)
        let page = DeclarePage(
            chrome: chrome,
            categories: BeaconCore.Category.allCases.map {
                SelectOption(value: $0.rawValue, label: ConsoleFormat.words.category($0), selected: $0 == .system)
            },
            severities: Severity.allCases.sorted(by: >).map {
                SelectOption(
                    value: $0.rawValue, label: "\($0.rawValue) \(ConsoleFormat.words.label($0))", selected: $0 == .sev3)
            })
        return (.ok, ConsoleTemplates.render(page, .declare))
    }

    func declare(_ identity: Identity, _ form: ConsoleForm) async throws -> Outcome {
        let back = "/incidents/new"
        guard let category = form["category"].flatMap(BeaconCore.Category.init(rawValue:)),
            let severity = form["severity"].flatMap(Severity.init(rawValue:))
        else {
            throw ConsoleError(
                status: .badRequest, heading: ConsoleFormat.t("error.cannot"),
                message: ConsoleFormat.t("flash.choose_category"),
                location: back)
        }
        let change = try await perform(back) {
            try await commands.declare(
                title: form.text("title") ?? "", category: category, severity: severity, by: identity.user.login,
                labels: Labels(), description: form.text("description"), at: now())
        }
        if change.notificationsQueued > 0 { queued(change.notificationsQueued) }
        let id = change.incident.id?.rawValue ?? 0
        return (
            "/incidents/\(id)",
            .init(.ok, ConsoleFormat.t("flash.declared", ["id": "\(id)", "severity": severity.rawValue]))
        )
    }

    func setSeverity(
        _ context: BeaconRequestContext, _ identity: Identity, _ form: ConsoleForm
    ) async throws -> Outcome {
        let id = try incidentID(context)
        let back = "/incidents/\(id.rawValue)"
        guard let severity = form["severity"].flatMap(Severity.init(rawValue:)) else {
            throw ConsoleError(
                status: .badRequest, heading: ConsoleFormat.t("error.cannot"),
                message: ConsoleFormat.t("flash.choose_severity"),
                location: back)
        }
        let change = try await perform(back) {
            try await commands.changeSeverity(
                id, to: severity, reason: form.text("reason") ?? "", by: identity.user.login,
                layer: identity.user.layer, at: now())
        }
        if change.notificationsQueued > 0 { queued(change.notificationsQueued) }
        return (
            back,
            .init(
                .ok,
                ConsoleFormat.t(
                    "flash.severity_set",
                    ["severity": severity.rawValue, "count": "\(change.notificationsQueued)"]))
        )
    }
}
