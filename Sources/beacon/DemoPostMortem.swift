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
        let words = config.words()
        var update = PostMortemUpdate(postMortem, followUps: try await postMortems.followUps(id))
        update.fields.rootCause = words("demo.pm.root_cause")
        update.fields.trigger = words("demo.pm.trigger")
        update.fields.ordersAffected = 1_240
        update.fields.usersAffected = 980
        update.fields.revenueAtRisk = 186_000
        update.comments[.respondedFast] = words("demo.pm.comment")
        let week: TimeInterval = 7 * 86_400
        let actions = [
            (FollowUpKind.plan, words("demo.pm.plan")),
            (.knowledgeBase, words("demo.pm.knowledge_base")),
            (.training, words("demo.pm.training")),
        ]
        update.followUps += actions.map { kind, description in
            FollowUp(
                incidentID: id, kind: kind, description: description, owner: actor,
                dueAt: now.addingTimeInterval(2 * week))
        }
        try await postMortems.apply(update, to: id, by: actor, at: now)
        let report = try await postMortems.report(id)
        var lines = [words("demo.pm.written", ["name": author.name, "id": "\(id)", "count": "\(actions.count)"])]
        let text = FindingText(words)
        for finding in report.findings {
            lines.append(
                "  \(text.question(finding.kind)) \(text.verdict(finding.verdict)) — "
                    + (finding.facts.first.map(text.sentence) ?? ""))
        }
        let closed = try await repositories.commands.perform(.close, on: id, by: actor, at: now)
        lines.append(
            words(
                "demo.pm.closed",
                [
                    "id": "\(id)", "sentence": TimelineText(words).sentence(closed.event.fact),
                    "url": "\(config.publicURL)/incidents/\(id.rawValue)/postmortem.md",
                ]))
        return lines
    }

    /// The weekly report of the demo's week, in a few lines: what opened, by category, and the deadlines kept.
    static func weekly(repositories: Repositories, config: BeaconConfig, at now: Date) async throws -> [String] {
        let week = ISOWeek(containing: now, in: config.calendar)
        let report = try await repositories.reports.weeklyReport(
            week, calendar: config.calendar, ruleTitles: config.ruleTitles, holidays: config.holidays, at: now)
        let words = config.words()
        let categories = report.byCategory.filter { $0.count > 0 }.map {
            "\(words.category($0.category)) \($0.count) (\($0.sharePercent.formatted(maxFractionDigits: 1))%)"
        }
        let layers = report.deadlines.compactMap { compliance in
            compliance.percentMet.map {
                words(
                    "demo.weekly.met",
                    ["layer": words.layer(compliance.layer), "percent": "\($0.formatted(maxFractionDigits: 1))%"])
            }
        }
        let totals = report.totals
        return [
            words(
                "demo.weekly",
                [
                    "week": "\(week)", "incidents": "\(totals.incidents)", "active": "\(totals.active)",
                    "resolved": "\(totals.resolved)", "closed": "\(totals.closed)",
                    "categories": words.list(categories),
                ]),
            "  "
                + words(
                    "demo.weekly.deadlines",
                    [
                        "layers": words.list(layers), "opened": "\(report.followUps.opened)",
                        "url": "\(config.publicURL)/reports/weekly",
                    ]),
        ]
    }
}
