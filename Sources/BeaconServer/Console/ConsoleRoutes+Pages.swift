import BeaconCore
import Foundation
import Hummingbird

extension ConsoleRoutes {
    typealias Rendered = (status: HTTPResponse.Status, html: String)

    func dashboard(_ identity: Identity, _ flash: PageChrome.Flash?) async throws -> Rendered {
        let now = now()
        let config = config()
        let incidents = try await incidentRepository.incidents(
            statuses: IncidentStatus.active, since: nil, limit: 1_000)
        let chrome = await PageChrome(
            title: ConsoleFormat.t("title.dashboard"), identity: identity, section: .dashboard, now: now,
            refreshSeconds: Self.refreshSeconds,
            pendingApprovals: try pendingCount(identity), flash: flash)
        var page = DashboardPage(
            chrome: chrome, incidents: incidents,
            acknowledgers: try await incidentRepository.acknowledgers(incidents.compactMap(\.id)),
            rules: config.rules,
            series: try await incidentRepository.recentSeries(
                from: now.addingTimeInterval(-DashboardPage.window), to: now),
            failing: failingSources(), postMortems: try await postMortems.postMortemsToWrite(),
            unreached: try await outboxFigures.unreachedIncidents(), queued: try await outboxFigures.depthByChannel(),
            now: now)
        let overrides = try await environment.repositories.rosters.overrides(
            roster: nil, from: now, to: now.addingTimeInterval(15 * 86_400))
        page.holders = OnCallReport(config: config, overrides: overrides, at: now).layers.map { duty in
            DashboardPage.Holder(
                layer: duty.layer.rawValue, layerName: ConsoleFormat.words.layer(duty.layer),
                who: duty.gap
                    ? ConsoleFormat.t("oncall.nobody_on_duty") : ConsoleFormat.words.list(duty.onDuty.map(\.name)),
                until: duty.onDuty.first?.until.map { ConsoleFormat.time($0, now: now) }, gap: duty.gap)
        }
        return (.ok, ConsoleTemplates.render(page, .dashboard))
    }

    func incidentList(_ request: Request, _ identity: Identity, _ flash: PageChrome.Flash?) async throws -> Rendered {
        // Read as a form: browsers send a GET form's spaces as `+`.
        let parameters = ConsoleForm(request.uri.query ?? "")
        let filters = IncidentsPage.Filters(
            status: parameters["status"] ?? "", severity: parameters["severity"] ?? "",
            category: parameters["category"] ?? "", q: parameters.text("q") ?? "")
        let query = IncidentQuery(
            statuses: filters.status == IncidentsPage.activeChoice
                ? IncidentStatus.active : try Self.values(filters.status, "status", ConsoleFormat.words.status),
            severities: try Self.values(filters.severity, "severity", ConsoleFormat.words.label),
            categories: try Self.values(filters.category, "category", ConsoleFormat.words.category), text: filters.q)
        let incidents = try await incidentRepository.incidents(matching: query)
        let chrome = await PageChrome(
            title: ConsoleFormat.t("title.incidents"), identity: identity, section: .incidents, now: now(),
            pendingApprovals: try pendingCount(identity), flash: flash)
        let page = IncidentsPage(
            chrome: chrome, filters: filters, incidents: incidents, limit: query.limit,
            acknowledgers: try await incidentRepository.acknowledgers(incidents.compactMap(\.id)), now: now())
        return (.ok, ConsoleTemplates.render(page, .incidents))
    }

    func incidentPage(
        _ request: Request, _ context: BeaconRequestContext, _ identity: Identity, _ flash: PageChrome.Flash?
    ) async throws -> Rendered {
        let filter = request.uri.queryParameters["show"].flatMap { TimelineFilter(rawValue: String($0)) }
        let id = try incidentID(context)
        guard let incident = try await incidentRepository.incident(id) else {
            throw ConsoleError.notFound(ConsoleFormat.t("flash.no_incident", ["id": "\(id)"]))
        }
        let now = now()
        let record = IncidentPage.Record(
            incident: incident, timeline: try await incidentRepository.timeline(id),
            steps: try await incidentRepository.runSteps(id),
            approvals: try await incidentRepository.approvals(id),
            acknowledgedBy: try await incidentRepository.acknowledgers([id])[id])
        let chrome = PageChrome(
            title: "\(id) \(incident.title)", identity: identity, section: .incidents, now: now,
            refreshSeconds: Self.refreshSeconds, pendingApprovals: try await pendingCount(identity), flash: flash)
        let page = IncidentPage(
            chrome: chrome, record: record, layer: identity.user.layer, config: config(), now: now, filter: filter)
        return (.ok, ConsoleTemplates.render(page, .incident))
    }

    func inbox(_ identity: Identity, _ flash: PageChrome.Flash?) async throws -> Rendered {
        let now = now()
        let pending = try await incidentRepository.pendingApprovals()
        let answered = try await incidentRepository.answeredApprovals(limit: ApprovalsPage.answeredShown)
        let ids = Array(Set((pending + answered).map(\.incidentID)))
        let incidents = try await incidentRepository.incidents(ids)
        let acknowledgers = try await incidentRepository.acknowledgers(ids)
        var contexts: [IncidentID: ApprovalsPage.Context] = [:]
        for (id, incident) in incidents {
            let steps = pending.contains { $0.incidentID == id } ? try await incidentRepository.runSteps(id) : []
            contexts[id] = ApprovalsPage.Context(
                incident: incident, steps: steps, acknowledgedBy: acknowledgers[id], config: config())
        }
        let chrome = await PageChrome(
            title: ConsoleFormat.t("title.approvals"), identity: identity, section: .approvals, now: now,
            refreshSeconds: Self.refreshSeconds,
            pendingApprovals: try pendingCount(identity), flash: flash)
        let page = ApprovalsPage(
            chrome: chrome, layer: identity.user.layer, pending: pending, answered: answered, contexts: contexts,
            now: now)
        return (.ok, ConsoleTemplates.render(page, .approvals))
    }

    func incidentID(_ context: BeaconRequestContext) throws -> IncidentID {
        guard let raw = context.parameters.get("id", as: Int64.self) else {
            throw ConsoleError.notFound(ConsoleFormat.t("flash.no_such_incident"))
        }
        return IncidentID(raw)
    }

    /// One value of a filter, or a comma-separated few; an unknown one is named in a 400 page, with the values
    /// the filter takes and what each means in the reader's words.
    static func values<T: RawRepresentable & CaseIterable>(
        _ text: String, _ field: String, _ label: (T) -> String
    ) throws
        -> [T]
    where T.RawValue == String {
        try text.split(separator: ",").map { word in
            guard let value = T(rawValue: String(word)) else {
                throw ConsoleError.badRequest(
                    ConsoleFormat.t(
                        "flash.unknown_value",
                        [
                            "field": ConsoleFormat.t("check.noun.\(field)"), "value": String(word),
                            "known": ConsoleFormat.choices(label),
                        ]))
            }
            return value
        }
    }
}
