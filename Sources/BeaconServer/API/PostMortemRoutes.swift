import BeaconCore
import Foundation
public import Hummingbird

/// `/api/incidents/{id}/postmortem`: read a post-mortem as JSON or Markdown, and write what the team writes.
///
/// `PUT` takes the editable document as JSON, the same keys as the YAML `beacon postmortem edit` opens:
/// `root_cause`, `trigger`, `impact: {orders_affected, users_affected, revenue_at_risk}`,
/// `comments: {warned_early, responded_fast, fully_solved}`, `no_action_reason`, and `follow_ups`
/// (`id` for existing ones, `kind`, `description`, `owner`, `due` as `YYYY-MM-DD`, `status`, `reason`). A key left
/// out is empty; every existing follow-up must be listed, since nothing is ever deleted. Only the layers that write
/// post-mortems (`PostMortem.authors`) may `PUT`.
public struct PostMortemRoutes: EnvironmentRoutes {
    let environment: RouteEnvironment

    public init(_ environment: RouteEnvironment) { self.environment = environment }

    public func add(to router: Router<BeaconRequestContext>) {
        let api = router.group("api")
        api.get("incidents/:id/postmortem") { _, context in
            _ = try context.requireUser()
            return try await JSONBody.response(try report(context))
        }
        api.put("incidents/:id/postmortem") { request, context in try await update(request, context) }
        api.get("incidents/:id/postmortem.md") { _, context in
            _ = try context.requireUser()
            let report = try await report(context)
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/markdown; charset=utf-8",
                    .contentDisposition: "inline; filename=\"incident-\(report.incidentID.rawValue)-postmortem.md\"",
                ],
                body: ResponseBody(byteBuffer: ByteBuffer(string: report.markdown)))
        }
    }

    func update(_ request: Request, _ context: BeaconRequestContext) async throws -> Response {
        let user = try context.requireWriter(request)
        if let refusal = PostMortem.refusal(for: user.login, in: user.layer) { throw APIError(.forbidden, refusal) }
        let current = try await report(context)
        let body = try await Self.body(request)
        let update: PostMortemUpdate
        do {
            update = try PostMortemDocument(current).parse(json: body, now: now())
        } catch {
            switch error.code {
            case .malformed: throw APIError(.badRequest, "The body is not valid JSON.")
            case .invalid: throw PostMortemProblems(issues: error.issues)
            }
        }
        do {
            try await postMortems.apply(update, to: current.incidentID, by: user.login, at: now())
            return try await JSONBody.response(try postMortems.report(current.incidentID))
        } catch let error as StoreError {
            throw APIError(error.code == .notFound ? .notFound : .conflict, error.message)
        }
    }

    /// The report of the incident in the path, or a 404 saying whether the incident or its post-mortem is missing.
    func report(_ context: BeaconRequestContext) async throws -> PostMortemReport {
        guard let raw = context.parameters.get("id", as: Int64.self) else {
            throw APIError(.notFound, "No such incident.")
        }
        let id = IncidentID(raw)
        guard try await incidentRepository.incident(id) != nil else { throw APIError(.notFound, "No incident \(id).") }
        guard try await postMortems.postMortem(id) != nil else {
            throw APIError(.notFound, "Incident \(id) has no post-mortem yet; it opens when the incident resolves.")
        }
        return try await postMortems.report(id)
    }

    /// The request body, at most 64 KiB, never empty.
    static func body(_ request: Request) async throws -> Data {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: 64 * 1024)
        } catch {
            throw APIError(.contentTooLarge, "The request body is larger than 64 KiB.")
        }
        guard buffer.readableBytes > 0 else { throw APIError(.badRequest, "The request needs a JSON body.") }
        return Data(buffer: buffer)
    }
}

/// A 422 listing every problem of a post-mortem edit: `{"error": "…", "field": "…", "problems": [{"field", "reason"}]}`.
struct PostMortemProblems: HTTPResponseError {
    var issues: [ConfigIssue]
    var status: HTTPResponse.Status { .unprocessableContent }

    struct Body: Encodable {
        struct Problem: Encodable {
            var field: String
            var reason: String
        }
        var error: String
        var field: String?
        var problems: [Problem]
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let problems = issues.map { Body.Problem(field: $0.field, reason: $0.reason) }
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        let first = problems.first.map { $0.field.isEmpty ? $0.reason : "\($0.field): \($0.reason)" } ?? ""
        return try JSONBody.response(
            Body(
                error: "The post-mortem has \(count); nothing was saved. \(first)", field: problems.first?.field,
                problems: problems),
            status: status)
    }
}
