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
                return Self.error(status: .gone, "This link was already used.")
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
            return Self.error(status: error == .expired ? .gone : .notFound, "\(error)")
        }
        return try await show(claim)
    }

    func show(_ claim: ApprovalSigner.Claim) async throws -> Response {
        guard let approval = try await incidentRepository.approval(claim.approvalID),
            let incident = try await incidentRepository.incident(approval.incidentID)
        else { return Self.error(status: .notFound, "This approval no longer exists.") }
        guard approval.state == .pending else { return Self.answered(approval) }
        let verb = claim.approve.map { $0 ? "Approve" : "Reject" } ?? "Approve or reject"
        let config = config()
        let what = try await incidentRepository.runSteps(approval.incidentID)
            .first { $0.stepID == approval.stepID }?.message.flatMap { $0.isEmpty ? nil : $0 }
        let asked = config.chain.person(claim.person)?.person.name ?? claim.person.rawValue
        let body = """
            <h1>\(verb): \(HTML.escape(approval.title))</h1>
            <div class="facts">
            <p class="\(incident.severity.rawValue)"><strong>\(incident.severity.rawValue.uppercased())</strong> \
            #\(incident.id?.rawValue ?? 0) \(HTML.escape(incident.title))</p>
            <p>Status \(incident.status.rawValue), opened \(MessageComposer.clockText(incident.openedAt))\
            \(incident.value.map { ", value \(HTML.escape(config.format($0, rule: incident.ruleID)))" } ?? "")\
            \(incident.threshold.map { " against \(HTML.escape(config.format($0, rule: incident.ruleID)))" } ?? "").</p>
            <p>Asked of you, \(HTML.escape(asked)); the link expires \(MessageComposer.clockText(approval.expiresAt)).</p>
            </div>
            \(what.map { "<div class=\"approval-details\"><p>To approve:</p><p class=\"note\">\(HTML.escape($0))</p></div>" } ?? "")
            <form method="post">
            <p><label>Comment (optional)<br><textarea name="comment"></textarea></label></p>
            \(Self.buttons(claim.approve))
            </form>
            """
        return Self.html(.ok, HTML.page(title: "\(verb) \(approval.title)", body: body))
    }

    /// Why a short link does not lead to its approval, as the page that says so.
    struct ShortLinkRefusal: Error {
        var response: Response
    }

    /// The claim of a short link: the person and approval it was sent for, both answers offered.
    func shortClaim(_ code: String) async throws -> Result<ApprovalSigner.Claim, ShortLinkRefusal> {
        guard ApprovalShortLink.isWellFormed(code),
            let link = try await approvalLinks.shortLink(codeHash: ApprovalShortLink.hash(code))
        else { return .failure(ShortLinkRefusal(response: Self.error(status: .notFound, "This link is not valid."))) }
        guard link.usedAt == nil else {
            if let approval = try await incidentRepository.approval(link.approvalID), approval.state != .pending {
                return .failure(ShortLinkRefusal(response: Self.answered(approval)))
            }
            return .failure(ShortLinkRefusal(response: Self.error(status: .gone, "This link was already used.")))
        }
        guard now() <= link.expiresAt else {
            return .failure(ShortLinkRefusal(response: Self.error(status: .gone, "This link has expired.")))
        }
        return .success(
            ApprovalSigner.Claim(
                approvalID: link.approvalID, person: link.person, approve: nil, expiresAt: link.expiresAt))
    }

    /// One button for a link that carries its answer; both for an answer link.
    static func buttons(_ approve: Bool?) -> String {
        switch approve {
        case true?: #"<button class="approve" type="submit">Approve</button>"#
        case false?: #"<button class="reject" type="submit">Reject</button>"#
        case nil:
            #"<button class="approve" name="decision" value="approve" type="submit">Approve</button>"#
                + #"<button class="reject" name="decision" value="reject" type="submit">Reject</button>"#
        }
    }

    func answer(_ token: String, decision: String?, comment: String?) async throws -> Response {
        let claim: ApprovalSigner.Claim
        do {
            claim = try signer.verify(token, at: now())
        } catch {
            return Self.error(status: error == .expired ? .gone : .notFound, "\(error)")
        }
        return try await answer(claim, decision: decision, comment: comment)
    }

    func answer(_ claim: ApprovalSigner.Claim, decision: String?, comment: String?) async throws -> Response {
        let config = config()
        guard let (person, layer) = config.chain.person(claim.person) else {
            return Self.error(status: .forbidden, "\(claim.person) is no longer in the command chain.")
        }
        if let approval = try await incidentRepository.approval(claim.approvalID),
            approval.state == .approved || approval.state == .rejected
        {
            return Self.answered(approval)
        }
        guard let approve = claim.approve ?? decision.flatMap({ ["approve": true, "reject": false][$0] }) else {
            return Self.error(status: .badRequest, "Choose approve or reject.")
        }
        do {
            let approval = try await commands.answer(
                claim.approvalID, approve: approve, by: person.id.rawValue, layer: layer,
                comment: comment, at: now())
            queued(config.chain.execution.people.count)
            return Self.answered(approval, justNow: true)
        } catch let error as IncidentError {
            return Self.error(status: error.status, error.message)
        }
    }

    static func answered(_ approval: Approval, justNow: Bool = false) -> Response {
        let who = approval.answeredBy.map { " by \(HTML.escape($0))" } ?? ""
        let heading = justNow ? "Thank you: \(approval.state.rawValue)" : "Already answered: \(approval.state.rawValue)"
        let body = """
            <h1>\(heading)</h1>
            <p>\(HTML.escape(approval.title)) was \(approval.state.rawValue)\(who)\
            \(approval.answeredAt.map { " at \(MessageComposer.clockText($0))" } ?? "").</p>
            \(approval.comment.map { "<p>Comment: \(HTML.escape($0))</p>" } ?? "")
            """
        return html(justNow ? .ok : .conflict, HTML.page(title: heading, body: body))
    }

    static func error(status: HTTPResponse.Status, _ message: String) -> Response {
        html(
            status,
            HTML.page(title: "Approval", body: "<h1>Cannot answer</h1><p class=\"error\">\(HTML.escape(message))</p>"))
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
