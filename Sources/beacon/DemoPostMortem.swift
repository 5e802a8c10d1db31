import BeaconCore
import Foundation

/// The demo's director writes the post-mortem of the payment incident once it has resolved, the way a team
/// would in the console: the record prefilled the 5W1H and the findings; people add the why, the impact and
/// the follow-ups, then close the incident.
enum DemoPostMortem {
    /// Completes and closes the first resolved incident's post-mortem.
    /// - Returns: what happened, as lines to print; empty when no incident resolved.
    static func complete(repositories: Repositories, config: BeaconConfig, at now: Date) async throws -> [String] {
        let postMortems = repositories.postMortems
        let recent = try await repositories.incidents.incidents(statuses: [.resolved], since: nil, limit: 100)
        guard let incident = recent.last, let id = incident.id, let author = config.chain.execution.people.first,
            let postMortem = try await postMortems.postMortem(id)
        else { return [] }
        let actor = author.id.rawValue
        var update = PostMortemUpdate(postMortem, followUps: try await postMortems.followUps(id))
        update.fields.rootCause =
            "The payment provider slowed down and our gateway retried without a budget, exhausting its "
            + "connection pool."
        update.fields.trigger = "A latency spike at the card payment provider."
        update.fields.ordersAffected = 1_240
        update.fields.usersAffected = 980
        update.fields.revenueAtRisk = 186_000
        update.comments[.respondedFast] = "Nobody acknowledged in the demo: the escalations did their job."
        let week: TimeInterval = 7 * 86_400
        let actions = [
            (FollowUpKind.plan, "Add a retry budget and provider failover to the payment-failure playbook"),
            (.knowledgeBase, "Write the agent script for failed card payments"),
            (.training, "Run a payment-outage drill with the on-call leads"),
        ]
        update.followUps += actions.map { kind, description in
            FollowUp(
                incidentID: id, kind: kind, description: description, owner: actor,
                dueAt: now.addingTimeInterval(2 * week))
        }
        try await postMortems.apply(update, to: id, by: actor, at: now)
        let report = try await postMortems.report(id)
        var lines = [
            "\(author.name) writes the post-mortem of \(id): root cause, impact and \(actions.count) follow-ups "
                + "(plan, knowledge base, training)."
        ]
        for finding in report.findings {
            lines.append(
                "  \(finding.kind.question) \(finding.verdict ? "Yes" : "No") — \(finding.evidence.first ?? "")")
        }
        let closed = try await repositories.commands.perform(.close, on: id, by: actor, at: now)
        lines.append(
            "\(id) \(closed.event.message). Export: \(config.publicURL)/incidents/\(id.rawValue)/postmortem.md")
        return lines
    }

    /// The weekly report of the demo's week, in a few lines: what opened, by category, and the deadlines kept.
    static func weekly(repositories: Repositories, config: BeaconConfig, at now: Date) async throws -> [String] {
        let week = ISOWeek(containing: now, in: config.calendar)
        let report = try await repositories.reports.weeklyReport(
            week, calendar: config.calendar, ruleTitles: config.ruleTitles, holidays: config.holidays, at: now)
        let categories = report.byCategory.filter { $0.count > 0 }.map {
            "\($0.category.rawValue) \($0.count) (\($0.sharePercent.formatted(maxFractionDigits: 1))%)"
        }
        let layers = report.deadlines.compactMap { compliance in
            compliance.percentMet.map { "\(compliance.layer.rawValue) \($0.formatted(maxFractionDigits: 1))% met" }
        }
        let totals = report.totals
        return [
            "Weekly report \(week): \(totals.incidents) incidents (\(totals.active) active, \(totals.resolved) resolved, "
                + "\(totals.closed) closed) — \(categories.joined(separator: ", "))",
            "  Deadlines: \(layers.joined(separator: ", ")); follow-ups opened \(report.followUps.opened). "
                + "\(config.publicURL)/reports/weekly",
        ]
    }
}
