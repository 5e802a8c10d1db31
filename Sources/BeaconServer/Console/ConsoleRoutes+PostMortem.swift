import BeaconCore
import Foundation
import Hummingbird

extension ConsoleRoutes {
    /// The post-mortem page, its Markdown export, and its forms.
    func addPostMortem(to router: Router<BeaconRequestContext>) {
        router.get("/incidents/:id/postmortem") { request, context in
            try await page(request, context) { try await postMortemPage(context, $0, $1) }
        }
        router.get("/incidents/:id/postmortem.md") { request, context in try await postMortemMarkdown(request, context)
        }
        let forms: [(String, PostMortemAction)] = [
            ("open", openPostMortem), ("fields", saveFields), ("comments/:finding", saveComment),
            ("no-action", saveNoActionReason), ("follow-ups", addFollowUp), ("follow-ups/:followUp", setFollowUp),
            ("close", closeIncident), ("reopen", reopenIncident),
        ]
        for (path, action) in forms {
            router.post("/incidents/:id/postmortem/\(path)") { request, context in
                try await postMortemForm(request, context, action)
            }
        }
    }

    typealias PostMortemAction = @Sendable (BeaconRequestContext, Identity, ConsoleForm) async throws -> Outcome

    func postMortemPage(
        _ context: BeaconRequestContext, _ identity: Identity, _ flash: PageChrome.Flash?,
        rejected: PostMortemPage.Rejected? = nil
    ) async throws -> Rendered {
        let id = try incidentID(context)
        guard let incident = try await incidentRepository.incident(id) else {
            throw ConsoleError.notFound(ConsoleFormat.t("flash.no_incident", ["id": "\(id)"]))
        }
        let report = try await postMortems.postMortem(id) == nil ? nil : try postMortems.report(id)
        let now = now()
        let chrome = PageChrome(
            title: ConsoleFormat.t("title.postmortem", ["id": "\(id)", "title": incident.title]), identity: identity,
            section: .incidents, now: now,
            pendingApprovals: try await pendingCount(identity), flash: flash)
        let page = PostMortemPage(
            chrome: chrome, incident: incident, report: report,
            canWrite: PostMortem.authors.contains(identity.user.layer), chain: config().chain, now: now,
            rejected: rejected)
        return (rejected == nil ? .ok : .unprocessableContent, ConsoleTemplates.render(page, .postmortem))
    }

    /// `GET /incidents/{id}/postmortem.md`: the report as Markdown, for a signed-in person.
    func postMortemMarkdown(_ request: Request, _ context: BeaconRequestContext) async throws -> Response {
        guard let identity = context.identity else {
            return ConsoleResponse.redirect(to: "/login?next=" + ConsoleResponse.queryEscaped(request.uri.description))
        }
        let id = try incidentID(context)
        guard try await incidentRepository.incident(id) != nil, try await postMortems.postMortem(id) != nil else {
            return errorPage(
                .notFound, ConsoleFormat.t("error.not_found"), ConsoleFormat.t("flash.no_postmortem", ["id": "\(id)"]),
                identity: identity)
        }
        let markdown = try await postMortems.report(id).markdown(in: ConsoleFormat.words)
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/markdown; charset=utf-8", .cacheControl: "no-store",
                .contentDisposition: "inline; filename=\"incident-\(id.rawValue)-postmortem.md\"",
                .xContentTypeOptions: "nosniff",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(string: markdown)))
    }

    /// A post-mortem form: the CSRF token first, then the writer's layer; a form refused for what was typed in
    /// it shows the page again as sent (422) rather than redirecting, so nothing typed is lost.
    func postMortemForm(
        _ request: Request, _ context: BeaconRequestContext, _ action: PostMortemAction
    ) async throws -> Response {
        do {
            return try await form(request, context) { identity, fields in
                let user = identity.user
                if let refusal = PostMortem.refusal(for: user.login, in: user.layer, words: ConsoleFormat.words) {
                    throw ConsoleError(
                        status: .forbidden, heading: ConsoleFormat.t("error.not_allowed"), message: refusal)
                }
                return try await action(context, identity, fields)
            }
        } catch let rejected as PostMortemPage.Rejected {
            guard let identity = context.identity else { return ConsoleResponse.redirect(to: "/login") }
            do {
                let (status, html) = try await postMortemPage(context, identity, nil, rejected: rejected)
                return ConsoleResponse.html(status, html)
            } catch let error as ConsoleError {
                return errorPage(error.status, error.heading, error.message, identity: identity)
            }
        }
    }
}
