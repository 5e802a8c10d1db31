public import BeaconApproval
import BeaconCore
import Foundation
public import Hummingbird

/// The pages behind approval links: no sign-in, the signed token is the credential.
///
/// `GET` shows the question and one button; only `POST` answers, so a link preview or a mail scanner that
/// fetches the link answers nothing.
public struct ApprovalLinkRoutes: EnvironmentRoutes {
    let environment: RouteEnvironment
    let signer: ApprovalSigner

    public init(_ environment: RouteEnvironment, signer: ApprovalSigner) {
        self.environment = environment
        self.signer = signer
    }

    public func add(to router: Router<some RequestContext>) {
        router.get("/assets/page.css") { _, _ in ConsoleResponse.asset(HTML.pageCSS, type: "text/css") }
        router.get("/approvals/:token") { _, context in try await show(context.parameters.require("token")) }
        router.get("/a/:code") { _, context in
            switch try await shortClaim(context.parameters.require("code")) {
            case .success(let claim): try await show(claim)
            case .failure(let refusal): refusal.response
            }
        }
        router.post("/a/:code") { request, context in
            let body = String(buffer: try await request.body.collect(upTo: 16_384))
            let code = try context.parameters.require("code")
            let claim: ApprovalSigner.Claim
            switch try await shortClaim(code) {
            case .success(let found): claim = found
            case .failure(let refusal): return refusal.response
            }
            // Used once: the first answer through a short link spends it, whatever the answer.
            guard try await approvalLinks.useShortLink(codeHash: ApprovalShortLink.hash(code), at: now()) else {
                return Self.error(status: .gone, ConsoleFormat.t("link.used"))
            }
            return try await answer(
                claim, decision: Self.formValue("decision", in: body), comment: Self.formValue("comment", in: body))
        }
        router.post("/approvals/:token") { request, context in
            let form = try await request.body.collect(upTo: 16_384)
            let body = String(buffer: form)
            let decision = Self.formValue("decision", in: body)
            return try await answer(
                context.parameters.require("token"), decision: decision, comment: Self.formValue("comment", in: body))
        }
    }

    func show(_ token: String) async throws -> Response {
        let claim: ApprovalSigner.Claim
        do {
            claim = try signer.verify(token, at: now())
        } catch {
            return Self.error(status: error == .expired ? .gone : .notFound, ConsoleFormat.t("link.\(error)"))
        }
        return try await show(claim)
    }

    func show(_ claim: ApprovalSigner.Claim) async throws -> Response {
        guard let approval = try await incidentRepository.approval(claim.approvalID),
            let incident = try await incidentRepository.incident(approval.incidentID)
        else { return Self.error(status: .notFound, ConsoleFormat.t("link.gone")) }
        let config = config()
        // The page speaks the language of the person the link was sent to, in their zone.
        let words = config.chain.person(claim.person).map { config.words(for: $0.person) } ?? ConsoleFormat.words
        return try await ConsoleFormat.$words.withValue(words) {
            guard approval.state == .pending else { return Self.answered(approval, now: now()) }
            return try await page(claim, approval, incident, config)
        }
    }

    private func page(
        _ claim: ApprovalSigner.Claim, _ approval: Approval, _ incident: Incident, _ config: BeaconConfig
    ) async throws -> Response {
        let verb = ConsoleFormat.t(claim.approve.map { $0 ? "link.approve" : "link.reject" } ?? "link.answer")
        let now = now()
        let what = try await incidentRepository.runSteps(approval.incidentID)
            .first { $0.stepID == approval.stepID }?.message.flatMap { $0.isEmpty ? nil : $0 }
        let asked = config.chain.person(claim.person)?.person.name ?? claim.person.rawValue
        var facts = ConsoleFormat.t(
            "link.facts",
            [
                "status": ConsoleFormat.words.status(incident.status),
                "time": ConsoleFormat.time(incident.openedAt, now: now),
            ])
        if let value = incident.value {
            facts += " · " + ConsoleFormat.t("console.value", ["value": config.format(value, rule: incident.ruleID)])
            if let threshold = incident.threshold {
                facts += ConsoleFormat.t(
                    "console.against", ["threshold": config.format(threshold, rule: incident.ruleID)])
            }
        }
        let body = """
            <h1>\(HTML.escape(verb)): \(HTML.escape(approval.title))</h1>
            <div class="facts">
            <p class="\(incident.severity.rawValue)"><strong>\(incident.severity.rawValue.uppercased())</strong> \
            #\(incident.id?.rawValue ?? 0) \(HTML.escape(incident.title))</p>
            <p>\(HTML.escape(facts))</p>
            <p>\(HTML.escape(ConsoleFormat.t("link.asked", ["name": asked, "time": ConsoleFormat.time(approval.expiresAt, now: now)])))</p>
            </div>
            \(what.map { "<div class=\"approval-details\"><p>\(HTML.escape(ConsoleFormat.t("page.approval.to_approve")))</p><p class=\"note\">\(HTML.escape($0))</p></div>" } ?? "")
            <form method="post">
            <p><label>\(HTML.escape(ConsoleFormat.t("page.approval.comment_optional")))<br><textarea name="comment"></textarea></label></p>
            \(Self.buttons(claim.approve))
            </form>
            """
        return Self.html(.ok, HTML.page(title: "\(verb): \(approval.title)", body: body))
    }

    /// Why a short link does not lead to its approval, as the page that says so.
    struct ShortLinkRefusal: Error {
        var response: Response
    }

    /// The claim of a short link: the person and approval it was sent for, both answers offered.
    func shortClaim(_ code: String) async throws -> Result<ApprovalSigner.Claim, ShortLinkRefusal> {
        guard ApprovalShortLink.isWellFormed(code),
            let link = try await approvalLinks.shortLink(codeHash: ApprovalShortLink.hash(code))
        else {
            return .failure(ShortLinkRefusal(response: Self.error(status: .notFound, ConsoleFormat.t("link.invalid"))))
        }
        guard link.usedAt == nil else {
            if let approval = try await incidentRepository.approval(link.approvalID), approval.state != .pending {
                return .failure(ShortLinkRefusal(response: Self.answered(approval, now: now())))
            }
            return .failure(ShortLinkRefusal(response: Self.error(status: .gone, ConsoleFormat.t("link.used"))))
        }
        guard now() <= link.expiresAt else {
            return .failure(ShortLinkRefusal(response: Self.error(status: .gone, ConsoleFormat.t("link.expired"))))
        }
        return .success(
            ApprovalSigner.Claim(
                approvalID: link.approvalID, person: link.person, approve: nil, expiresAt: link.expiresAt))
    }

    /// One button for a link that carries its answer; both for an answer link.
    static func buttons(_ answer: Bool?) -> String {
        let approve = HTML.escape(ConsoleFormat.t("page.approval.approve"))
        let reject = HTML.escape(ConsoleFormat.t("page.approval.reject"))
        return switch answer {
        case true?: #"<button class="approve" type="submit">"# + approve + "</button>"
        case false?: #"<button class="reject" type="submit">"# + reject + "</button>"
        case nil:
            #"<button class="approve" name="decision" value="approve" type="submit">"# + approve + "</button>"
                + #"<button class="reject" name="decision" value="reject" type="submit">"# + reject + "</button>"
        }
    }

    func answer(_ token: String, decision: String?, comment: String?) async throws -> Response {
        let claim: ApprovalSigner.Claim
        do {
            claim = try signer.verify(token, at: now())
        } catch {
            return Self.error(status: error == .expired ? .gone : .notFound, ConsoleFormat.t("link.\(error)"))
        }
        return try await answer(claim, decision: decision, comment: comment)
    }

    func answer(_ claim: ApprovalSigner.Claim, decision: String?, comment: String?) async throws -> Response {
        let config = config()
        guard let (person, layer) = config.chain.person(claim.person) else {
            return Self.error(
                status: .forbidden, ConsoleFormat.t("link.outside_chain", ["name": claim.person.rawValue]))
        }
        return try await ConsoleFormat.$words.withValue(config.words(for: person)) {
            try await answer(claim, person: person, layer: layer, decision: decision, comment: comment, config: config)
        }
    }

    private func answer(
        _ claim: ApprovalSigner.Claim, person: Person, layer: Layer, decision: String?, comment: String?,
        config: BeaconConfig
    ) async throws -> Response {
        if let approval = try await incidentRepository.approval(claim.approvalID),
            approval.state == .approved || approval.state == .rejected
        {
            return Self.answered(approval, now: now())
        }
        guard let approve = claim.approve ?? decision.flatMap({ ["approve": true, "reject": false][$0] }) else {
            return Self.error(status: .badRequest, ConsoleFormat.t("flash.choose_answer"))
        }
        do {
            let approval = try await commands.answer(
                claim.approvalID, approve: approve, by: person.id.rawValue, layer: layer,
                comment: comment, at: now())
            queued(config.chain.execution.people.count)
            return Self.answered(approval, justNow: true, now: now())
        } catch let error as IncidentError {
            return Self.error(status: error.status, error.message(in: ConsoleFormat.words))
        }
    }

    static func answered(_ approval: Approval, justNow: Bool = false, now: Date) -> Response {
        let state = ConsoleFormat.t("approval.\(approval.state.rawValue)")
        let heading = ConsoleFormat.t(justNow ? "link.thanks" : "link.already", ["state": state])
        let sentence = ConsoleFormat.t(
            "link.answered",
            [
                "title": approval.title, "state": state,
                "name": approval.answeredBy.map(ConsoleFormat.name) ?? ConsoleFormat.t("postmortem.unknown"),
                "time": approval.answeredAt.map { ConsoleFormat.time($0, now: now) } ?? "—",
            ])
        let comment = approval.comment.map { ConsoleFormat.t("link.comment", ["comment": $0]) }
        let body = """
            <h1>\(HTML.escape(heading))</h1>
            <p>\(HTML.escape(sentence))</p>
            \(comment.map { "<p>\(HTML.escape($0))</p>" } ?? "")
            """
        return html(justNow ? .ok : .conflict, HTML.page(title: heading, body: body))
    }

    static func error(status: HTTPResponse.Status, _ message: String) -> Response {
        html(
            status,
            HTML.page(
                title: ConsoleFormat.t("link.title"),
                body:
                    "<h1>\(HTML.escape(ConsoleFormat.t("link.cannot")))</h1><p class=\"error\">\(HTML.escape(message))</p>"
            ))
    }

    /// The console's strict headers: a page that can answer for an executive must not be framed or sniffed.
    static func html(_ status: HTTPResponse.Status, _ text: String) -> Response {
        ConsoleResponse.html(status, text)
    }

    /// A value of an `application/x-www-form-urlencoded` body.
    static func formValue(_ name: String, in body: String) -> String? {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.first == name else { continue }
            let raw = parts.count > 1 ? parts[1].replacingOccurrences(of: "+", with: " ") : ""
            return raw.removingPercentEncoding ?? raw
        }
        return nil
    }
}
