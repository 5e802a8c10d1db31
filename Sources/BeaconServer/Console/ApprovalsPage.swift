import BeaconCore
import Foundation

/// `GET /approvals`: what the decision layer is asked, why, and two buttons.
struct ApprovalsPage {
    struct Question {
        var id: Int64
        var title: String
        var stepID: String
        var owner: String
        var incidentID: Int64
        var incidentTitle: String
        var severity: String
        /// The incident in three lines.
        var facts: [String]
        var requested: String
        var expires: String
        /// What is to be approved: the text the step would publish, if it has one.
        var details: String?
    }

    struct Answer {
        var title: String
        var state: String
        var stateText: String
        var incidentID: Int64
        var incidentTitle: String
        var answeredBy: String
        var answered: String
        var comment: String?
    }

    /// The most recent answers listed under the questions.
    static let answeredShown = 10

    var chrome: PageChrome
    var canAnswer: Bool
    var questions: [Question]
    var noQuestions: Bool
    var answers: [Answer]
    var hasAnswers: Bool

    /// Everything a question needs about its incident.
    struct Context {
        var incident: Incident
        var steps: [RunStep]
        var acknowledgedBy: String?
        /// For the values' units.
        var config: BeaconConfig
    }

    init(
        chrome: PageChrome, layer: Layer, pending: [Approval], answered: [Approval], contexts: [IncidentID: Context],
        now: Date
    ) {
        self.chrome = chrome
        canAnswer = layer == .decision
        questions = pending.filter { now <= $0.expiresAt }.compactMap { approval in
            guard let context = contexts[approval.incidentID] else { return nil }
            return Self.question(approval, context: context, now: now)
        }
        noQuestions = questions.isEmpty
        answers = answered.map { approval in
            Answer(
                title: approval.title, state: approval.state.rawValue,
                stateText: ConsoleFormat.t("approval.\(approval.state.rawValue)"),
                incidentID: approval.incidentID.rawValue,
                incidentTitle: contexts[approval.incidentID]?.incident.title ?? "",
                answeredBy: approval.answeredBy.map(ConsoleFormat.name) ?? "",
                answered: approval.answeredAt.map {
                    ConsoleFormat.time($0, now: now)
                } ?? "", comment: approval.comment)
        }
        hasAnswers = !answers.isEmpty
    }

    static func question(_ approval: Approval, context: Context, now: Date) -> Question {
        let incident = context.incident
        let step = context.steps.first { $0.stepID == approval.stepID }
        return Question(
            id: approval.id?.rawValue ?? 0, title: approval.title, stepID: approval.stepID.rawValue,
            owner: step.map { ConsoleFormat.words.layer($0.owner) } ?? "",
            incidentID: incident.id?.rawValue ?? 0, incidentTitle: incident.title, severity: incident.severity.rawValue,
            facts: facts(
                incident, steps: context.steps, acknowledgedBy: context.acknowledgedBy, config: context.config, now: now
            ),
            requested: ConsoleFormat.t(
                "console.ago", ["span": ConsoleFormat.span(now.timeIntervalSince(approval.requestedAt))]),
            expires: ConsoleFormat.time(approval.expiresAt, now: now),
            details: step?.message.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// `SEV1 critical · acknowledged · system`, `Opened 03:15 UTC, 42m ago · value 0.82 against 0.9`,
    /// `Acknowledged by zhangmin · 2 of 5 steps done, 1 late`.
    static func facts(
        _ incident: Incident, steps: [RunStep], acknowledgedBy: String?, config: BeaconConfig, now: Date
    ) -> [String] {
        let severity = incident.severity
        let words = ConsoleFormat.words
        var opened = ConsoleFormat.t(
            "console.opened_ago",
            [
                "time": ConsoleFormat.time(incident.openedAt, now: now),
                "span": ConsoleFormat.span(now.timeIntervalSince(incident.openedAt)),
            ])
        if let value = incident.value {
            opened += " · " + ConsoleFormat.t("console.value", ["value": config.format(value, rule: incident.ruleID)])
            if let threshold = incident.threshold {
                opened += ConsoleFormat.t(
                    "console.against", ["threshold": config.format(threshold, rule: incident.ruleID)])
            }
        }
        let done = steps.filter { $0.state == .done }.count
        let late = steps.filter { $0.state == .missed }.count
        var progress = ConsoleFormat.t("console.steps_done", ["done": "\(done)", "steps": "\(steps.count)"])
        if late > 0 { progress += ConsoleFormat.t("console.steps_late", ["late": "\(late)"]) }
        return [
            "\(severity.rawValue.uppercased()) \(words.label(severity)) · \(words.status(incident.status)) · "
                + words.category(incident.category),
            opened,
            IncidentRow.holder(incident, acknowledgedBy: acknowledgedBy) + " · " + progress,
        ]
    }
}
