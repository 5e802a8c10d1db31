import BeaconCore
import Foundation
public import Hummingbird

/// The JSON API: incidents, their actions and steps, and approvals.
public struct IncidentRoutes: EnvironmentRoutes {
    let environment: RouteEnvironment

    public init(_ environment: RouteEnvironment) { self.environment = environment }

    struct Declaration: Decodable {
        var title: String
        var category: BeaconCore.Category
        var severity: Severity
        var description: String?
    }

    struct Note: Decodable { var note: String? }

    struct Escalation: Decodable {
        var layer: Layer?
        var note: String?
    }

    struct Answer: Decodable {
        enum Decision: String, CaseIterable, ClosedSet { case approve, reject }
        var decision: Decision
        var comment: String?
    }

    public func add(to router: Router<BeaconRequestContext>) {
        let api = router.group("api")
        api.get("incidents") { request, context in try await list(request, context) }
        api.get("incidents/:id") { _, context in try await detail(context) }
        api.post("incidents") { request, context in try await declare(request, context) }
        for (path, action) in [
            ("ack", IncidentAction.acknowledge), ("mitigate", .mitigate), ("resolve", .resolve), ("close", .close),
        ] {
            api.post("incidents/:id/\(path)") { request, context in try await act(action, request, context) }
        }
        api.post("incidents/:id/escalate") { request, context in try await escalate(request, context) }
        api.post("incidents/:id/instruct") { request, context in try await instruct(request, context) }
        api.post("incidents/:id/severity") { request, context in try await changeSeverity(request, context) }
        api.post("incidents/:id/reopen") { request, context in try await reopen(request, context) }
        api.post("incidents/:id/steps/:step") { request, context in try await step(request, context) }
        api.post("approvals/:id") { request, context in try await answer(request, context) }
    }

    func list(_ request: Request, _ context: BeaconRequestContext) async throws -> Response {
        _ = try context.requireUser()
        let query = request.uri.queryParameters
        let statuses = try values(query["status"].map(String.init), field: "status", IncidentStatus.self)
        let severities = try values(query["severity"].map(String.init), field: "severity", Severity.self)
        let categories = try values(query["category"].map(String.init), field: "category", BeaconCore.Category.self)
        let since = try query["since"].map { try Self.since(String($0), now: now()) }
        let page = try Page(request)
        let before = try page.after.map { key in
            guard let number = Int64(key), number > 0 else {
                throw APIError(.badRequest, "cursor is an incident number.", field: "cursor")
            }
            return IncidentID(number)
        }
        // Newest by number first; one more than the page, to know whether another follows.
        let incidents = try await incidentRepository.incidents(
            matching: IncidentQuery(
                statuses: statuses, severities: severities, categories: categories, since: since, byNumber: true,
                before: before, limit: page.limit + 1))
        return try page.response(
            incidents, request: request, key: { String($0.id?.rawValue ?? 0) }, encode: { IncidentResource($0) })
    }

    func detail(_ context: BeaconRequestContext) async throws -> Response {
        _ = try context.requireUser()
        let detail = try await IncidentDetailResource(
            try incident(context), incidents: incidentRepository, postMortems: postMortems)
        return try JSONBody.response(detail)
    }

    func declare(_ request: Request, _ context: BeaconRequestContext) async throws -> Response {
        let user = try context.requireWriter(request)
        let body = try await JSONBody.decode(Declaration.self, from: request)
        let change = try await perform {
            try await commands.declare(
                title: body.title, category: body.category, severity: body.severity, by: user.login,
                labels: Labels(), description: body.description, at: now())
        }
        queued(change.notificationsQueued)
        return try JSONBody.response(
            IncidentResource(change.incident), status: .created, location: Self.location(change.incident))
    }

    /// `/api/incidents/12`.
    static func location(_ incident: Incident) -> String { "/api/incidents/\(incident.id?.rawValue ?? 0)" }

    func act(_ action: IncidentAction, _ request: Request, _ context: BeaconRequestContext) async throws -> Response {
        let user = try context.requireWriter(request)
        let id = try incidentID(context)
        let body = try await JSONBody.decode(Note.self, from: request, allowEmpty: true)
        let change = try await perform {
            try await commands.perform(action, on: id, by: user.login, note: body.note, at: now())
        }
        queued(change.notificationsQueued)
        return try JSONBody.response(IncidentResource(change.incident))
    }

    func escalate(_ request: Request, _ context: BeaconRequestContext) async throws -> Response {
        let user = try context.requireWriter(request)
        let id = try incidentID(context)
        let body = try await JSONBody.decode(Escalation.self, from: request, allowEmpty: true)
        let count = try await perform {
            try await commands.escalate(id, to: body.layer, by: user.login, note: body.note, at: now())
        }
        queued(count)
        return try JSONBody.response(["notifications_queued": count])
    }

    /// `{"reason": …}`: the operation or execution layer reopens a closed incident, to change its post-mortem.
    func reopen(_ request: Request, _ context: BeaconRequestContext) async throws -> Response {
        struct Reopening: Decodable { var reason: String }
        let user = try context.requireWriter(request)
        let id = try incidentID(context)
        let body = try await JSONBody.decode(Reopening.self, from: request)
        let change = try await perform {
            try await commands.reopen(id, reason: body.reason, by: user.login, layer: user.layer, at: now())
        }
        return try JSONBody.response(IncidentResource(change.incident))
    }

    /// `{"severity": "sev1", "reason": …}`: the operation or execution layer sets the severity.
    func changeSeverity(_ request: Request, _ context: BeaconRequestContext) async throws -> Response {
        struct Change: Decodable {
            var severity: Severity
            var reason: String
        }
        let user = try context.requireWriter(request)
        let id = try incidentID(context)
        let body = try await JSONBody.decode(Change.self, from: request)
        let change = try await perform {
            try await commands.changeSeverity(
                id, to: body.severity, reason: body.reason, by: user.login, layer: user.layer, at: now())
        }
        queued(change.notificationsQueued)
        return try JSONBody.response(IncidentResource(change.incident))
    }

    /// `{"text": …}`: the decision layer's instruction, sent to the execution layer.
    func instruct(_ request: Request, _ context: BeaconRequestContext) async throws -> Response {
        struct Instruction: Decodable { var text: String }
        let user = try context.requireWriter(request)
        let id = try incidentID(context)
        let body = try await JSONBody.decode(Instruction.self, from: request)
        let change = try await perform {
            try await commands.instruct(id, text: body.text, by: user.login, layer: user.layer, at: now())
        }
        queued(change.notificationsQueued)
        return try JSONBody.response(
            IncidentResource(change.incident), status: .created, location: Self.location(change.incident))
    }

    func step(_ request: Request, _ context: BeaconRequestContext) async throws -> Response {
        let user = try context.requireWriter(request)
        let id = try incidentID(context)
        let stepID = try context.parameters.require("step")
        let body = try await JSONBody.decode(Note.self, from: request, allowEmpty: true)
        let step = try await perform {
            try await commands.completeStep(
                StepID(stepID), of: id, by: user.login, layer: user.layer, note: body.note, at: now())
        }
        return try JSONBody.response(RunStepResource(step))
    }

    func answer(_ request: Request, _ context: BeaconRequestContext) async throws -> Response {
        let user = try context.requireWriter(request)
        guard let id = context.parameters.get("id", as: Int64.self).map(ApprovalID.init) else {
            throw APIError(.notFound, "No such approval.")
        }
        let body = try await JSONBody.decode(Answer.self, from: request)
        let approval = try await perform {
            try await commands.answer(
                id, approve: body.decision == .approve, by: user.login, layer: user.layer, comment: body.comment,
                at: now())
        }
        queued(1)
        return try JSONBody.response(ApprovalResource(approval))
    }

    // MARK: - Helpers

    func incidentID(_ context: BeaconRequestContext) throws -> IncidentID {
        guard let raw = context.parameters.get("id", as: Int64.self) else {
            throw APIError(.notFound, "No such incident.")
        }
        return IncidentID(raw)
    }

    func incident(_ context: BeaconRequestContext) async throws -> Incident {
        let id = try incidentID(context)
        guard let incident = try await incidentRepository.incident(id) else {
            throw APIError(.notFound, "No incident \(id).")
        }
        return incident
    }

    func values<T: RawRepresentable & CaseIterable>(_ text: String?, field: String, _ type: T.Type) throws -> [T]
    where T.RawValue == String {
        guard let text, !text.isEmpty else { return [] }
        return try text.split(separator: ",").map { word in
            guard let value = T(rawValue: String(word)) else {
                let known = T.allCases.map(\.rawValue).joined(separator: ", ")
                throw APIError(.badRequest, "Unknown \(field) \"\(word)\"; use \(known).", field: field)
            }
            return value
        }
    }

    /// `since` as an RFC 3339 time or a duration back from now (`24h`, `7d`).
    static func since(_ text: String, now: Date) throws -> Date {
        switch ConfigText.parseDuration(text) {
        case .success(let duration): return now.addingTimeInterval(-duration.seconds)
        // Longer ago than a duration can say: since the beginning.
        case .failure(.outOfRange): return .distantPast
        case .failure: break
        }
        if let date = RFC3339.date(text) { return date }
        throw APIError(.badRequest, "since is an RFC 3339 time or a duration such as 24h.", field: "since")
    }
}
